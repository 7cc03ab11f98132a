// The simulator behind the GattTransport interface. Like a radio link, every
// operation completes and every notification arrives asynchronously (timer 0 or
// the configured latency), in order; faults from SimFaults apply on the way.
import type {
  GattTransport,
  NotificationListener,
  WriteOptions,
} from "../ble/transport.ts";
import type { Scheduler } from "./band_context.ts";
import { createDisconnectedError, createGattError } from "./gatt_error.ts";
import { SimFaults } from "./sim_faults.ts";
import { REAL_SCHEDULER, type VirtualBand } from "./virtual_band.ts";

/** Options for `createSimTransport`. */
export interface SimTransportOptions {
  /** Delay of every operation and notification in ms (default 0: next timer tick). */
  latencyMs?: number;
  /** Timers (default `setTimeout`). */
  scheduler?: Scheduler;
}

/** A GattTransport talking to a VirtualBand, with fault injection. */
export class SimTransport implements GattTransport {
  /** Faults to arm. */
  readonly faults = new SimFaults();
  #band: VirtualBand;
  #latency: number;
  #scheduler: Scheduler;
  #connected = true;
  #listeners = new Map<string, Set<NotificationListener>>();
  #disconnectListeners = new Set<() => void>();
  #unhook: Array<() => void> = [];

  constructor(band: VirtualBand, options: SimTransportOptions = {}) {
    this.#band = band;
    this.#latency = options.latencyMs ?? 0;
    this.#scheduler = options.scheduler ?? REAL_SCHEDULER;
    band.connect();
    this.#unhook.push(
      band.onNotification((_service, characteristic, value) =>
        this.#deliver(characteristic, value)
      ),
      band.onLinkDropped(() => this.#lose()),
    );
  }

  /** Whether the link is up now. */
  get connected(): boolean {
    return this.#connected;
  }

  /** Reads a characteristic. */
  read(service: string, characteristic: string): Promise<Uint8Array> {
    return this.#operate(() => this.#band.read(service, characteristic));
  }

  /** Writes a characteristic with or without response. */
  write(
    service: string,
    characteristic: string,
    value: Uint8Array,
    options: WriteOptions,
  ): Promise<void> {
    return this.#operate(async () => {
      if (this.faults.takeDropOnWrite(characteristic.toLowerCase(), value)) {
        this.#band.dropLink();
        throw createDisconnectedError();
      }
      await this.#band.write(
        service,
        characteristic,
        value,
        options.withResponse,
      );
    });
  }

  /** Starts notifications; resolves to a function that stops them. */
  subscribe(
    service: string,
    characteristic: string,
    listener: NotificationListener,
  ): Promise<() => Promise<void>> {
    const uuid = characteristic.toLowerCase();
    return this.#operate(() => {
      this.#band.startNotifications(service, characteristic);
      const set = this.#listeners.get(uuid) ?? new Set();
      set.add(listener);
      this.#listeners.set(uuid, set);
      return () => {
        set.delete(listener);
        if (set.size > 0 || !this.#connected) return Promise.resolve();
        return this.#operate(() =>
          this.#band.stopNotifications(service, characteristic)
        );
      };
    });
  }

  /** Registers a callback for a dropped link; returns its remover. */
  onDisconnect(listener: () => void): () => void {
    this.#disconnectListeners.add(listener);
    return () => this.#disconnectListeners.delete(listener);
  }

  /** Drops the link on purpose. */
  disconnect(): void {
    if (!this.#connected) return;
    this.#band.disconnect();
    this.#lose();
  }

  #operate<T>(run: () => T | Promise<T>): Promise<T> {
    if (!this.#connected) return Promise.reject(createDisconnectedError());
    return new Promise<T>((resolve, reject) => {
      this.#scheduler.schedule(async () => {
        if (this.faults.silent) return;
        if (!this.#connected) return reject(createDisconnectedError());
        const error = this.faults.takeOperationError();
        if (error) return reject(createGattError(error.name, error.message));
        try {
          resolve(await run());
        } catch (cause) {
          reject(cause);
        }
      }, this.#latency);
    });
  }

  #deliver(characteristic: string, value: Uint8Array): void {
    if (this.faults.silent) return;
    const faults = this.faults.takePacketFaults(characteristic);
    if (faults.has("lose")) return;
    if (faults.has("corrupt") && value.length > 0) {
      value[value.length - 1] ^= 0xff;
    }
    const copies = faults.has("duplicate") ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      this.#scheduler.schedule(() => {
        if (!this.#connected) return;
        for (
          const listener of [...(this.#listeners.get(characteristic) ?? [])]
        ) listener(value.slice());
        if (this.faults.countDelivered()) this.#band.dropLink();
      }, this.#latency + this.faults.notificationDelayMs);
    }
  }

  #lose(): void {
    if (!this.#connected) return;
    this.#connected = false;
    this.#listeners.clear();
    for (const unhook of this.#unhook) unhook();
    this.#scheduler.schedule(() => {
      for (const listener of [...this.#disconnectListeners]) listener();
    }, 0);
  }
}

/** Connects a SimTransport to a virtual band. */
export function createSimTransport(
  band: VirtualBand,
  options: SimTransportOptions = {},
): SimTransport {
  return new SimTransport(band, options);
}
