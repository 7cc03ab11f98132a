// The figures the week, month and year views draw, one compact value per band
// and calendar year, written in the same commit as the daily summaries they
// repeat: a year view is then one small read instead of 366 records.
// Layout: Int32Array, 7 slots per day of the year (index 0 = 1 January):
// [0] minutes recorded (0 = no data)  [1] steps  [2] active  [3] worn
// [4] light sleep  [5] deep sleep  [6] resting heart rate (-1 = none)
import type { DaySummary } from "../api/sample_schemas.ts";
import { daysInRange } from "../time/zones.ts";
import { daySeriesKey } from "./keys.ts";
import { toLocalDayNumber } from "./summaries.ts";

const FIELDS = 7;
const DAYS = 366;

/** One day's figures as the range views draw them. */
export interface SeriesDay {
  /** Local day, "YYYY-MM-DD". */
  day: string;
  minutesRecorded: number;
  steps: number;
  activeMinutes: number;
  wornMinutes: number;
  lightSleepMinutes: number;
  deepSleepMinutes: number;
  restingHeartRate: number | null;
}

/** Stored series by calendar year, as read for an update. */
export type SeriesByYear = Map<number, Int32Array>;

function locate(day: string): { year: number; at: number } {
  const year = Number(day.slice(0, 4));
  const index = toLocalDayNumber(day) - toLocalDayNumber(`${year}-01-01`);
  return { year, at: index * FIELDS };
}

/** Lists the calendar years local days `from`..`to` cover. */
export function listSeriesYears(range: { from: string; to: string }): number[] {
  const years: number[] = [];
  for (
    let y = Number(range.from.slice(0, 4));
    y <= Number(range.to.slice(0, 4));
    y++
  ) {
    years.push(y);
  }
  return years;
}

/** Reads the stored series of some years; a year without one starts empty. */
export async function readSeries(
  kv: Deno.Kv,
  bandId: string,
  years: readonly number[],
): Promise<SeriesByYear> {
  const entries: Deno.KvEntryMaybe<Int32Array>[] = [];
  // getMany takes at most 10 keys.
  for (let i = 0; i < years.length; i += 10) {
    entries.push(
      ...await kv.getMany<Int32Array[]>(
        years.slice(i, i + 10).map((y) => daySeriesKey(bandId, y)),
      ),
    );
  }
  const series: SeriesByYear = new Map();
  entries.forEach((entry, i) => {
    const value = entry.value;
    series.set(
      years[i],
      value instanceof Int32Array && value.length === DAYS * FIELDS
        ? value
        : new Int32Array(DAYS * FIELDS),
    );
  });
  return series;
}

/** Puts one day's figures into the series (null clears the day). */
export function putSeriesDay(
  series: SeriesByYear,
  day: string,
  summary: DaySummary | null,
): void {
  const { year, at } = locate(day);
  const values = series.get(year);
  if (!values) throw new RangeError(`Cannot update series: ${year} not read`);
  values.set(
    summary
      ? [
        summary.minutesRecorded,
        summary.steps,
        summary.activeMinutes,
        summary.wornMinutes,
        summary.lightSleepMinutes,
        summary.deepSleepMinutes,
        summary.restingHeartRate ?? -1,
      ]
      : [0, 0, 0, 0, 0, 0, -1],
    at,
  );
}

/** Adds the series' writes to an atomic commit. */
export function addSeriesWrites(
  atomic: Deno.AtomicOperation,
  bandId: string,
  series: SeriesByYear,
): void {
  for (const [year, values] of series) {
    atomic.set(daySeriesKey(bandId, year), values);
  }
}

/** Reads the range views' figures of local days `from`..`to`: null for a day without data. */
export async function listSeriesDays(
  kv: Deno.Kv,
  bandId: string,
  range: { from: string; to: string },
): Promise<(SeriesDay | null)[]> {
  const series = await readSeries(kv, bandId, listSeriesYears(range));
  return daysInRange(range.from, range.to).map((day) => {
    const { year, at } = locate(day);
    const v = series.get(year)!;
    if (v[at] === 0) return null;
    return {
      day,
      minutesRecorded: v[at],
      steps: v[at + 1],
      activeMinutes: v[at + 2],
      wornMinutes: v[at + 3],
      lightSleepMinutes: v[at + 4],
      deepSleepMinutes: v[at + 5],
      restingHeartRate: v[at + 6] < 0 ? null : v[at + 6],
    };
  });
}
