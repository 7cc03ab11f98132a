// A small semaphore in front of password hashing. scrypt costs ~16 MiB and tens
// of milliseconds of a core per call; without a cap, 64 anonymous clients
// starve the event loop (a signed-in person's 0.6 ms request took 1–2 s). With
// it, at most `maxConcurrent` hashes run, a few wait a bounded time, and the
// rest are told to come back (503 with `Retry-After`) without hashing at all.
import { HttpError } from "../http/errors.ts";

/** How many hashes may run, wait, and for how long. */
export interface HashGateOptions {
  maxConcurrent: number;
  maxQueue: number;
  maxWaitMs: number;
}

/** Seconds a refused client is asked to wait. */
export const HASH_BUSY_RETRY_SECONDS = 3;

interface Waiter {
  start: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Runs password hashes at most `maxConcurrent` at a time, with a bounded queue. */
export class HashGate {
  #options: HashGateOptions;
  #running = 0;
  #queue: Waiter[] = [];
  #started = 0;

  constructor(options: HashGateOptions) {
    this.#options = options;
  }

  /** How many jobs have been let through since the gate was made (tests read it). */
  get started(): number {
    return this.#started;
  }

  /**
   * Runs `job` when a slot is free; throws 503 when the queue is full or the
   * wait too long. A `priority` job (a known device signing in) waits at the
   * front of the queue and is never turned away for a full queue.
   */
  async run<T>(
    job: () => Promise<T>,
    options: { priority?: boolean } = {},
  ): Promise<T> {
    await this.#acquire(options.priority === true);
    this.#started++;
    try {
      return await job();
    } finally {
      this.#release();
    }
  }

  #acquire(priority: boolean): Promise<void> {
    if (this.#running < this.#options.maxConcurrent) {
      this.#running++;
      return Promise.resolve();
    }
    if (!priority && this.#queue.length >= this.#options.maxQueue) {
      return Promise.reject(busy());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          this.#running++;
          resolve();
        },
        timer: setTimeout(() => {
          this.#queue = this.#queue.filter((w) => w !== waiter);
          reject(busy());
        }, this.#options.maxWaitMs),
      };
      if (priority) this.#queue.unshift(waiter);
      else this.#queue.push(waiter);
    });
  }

  #release() {
    this.#running--;
    this.#queue.shift()?.start();
  }
}

function busy(): HttpError {
  return new HttpError(
    503,
    "busy",
    "Cannot check the password now: the server is busy, try again in a few seconds",
    { headers: { "Retry-After": String(HASH_BUSY_RETRY_SECONDS) } },
  );
}

function defaultConcurrency(): number {
  const cores = navigator.hardwareConcurrency ?? 2;
  // Leave a core for the event loop on small machines.
  return Math.max(1, Math.min(4, cores - 1));
}

/** The server's one gate for every password hash and check. */
export const passwordGate: HashGate = new HashGate({
  maxConcurrent: defaultConcurrency(),
  maxQueue: 16,
  maxWaitMs: 2_000,
});
