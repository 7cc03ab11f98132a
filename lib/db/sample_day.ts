// One UTC day of a band's minutes, packed into one KV value (8,640 bytes, far
// below the 64 KiB limit):
// [0 .. 5759]     4 bytes per minute, as the band sent them: kind, intensity, steps, heart rate
// [5760 .. 8639]  int16 LE per minute: the band's UTC offset in minutes; 0x7fff = minute missing
// Keeping the band's offset with each instant means DST changes and travel neither
// overlap nor leave holes, and the local time the band showed can be rebuilt.
import {
  type ActivitySample,
  decodeSample,
  isSameSample,
  SAMPLE_BYTES,
  SAMPLE_FIELD,
} from "../minute/sample.ts";

/** Minutes in one UTC day. */
export const MINUTES_PER_DAY = 1440;

/** Milliseconds in one UTC day. */
export const DAY_MS = 86_400_000;

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
  return {
    ...decodeSample(day, index * SAMPLE_BYTES),
    utcOffsetMinutes: offset,
  };
}

/** How many minutes a merge added, found unchanged and found conflicting. */
export interface MergeCounts {
  added: number;
  unchanged: number;
  conflicting: number;
}

/**
 * Merges `count` consecutive minutes (4 raw bytes each from `bytes[from]`) into a
 * packed day from minute `index` on. A missing minute takes the new value; a
 * stored one is never replaced, so repeated and overlapping uploads converge on
 * the first real value.
 */
export function mergeMinutes(
  day: Uint8Array,
  index: number,
  source: { bytes: Uint8Array; from: number; count: number },
  utcOffsetMinutes: number,
): MergeCounts {
  const view = viewOf(day);
  const { bytes } = source;
  const counts: MergeCounts = { added: 0, unchanged: 0, conflicting: 0 };
  for (let n = 0; n < source.count; n++) {
    const minute = index + n;
    const at = minute * SAMPLE_BYTES;
    const from = source.from + n * SAMPLE_BYTES;
    if (view.getInt16(OFFSETS_AT + minute * 2, true) !== MISSING) {
      if (isSameSample(day, at, bytes, from)) counts.unchanged++;
      else counts.conflicting++;
      continue;
    }
    day.set(bytes.subarray(from, from + SAMPLE_BYTES), at);
    view.setInt16(OFFSETS_AT + minute * 2, utcOffsetMinutes, true);
    counts.added++;
  }
  return counts;
}

/** Merges one minute (4 raw bytes at `bytes[from]`) into a packed day; see {@link mergeMinutes}. */
export function mergeMinute(
  day: Uint8Array,
  index: number,
  bytes: Uint8Array,
  from: number,
  utcOffsetMinutes: number,
): MergeOutcome {
  const c = mergeMinutes(
    day,
    index,
    { bytes, from, count: 1 },
    utcOffsetMinutes,
  );
  return c.added ? "added" : c.unchanged ? "unchanged" : "conflicting";
}

/** Receives one stored minute: its instant, raw bytes and the band's offset then. */
export type PackedMinuteVisitor = (
  time: number,
  rawKind: number,
  intensity: number,
  steps: number,
  rawHeartRate: number,
  utcOffsetMinutes: number,
) => void;

const MINUTE_MS = 60_000;

/** Visits the stored minutes of one packed UTC day inside `[start, end)`, in time order (one DataView, no object per minute). */
export function visitPackedDay(
  pack: Uint8Array,
  utcDay: number,
  range: { start: number; end: number },
  visit: PackedMinuteVisitor,
): void {
  if (!isPackedDay(pack)) return;
  const dayStart = utcDay * DAY_MS;
  const first = Math.max(0, Math.ceil((range.start - dayStart) / MINUTE_MS));
  const last = Math.min(
    MINUTES_PER_DAY,
    Math.ceil((range.end - dayStart) / MINUTE_MS),
  );
  const view = viewOf(pack);
  for (let i = first; i < last; i++) {
    const offset = view.getInt16(OFFSETS_AT + i * 2, true);
    if (offset === MISSING) continue;
    const at = i * SAMPLE_BYTES;
    visit(
      dayStart + i * MINUTE_MS,
      pack[at + SAMPLE_FIELD.kind],
      pack[at + SAMPLE_FIELD.intensity],
      pack[at + SAMPLE_FIELD.steps],
      pack[at + SAMPLE_FIELD.heartRate],
      offset,
    );
  }
}

/** Visits every stored minute in `[start, end)` across packs keyed by UTC day number. */
export function visitPackedRange(
  packs: ReadonlyMap<number, Uint8Array>,
  range: { start: number; end: number },
  visit: PackedMinuteVisitor,
): void {
  const firstDay = Math.floor(range.start / DAY_MS);
  const lastDay = Math.floor((range.end - 1) / DAY_MS);
  for (let day = firstDay; day <= lastDay; day++) {
    const pack = packs.get(day);
    if (pack) visitPackedDay(pack, day, range, visit);
  }
}
