// Read-check-write loops under contention: each try re-reads and commits with a
// version check; between tries a growing, fully jittered delay spreads the
// contenders out so most land, and after a bounded number of tries the caller
// gets a 409 instead of an unbounded wait or a 500.
import { WriteConflictError } from "./errors.ts";

/** What one try returns when its commit lost to another write and should run again. */
export const RETRY = Symbol("retry");

/** How a conflict loop waits between tries; randomness and sleep are injectable for tests. */
export interface RetryOptions {
  /** Tries before giving up (default 12). */
  attempts?: number;
  /** Upper bound of the first delay in ms (default 4); it doubles per try. */
  baseDelayMs?: number;
  /** Upper bound of any delay in ms (default 250). */
  maxDelayMs?: number;
  /** Uniform random number in [0, 1) (default `Math.random`). */
  random?: () => number;
  /** Waits `ms` milliseconds (default a timer). */
  sleep?: (ms: number) => Promise<void>;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `tryOnce` until it returns something other than `RETRY`, sleeping a
 * jittered exponential delay between tries; throws a `WriteConflictError` with
 * `conflictMessage` when every try lost.
 */
export async function retryOnConflict<T>(
  tryOnce: (attempt: number) => Promise<T | typeof RETRY>,
  conflictMessage: string,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 12;
  const base = options.baseDelayMs ?? 4;
  const max = options.maxDelayMs ?? 250;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? wait;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) {
      await sleep(random() * Math.min(max, base * 2 ** (attempt - 1)));
    }
    const result = await tryOnce(attempt);
    if (result !== RETRY) return result;
  }
  throw new WriteConflictError(conflictMessage);
}
