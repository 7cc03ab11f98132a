// Hourly and daily figures for one local day, computed from the packed UTC days
// that cover it. Uploads recompute every touched day in full, so a stored summary
// always equals a fresh recomputation from the raw minutes.
import type {
  DaySummary,
  HeartRateStats,
  HourSummary,
  SummaryFigures,
} from "../api/sample_schemas.ts";
import {
  type ResolvedActivityKind,
  toActivityKind,
} from "../protocol/activity_kinds.ts";
import { addDays, startOfLocalDay } from "../time/zones.ts";
import {
  DAY_MS,
  MINUTES_PER_DAY,
  readMinute,
  type StoredMinute,
  toUtcDay,
} from "./sample_day.ts";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

// Kinds resolve as in the protocol module ("noChange" and "ignore" repeat the
// last other kind); the look-back restarts at each local midnight so a day's
// summary depends only on that day's minutes.
// A minute counts as active when the band saw a run or a ride, or walking-type
// kinds with steps in that minute: "activity" is inherited by idle minutes too,
// so without the step test a quiet afternoon would count as hours of activity.
const ALWAYS_ACTIVE_KINDS: ReadonlySet<ResolvedActivityKind> = new Set([
  "running",
  "rideBike",
]);
const ACTIVE_WHEN_STEPPING_KINDS: ReadonlySet<ResolvedActivityKind> = new Set([
  "activity",
  "wakeUp",
]);
const NOT_WORN_KINDS: ReadonlySet<ResolvedActivityKind> = new Set([
  "nonWear",
  "charging",
]);

class FigureCounter {
  minutesRecorded = 0;
  steps = 0;
  activeMinutes = 0;
  wornMinutes = 0;
  lightSleepMinutes = 0;
  deepSleepMinutes = 0;
  heartRates: number[] = [];

  add(minute: StoredMinute, kind: ResolvedActivityKind): void {
    this.minutesRecorded++;
    this.steps += minute.steps;
    if (
      ALWAYS_ACTIVE_KINDS.has(kind) ||
      (ACTIVE_WHEN_STEPPING_KINDS.has(kind) && minute.steps > 0)
    ) this.activeMinutes++;
    if (!NOT_WORN_KINDS.has(kind)) this.wornMinutes++;
    if (kind === "lightSleep") this.lightSleepMinutes++;
    if (kind === "deepSleep") this.deepSleepMinutes++;
    if (minute.heartRate !== 0 && minute.heartRate !== 0xff) {
      this.heartRates.push(minute.heartRate);
    }
  }

  toFigures(): SummaryFigures {
    return {
      minutesRecorded: this.minutesRecorded,
      steps: this.steps,
      distanceMeters: null,
      calories: null,
      activeMinutes: this.activeMinutes,
      wornMinutes: this.wornMinutes,
      lightSleepMinutes: this.lightSleepMinutes,
      deepSleepMinutes: this.deepSleepMinutes,
      heartRate: summarizeHeartRates(this.heartRates),
    };
  }
}

function summarizeHeartRates(rates: number[]): HeartRateStats | null {
  if (rates.length === 0) return null;
  let min = Infinity, max = -Infinity, sum = 0;
  for (const r of rates) {
    if (r < min) min = r;
    if (r > max) max = r;
    sum += r;
  }
  return { min, mean: Math.round(sum / rates.length), max };
}

/** Estimates resting heart rate: the 10th percentile (nearest rank) of at least 10 readings. */
export function estimateRestingHeartRate(
  rates: readonly number[],
): number | null {
  if (rates.length < 10) return null;
  const sorted = [...rates].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.1) - 1];
}

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

/** A local day's summary together with its hours. */
export interface LocalDaySummaries {
  day: DaySummary;
  hours: HourSummary[];
}

/** Computes the daily and hourly summaries of a local day from packed UTC days (`packs` by UTC day). */
export function summarizeLocalDay(
  packs: ReadonlyMap<number, Uint8Array>,
  day: string,
  timeZone: string,
): LocalDaySummaries | null {
  const { start, end } = getLocalDayBounds(day, timeZone);
  const total = new FigureCounter();
  const hours: HourSummary[] = [];
  let lastKind: ResolvedActivityKind = "unknown";
  for (let hourStart = start; hourStart < end; hourStart += HOUR_MS) {
    const hour = new FigureCounter();
    const hourEnd = Math.min(end, hourStart + HOUR_MS);
    for (let t = hourStart; t < hourEnd; t += MINUTE_MS) {
      const pack = packs.get(toUtcDay(t));
      if (pack === undefined) continue;
      const index = Math.floor((t % DAY_MS) / MINUTE_MS) % MINUTES_PER_DAY;
      const minute = readMinute(pack, index);
      if (minute === null) continue;
      const kind = toActivityKind(minute.kind);
      if (kind !== "noChange" && kind !== "ignore") lastKind = kind;
      hour.add(minute, lastKind);
      total.add(minute, lastKind);
    }
    hours.push({ start: hourStart, ...hour.toFigures() });
  }
  if (total.minutesRecorded === 0) return null;
  return {
    day: {
      day,
      start,
      end,
      ...total.toFigures(),
      restingHeartRate: estimateRestingHeartRate(total.heartRates),
    },
    hours,
  };
}
