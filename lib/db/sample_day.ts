// One UTC day of a band's minutes, packed into one KV value (8,640 bytes, far
// below the 64 KiB limit):
// [0 .. 5759]     4 bytes per minute, as the band sent them: kind, intensity, steps, heart rate
// [5760 .. 8639]  int16 LE per minute: the band's UTC offset in minutes; 0x7fff = minute missing
// Keeping the band's offset with each instant means DST changes and travel neither
// overlap nor leave holes, and the local time the band showed can be rebuilt.
import type { ActivitySample } from "../protocol/activity_sample.ts";

/** Minutes in one UTC day. */
export const MINUTES_PER_DAY = 1440;

/** Milliseconds in one UTC day. */
export const DAY_MS = 86_400_000;

const SAMPLE_BYTES = 4;
const OFFSETS_AT = MINUTES_PER_DAY * SAMPLE_BYTES;
const MISSING = 0x7fff;

/** Size in bytes of a packed day. */
export const PACKED_DAY_BYTES = MINUTES_PER_DAY * 6;

/** A stored minute: the raw sample with the band's offset at that minute. */
export interface StoredMinute extends ActivitySample {
  utcOffsetMinutes: number;
}

/** What merging one minute did. */
export type MergeOutcome = "added" | "unchanged" | "conflicting";

/** Returns the UTC day number (days since 1970-01-01) of an instant. */
export function toUtcDay(instantMs: number): number {
  return Math.floor(instantMs / DAY_MS);
}

/** Makes a packed day with every minute missing. */
export function createEmptyDay(): Uint8Array {
  const day = new Uint8Array(PACKED_DAY_BYTES);
  const view = new DataView(day.buffer);
  for (let i = 0; i < MINUTES_PER_DAY; i++) {
    view.setInt16(OFFSETS_AT + i * 2, MISSING, true);
  }
  return day;
}

function viewOf(day: Uint8Array): DataView {
  return new DataView(day.buffer, day.byteOffset, day.byteLength);
}

/** Checks that a stored value is a packed day. */
export function isPackedDay(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength === PACKED_DAY_BYTES;
}

/** Tells whether minute `index` (0–1439) of a packed day is stored. */
export function hasMinute(day: Uint8Array, index: number): boolean {
  return viewOf(day).getInt16(OFFSETS_AT + index * 2, true) !== MISSING;
}

/** Reads minute `index` of a packed day, or null when it is missing. */
export function readMinute(
  day: Uint8Array,
  index: number,
): StoredMinute | null {
  const offset = viewOf(day).getInt16(OFFSETS_AT + index * 2, true);
  if (offset === MISSING) return null;
  const at = index * SAMPLE_BYTES;
  return {
    kind: day[at],
    intensity: day[at + 1],
    steps: day[at + 2],
    heartRate: day[at + 3],
    utcOffsetMinutes: offset,
  };
}

/**
 * Merges one minute (4 raw bytes at `bytes[from]`) into a packed day.
 * A missing minute takes the new value; a stored one is never replaced, so
 * repeated and overlapping uploads converge on the first real value.
 */
export function mergeMinute(
  day: Uint8Array,
  index: number,
  bytes: Uint8Array,
  from: number,
  utcOffsetMinutes: number,
): MergeOutcome {
  const view = viewOf(day);
  const at = index * SAMPLE_BYTES;
  if (view.getInt16(OFFSETS_AT + index * 2, true) !== MISSING) {
    const same = day[at] === bytes[from] && day[at + 1] === bytes[from + 1] &&
      day[at + 2] === bytes[from + 2] && day[at + 3] === bytes[from + 3];
    return same ? "unchanged" : "conflicting";
  }
  day.set(bytes.subarray(from, from + SAMPLE_BYTES), at);
  view.setInt16(OFFSETS_AT + index * 2, utcOffsetMinutes, true);
  return "added";
}
