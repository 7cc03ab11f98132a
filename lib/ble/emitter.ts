// A minimal typed listener set. A throwing listener must not starve the others or
// break the notification path it is called from, so errors go to `onError` instead.

/** Callback for values of type T. */
export type Listener<T> = (value: T) => void;

/** A set of listeners for one kind of value; `subscribe` returns the unsubscribe function. */
export class Emitter<T> {
  #listeners = new Set<Listener<T>>();
  #onError: (err: unknown) => void;

  /** Creates an emitter; `onError` receives what a listener throws (default: reportError). */
  constructor(onError: (err: unknown) => void = reportListenerError) {
    this.#onError = onError;
  }

  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: Listener<T>): () => void {
    const entry: Listener<T> = (value) => listener(value);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /** Calls every listener with `value`. */
  emit(value: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch (err) {
        this.#onError(err);
      }
    }
  }

  /** Number of listeners, so a caller can stop notifications nobody listens to. */
  get size(): number {
    return this.#listeners.size;
  }
}

function reportListenerError(err: unknown): void {
  if (typeof globalThis.reportError === "function") globalThis.reportError(err);
}
