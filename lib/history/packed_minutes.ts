// Fast reading of the storage engineer's packed UTC days (lib/db/sample_day.ts):
// a year view walks half a million minutes, and one DataView per pack instead
// of one object per minute keeps that to a few milliseconds.
// [0 .. 5759] kind, intensity, steps, heart rate per minute  [5760 ..] int16 LE offset, 0x7fff missing

import { DAY_MS, isPackedDay, MINUTES_PER_DAY } from "../db/sample_day.ts";

const MINUTE_MS = 60_000;
const OFFSETS_AT = MINUTES_PER_DAY * 4;
const MISSING = 0x7fff;

/** Receives one stored minute: its instant and raw bytes (heart rate 0 or 0xff means none). */
export type PackedMinuteVisitor = (
  time: number,
  rawKind: number,
  intensity: number,
  steps: number,
  heartRate: number,
  utcOffsetMinutes: number,
) => void;

/** Visits the stored minutes of one packed UTC day that fall inside `[start, end)`, in time order. */
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
  const view = new DataView(pack.buffer, pack.byteOffset, pack.byteLength);
  for (let i = first; i < last; i++) {
    const offset = view.getInt16(OFFSETS_AT + i * 2, true);
    if (offset === MISSING) continue;
    const at = i * 4;
    visit(
      dayStart + i * MINUTE_MS,
      pack[at],
      pack[at + 1],
      pack[at + 2],
      pack[at + 3],
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
