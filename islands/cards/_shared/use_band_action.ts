// One hook for every card's band operations: it connects lazily through
// `withBand`, keeps one operation per card at a time, says at once what it is
// doing (feedback on the click's own frame, long before 100 ms), lets a long
// operation be cancelled, and turns the outcome into a short note.
import { useSignal } from "@preact/signals";
import type { MiBand4 } from "../../../lib/ble/mi_band4.ts";
import { connectedBand, withBand } from "../../../lib/state/band_connection.ts";
import { countWaitingSaves } from "./save_settings.ts";

/** A card's last outcome, or what it is doing now. */
export interface CardNoteValue {
  kind: "ok" | "error" | "pending";
  text: string;
}

/** Options of one run. */
export interface RunOptions {
  /** What the card shows while the operation runs (default "Talking to the band…"). */
  pending?: string;
  /** What the card shows when the person cancels (default "Cancelled"). */
  cancelled?: string;
}

/** What a card's action hook offers. */
export interface BandAction {
  /** Whether an operation is running. */
  busy: boolean;
  /** The last outcome, or null. */
  note: CardNoteValue | null;
  /** Whether the page holds a live connection. */
  connected: boolean;
  /** Runs `operation` on the band; on success shows `done` (or the operation's own text). */
  run<T>(
    operation: (band: MiBand4, signal: AbortSignal) => Promise<T>,
    done?: string | ((result: T) => string),
    options?: RunOptions,
  ): Promise<T | undefined>;
  /** Cancels the running operation (its signal aborts). */
  cancel(): void;
  /** Shows a note without talking to the band. */
  show(note: CardNoteValue | null): void;
}

/** Describes any error in one line for a card. */
export function describeCardError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Hook: run band operations from a card. */
export function useBandAction(): BandAction {
  const busy = useSignal(false);
  const note = useSignal<CardNoteValue | null>(null);
  const stop = useSignal<AbortController | null>(null);
  const band = connectedBand.value;
  return {
    busy: busy.value,
    note: note.value,
    connected: band !== null && band.connected,
    show(value) {
      note.value = value;
    },
    cancel() {
      stop.value?.abort();
    },
    async run(operation, done, options = {}) {
      if (busy.value) return undefined;
      const controller = new AbortController();
      stop.value = controller;
      busy.value = true;
      note.value = {
        kind: "pending",
        text: options.pending ?? "Talking to the band…",
      };
      try {
        const waitingBefore = countWaitingSaves();
        const result = await withBand((b) => operation(b, controller.signal));
        const text = typeof done === "function" ? done(result) : done;
        // The band has the change; the server will once it is back.
        const waits = countWaitingSaves() > waitingBefore
          ? " · kept on this browser until the server is back"
          : "";
        note.value = text ? { kind: "ok", text: text + waits } : null;
        return result;
      } catch (error) {
        note.value = controller.signal.aborted
          ? { kind: "ok", text: options.cancelled ?? "Cancelled" }
          : { kind: "error", text: describeCardError(error) };
        return undefined;
      } finally {
        busy.value = false;
        stop.value = null;
      }
    },
  };
}
