// Stored daily and hourly figures of local days, computed by lib/minute from the
// packed UTC days that cover them. Uploads and rebuilds recompute every day a
// change can reach, so a stored figure always equals a fresh computation.
import {
  DayFiguresBuilder,
  type DayRange,
  getFiguresWindow,
  type LocalDayFigures,
} from "../minute/day_figures.ts";
import { addDays, startOfLocalDay } from "../time/zones.ts";
import { DAY_MS, toUtcDay, visitPackedRange } from "./sample_day.ts";

/** Local day as a day number (days since 1970-01-01 of the calendar date). */
export function toLocalDayNumber(day: string): number {
  return Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
  ) / DAY_MS;
}

/** Start (inclusive) and end (exclusive) of a local day, in epoch ms. */
export function getLocalDayBounds(
  day: string,
  timeZone: string,
): { start: number; end: number } {
  return {
    start: startOfLocalDay(day, timeZone),
    end: startOfLocalDay(addDays(day, 1), timeZone),
  };
}

/** Lists the UTC day numbers whose packs cover `[start, end)`. */
export function listUtcDays(start: number, end: number): number[] {
  const days: number[] = [];
  for (let d = toUtcDay(start); d <= toUtcDay(end - 1); d++) days.push(d);
  return days;
}

/** Lists the UTC days whose packs the figures of `from`..`to` read. */
export function listFiguresUtcDays(range: DayRange): number[] {
  const { start, end } = getFiguresWindow(range);
  return listUtcDays(start, end);
}

/** Computes the figures of local days `from`..`to` from packed UTC days (`packs` by UTC day). */
export function computeDayFigures(
  packs: ReadonlyMap<number, Uint8Array>,
  range: DayRange,
): LocalDayFigures[] {
  const builder = new DayFiguresBuilder(range);
  visitPackedRange(
    packs,
    getFiguresWindow(range),
    (time, rawKind, _intensity, steps, heartRate) =>
      builder.push(time, rawKind, steps, heartRate),
  );
  return builder.finish();
}
