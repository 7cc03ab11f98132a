// Replies come as notifications, possibly before the code that wants them awaits, so
// they are buffered here and handed out in order; waiting always has a timeout and
// ends at once on a disconnect or an abort, never by sleeping.

import { BleError } from "./errors.ts";

/** Options for waiting on the next notification. */
export interface NextOptions {
  /** Milliseconds to wait before rejecting with a "timeout" BleError. */
  timeoutMs: number;
  /** Aborts the wait with a "cancelled" BleError. */
  signal?: AbortSignal;
  /** What is being waited for, used in the timeout message ("answer to the challenge"). */
  what?: string;
}

interface Waiter {
  resolve(value: Uint8Array): void;
  reject(err: unknown): void;
}

/** A FIFO of notification values from one characteristic, with timed waits. */
export class NotificationInbox {
  #buffer: Uint8Array[] = [];
  #waiters: Waiter[] = [];
  #failure: unknown = undefined;

  /** Accepts one notification value; pass it as the subscription listener. */
  readonly push = (value: Uint8Array): void => {
    const waiter = this.#waiters.shift();
    if (waiter) waiter.resolve(value);
    else this.#buffer.push(value);
  };

  /** Drops buffered values, e.g. stale replies before a new command. */
  clear(): void {
    this.#buffer.length = 0;
  }

  /** Rejects current and future waits with `err` (used on disconnect). */
  fail(err: unknown): void {
    this.#failure = err;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(err);
  }

  /** Resolves with the next value, or rejects on timeout, abort or failure. */
  next(options: NextOptions): Promise<Uint8Array> {
    const buffered = this.#buffer.shift();
    if (buffered) return Promise.resolve(buffered);
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const { signal, timeoutMs } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<Uint8Array>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
      };
      const waiter: Waiter = {
        resolve(value) {
          finish();
          resolve(value);
        },
        reject(err) {
          finish();
          reject(err);
        },
      };
      const onAbort = () => waiter.reject(abortError(signal));
      const timer = setTimeout(
        () =>
          waiter.reject(
            new BleError(
              "timeout",
              `Cannot get ${
                options.what ?? "a reply"
              } from the band: no answer within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }
}

/** The error for an aborted operation: the signal's own BleError reason, or a "cancelled" one. */
export function abortError(signal?: AbortSignal): BleError {
  const reason = signal?.reason;
  if (reason instanceof BleError) return reason;
  return new BleError(
    "cancelled",
    "Cannot continue: the operation was cancelled",
    {
      cause: reason,
    },
  );
}
