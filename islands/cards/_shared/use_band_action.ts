// One hook for every card's band operations: it connects lazily through
// `withBand`, keeps one operation per card at a time, and turns the outcome into
// a short note the card shows.
import { useSignal } from "@preact/signals";
import type { MiBand4 } from "../../../lib/ble/mi_band4.ts";
import { connectedBand, withBand } from "../../../lib/state/band_connection.ts";

/** A card's last outcome. */
export interface CardNoteValue {
  kind: "ok" | "error";
  text: string;
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
    operation: (band: MiBand4) => Promise<T>,
    done?: string | ((result: T) => string),
  ): Promise<T | undefined>;
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
  const band = connectedBand.value;
  return {
    busy: busy.value,
    note: note.value,
    connected: band !== null && band.connected,
    show(value) {
      note.value = value;
    },
    async run(operation, done) {
      if (busy.value) return undefined;
      busy.value = true;
      note.value = null;
      try {
        const result = await withBand(operation);
        const text = typeof done === "function" ? done(result) : done;
        if (text) note.value = { kind: "ok", text };
        return result;
      } catch (error) {
        note.value = { kind: "error", text: describeCardError(error) };
        return undefined;
      } finally {
        busy.value = false;
      }
    },
  };
}
