// One GATT connection of the fake Web Bluetooth layer: runs operations after the
// link latency, routes the band's notifications to that connection's objects, and
// turns every object of a closed connection stale.
import type { Scheduler } from "./band_context.ts";
import type { FakeGattCharacteristic } from "./fake_gatt_objects.ts";
import { createDisconnectedError, createGattError } from "./gatt_error.ts";
import type { VirtualBand } from "./virtual_band.ts";

/** A live connection between a fake device and its band. */
export class FakeGattLink {
  /** The band at the other end. */
  readonly band: VirtualBand;
  /** The BluetoothDevice look-alike that owns the link. */
  readonly device: unknown;
  #scheduler: Scheduler;
  #latency: number;
  #open = true;
  #characteristics: FakeGattCharacteristic[] = [];

  constructor(
    band: VirtualBand,
    device: unknown,
    options: { scheduler: Scheduler; latencyMs: number },
  ) {
    this.band = band;
    this.device = device;
    this.#scheduler = options.scheduler;
    this.#latency = options.latencyMs;
  }

  /** Whether the connection is still up. */
  get open(): boolean {
    return this.#open;
  }

  /** Runs one GATT operation after the link latency, failing as Chrome does on a closed link. */
  run<T>(operation: () => T | Promise<T>): Promise<T> {
    if (!this.#open) return Promise.reject(staleError());
    return new Promise<T>((resolve, reject) => {
      this.#scheduler.schedule(async () => {
        if (!this.#open) return reject(createDisconnectedError());
        try {
          resolve(await operation());
        } catch (cause) {
          reject(cause);
        }
      }, this.#latency);
    });
  }

  /** Registers a characteristic object so notifications reach it. */
  track(characteristic: FakeGattCharacteristic): void {
    this.#characteristics.push(characteristic);
  }

  /** Delivers a notification asynchronously to the characteristic objects of this connection. */
  deliver(service: string, characteristic: string, value: Uint8Array): void {
    this.#scheduler.schedule(() => {
      if (!this.#open) return;
      for (const c of this.#characteristics) {
        if (c.uuid === characteristic && c.service.uuid === service) {
          c.receive(value);
        }
      }
    }, this.#latency);
  }

  /** Closes the connection; its objects become stale. */
  close(): void {
    this.#open = false;
  }
}

function staleError(): DOMException {
  return createGattError(
    "InvalidStateError",
    "GATT Characteristic no longer exists.",
  );
}
