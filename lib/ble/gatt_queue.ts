// Browsers reject a GATT call made while another is in flight ("GATT operation already
// in progress", spec §27.1), so every read, write and start/stop of notifications on one
// connection goes through this queue. Notifications themselves never wait in it.

import type {
  GattTransport,
  NotificationListener,
  WriteOptions,
} from "./transport.ts";
import { BleError } from "./errors.ts";
import { mapBluetoothError } from "./web_bluetooth_errors.ts";

/** Options for a GATT queue. */
export interface GattQueueOptions {
  /** How long one operation may take before it is rejected, in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Pause before the one retry of an operation Chrome refused as "already in progress" (default 50 ms). */
  busyRetryDelayMs?: number;
}

/** Default per-operation timeout, the value working clients use (spec §27.6). */
export const DEFAULT_GATT_TIMEOUT_MS = 10_000;

interface Entry {
  fail(err: BleError): void;
}

/** A GattTransport that runs the wrapped transport's operations one at a time, each with a timeout. */
export class GattQueue implements GattTransport {
  #inner: GattTransport;
  #timeoutMs: number;
  #busyRetryDelayMs: number;
  #tail: Promise<void> = Promise.resolve();
  #entries = new Set<Entry>();

  /** Wraps `inner`; a disconnect of `inner` rejects everything pending or queued. */
  constructor(inner: GattTransport, options: GattQueueOptions = {}) {
    this.#inner = inner;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_GATT_TIMEOUT_MS;
    this.#busyRetryDelayMs = options.busyRetryDelayMs ?? 50;
    inner.onDisconnect(() => this.#failAll());
  }

  /** Whether the wrapped link is up. */
  get connected(): boolean {
    return this.#inner.connected;
  }

  /** Reads a characteristic once every earlier operation has finished. */
  read(service: string, characteristic: string): Promise<Uint8Array> {
    return this.#enqueue(
      `read ${shortId(characteristic)}`,
      () => this.#inner.read(service, characteristic),
    );
  }

  /** Writes a characteristic once every earlier operation has finished. */
  write(
    service: string,
    characteristic: string,
    value: Uint8Array,
    options: WriteOptions,
  ): Promise<void> {
    return this.#enqueue(
      `write ${shortId(characteristic)}`,
      () => this.#inner.write(service, characteristic, value, options),
    );
  }

  /** Starts notifications in turn; the returned stop function is queued as well. */
  async subscribe(
    service: string,
    characteristic: string,
    listener: NotificationListener,
  ): Promise<() => Promise<void>> {
    const id = shortId(characteristic);
    const stop = await this.#enqueue(
      `start notifications on ${id}`,
      () => this.#inner.subscribe(service, characteristic, listener),
    );
    let stopped = false;
    return () => {
      if (stopped || !this.#inner.connected) return Promise.resolve();
      stopped = true;
      return this.#enqueue(`stop notifications on ${id}`, stop);
    };
  }

  /** Registers a callback for a dropped link. */
  onDisconnect(listener: () => void): () => void {
    return this.#inner.onDisconnect(listener);
  }

  /** Drops the link and rejects everything still waiting. */
  disconnect(): void {
    this.#inner.disconnect();
    this.#failAll();
  }

  #failAll(): void {
    const entries = [...this.#entries];
    this.#entries.clear();
    for (const entry of entries) {
      entry.fail(
        new BleError(
          "disconnected",
          "Cannot finish Bluetooth operation: the band disconnected",
        ),
      );
    }
  }

  #enqueue<T>(label: string, run: () => Promise<T>): Promise<T> {
    if (!this.#inner.connected) {
      return Promise.reject(
        new BleError(
          "disconnected",
          `Cannot ${label}: the band is not connected`,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let abort: (err: BleError) => void = () => {};
      const aborted = new Promise<never>((_, rejectAbort) => {
        abort = rejectAbort;
      });
      // A queued entry can be failed before it ever races, so its rejection must not go unhandled.
      aborted.catch(() => {});
      const entry: Entry = {
        fail(err) {
          if (settled) return;
          settled = true;
          abort(err);
          reject(err);
        },
      };
      this.#entries.add(entry);
      this.#tail = this.#tail.then(async () => {
        if (settled) return;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, rejectTimeout) => {
          timer = setTimeout(
            () =>
              rejectTimeout(
                new BleError(
                  "timeout",
                  `Cannot ${label}: no answer within ${this.#timeoutMs} ms`,
                ),
              ),
            this.#timeoutMs,
          );
        });
        try {
          const value = await Promise.race([
            this.#attempt(label, run),
            timeout,
            aborted,
          ]);
          if (!settled) resolve(value);
        } catch (err) {
          if (!settled) reject(mapBluetoothError(err, label));
        } finally {
          settled = true;
          clearTimeout(timer);
          this.#entries.delete(entry);
        }
      });
    });
  }

  // Spec §27.1: a call refused because another GATT operation (perhaps another tab's or
  // the OS's) was in flight was never performed, so it is retried once after a pause.
  async #attempt<T>(label: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const mapped = mapBluetoothError(err, label);
      if (mapped.code !== "gatt_busy" || !this.#inner.connected) throw mapped;
      await new Promise((resolve) =>
        setTimeout(resolve, this.#busyRetryDelayMs)
      );
      return await run();
    }
  }
}

/** Short form of a 128-bit UUID for messages (`0000fee0-…` → `fee0`). */
function shortId(uuid: string): string {
  return /^0000[0-9a-f]{4}-/.test(uuid) ? uuid.slice(4, 8) : uuid;
}
