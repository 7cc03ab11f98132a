// Keeps the heart-rate readings the band sends while connected (one-shot
// measurements and the unsolicited ones of §32.2) and stores them as `heart_rate`
// readings in batches, once a minute and when recording stops. Readings are keyed
// by their whole second, so a batch re-sent after a lost answer changes nothing.

const SECOND_MS = 1000;
// The API's heart_rate schema accepts 20–250 bpm; the band sends 0 without skin contact.
const MIN_BPM = 20;
const MAX_BPM = 250;
// The API takes at most 200 readings a request.
const MAX_BATCH = 200;

/** One stored heart-rate reading, as the API's `heart_rate` kind takes it. */
export interface HeartRateReading {
  time: number;
  bpm: number;
}

/** Where readings come from (MiBand4's `onHeartRate`). */
export interface HeartRateSource {
  onHeartRate(listener: (reading: { bpm: number }) => void): () => void;
}

/** Options for `startHeartRateRecorder`. */
export interface HeartRateRecorderOptions {
  /** Stores readings; resolving means they are durable. */
  store: (readings: HeartRateReading[]) => Promise<void>;
  /** Current instant (default Date.now). */
  now?: () => number;
  /** Milliseconds between batches (default 60 000). */
  flushEveryMs?: number;
  /** Repeats `task` every `ms`; returns the function that stops (default setInterval). */
  repeat?: (task: () => void, ms: number) => () => void;
  /** Receives a failed batch's error; its readings wait for the next batch. */
  onError?: (error: unknown) => void;
}

/** Collects heart-rate readings from a band and stores them in batches. */
export class HeartRateRecorder {
  #pending = new Map<number, HeartRateReading>();
  #options: HeartRateRecorderOptions;
  #now: () => number;
  #unsubscribe: () => void;
  #stopTimer: () => void;
  #flushing: Promise<number> = Promise.resolve(0);

  /** Starts listening to `source` and the batch timer. */
  constructor(source: HeartRateSource, options: HeartRateRecorderOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#unsubscribe = source.onHeartRate((reading) => this.#add(reading.bpm));
    const repeat = options.repeat ?? repeatWithInterval;
    this.#stopTimer = repeat(
      () => void this.flush().catch(() => {}),
      options.flushEveryMs ?? 60_000,
    );
  }

  /** Readings waiting to be stored. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Stores the waiting readings; resolves to how many were sent, rejects (keeping them) on failure. */
  flush(): Promise<number> {
    // One batch at a time, so a slow request never races the next minute's.
    const next = this.#flushing.catch(() => 0).then(() => this.#storePending());
    this.#flushing = next;
    return next;
  }

  /** Stops listening and the timer, then stores what is waiting. */
  async stop(): Promise<number> {
    this.#unsubscribe();
    this.#stopTimer();
    return await this.flush();
  }

  #add(bpm: number): void {
    if (!Number.isInteger(bpm) || bpm < MIN_BPM || bpm > MAX_BPM) return;
    const time = Math.floor(this.#now() / SECOND_MS) * SECOND_MS;
    if (!this.#pending.has(time)) this.#pending.set(time, { time, bpm });
  }

  async #storePending(): Promise<number> {
    const readings = [...this.#pending.values()];
    let sent = 0;
    try {
      for (let i = 0; i < readings.length; i += MAX_BATCH) {
        const batch = readings.slice(i, i + MAX_BATCH);
        await this.#options.store(batch);
        for (const reading of batch) this.#pending.delete(reading.time);
        sent += batch.length;
      }
    } catch (error) {
      this.#options.onError?.(error);
      throw error;
    }
    return sent;
  }
}

/** Starts recording a band's heart-rate readings; call `stop()` on disconnect. */
export function startHeartRateRecorder(
  source: HeartRateSource,
  options: HeartRateRecorderOptions,
): HeartRateRecorder {
  return new HeartRateRecorder(source, options);
}

function repeatWithInterval(task: () => void, ms: number): () => void {
  const id = setInterval(task, ms);
  return () => clearInterval(id);
}
