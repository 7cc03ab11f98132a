// Everything the week, month and year views show: stored daily summaries for the
// figures, and sleep sessions from the raw minutes so a night counts for the
// morning it ends rather than being split at midnight.

import { listDailySummaries } from "../db/history_queries.ts";
import { readPacks } from "../db/samples.ts";
import { listUtcDays } from "../db/summaries.ts";
import { getSyncState } from "../db/sync_state.ts";
import { addDays, daysInRange, startOfLocalDay } from "../time/zones.ts";
import { countActiveByDay } from "./active_by_day.ts";
import { type Completeness, countPastMinutes } from "./completeness.ts";
import { countWorkoutsStarted } from "./day_readings.ts";
import { findSessionsByDay, getSleepWindow, sumSleep } from "./sleep_by_day.ts";

/** Per-day series for a multi-day view; null marks a day without data. */
export interface RangeViewData {
  /** Local days shown, first to last. */
  days: string[];
  /** The person's time zone. */
  timeZone: string;
  /** Steps per day. */
  steps: (number | null)[];
  /** Minutes per day that moved (the strip's "active" class). */
  activeMinutes: (number | null)[];
  /** Minutes on the wrist per day. */
  wornMinutes: (number | null)[];
  /** Resting heart rate per day. */
  restingHeartRate: (number | null)[];
  /** Light sleep of the sessions ending each day. */
  lightSleepMinutes: (number | null)[];
  /** Deep sleep of the sessions ending each day. */
  deepSleepMinutes: (number | null)[];
  /** Workouts that started in the period. */
  workoutCount: number;
  /** How much of the period is stored, and the last sync. */
  completeness: Completeness;
}

/** Loads the daily series of `from`..`to` for a band. */
export async function loadRangeView(
  kv: Deno.Kv,
  bandId: string,
  options: { from: string; to: string; timeZone: string; now: number },
): Promise<RangeViewData> {
  const { from, to, timeZone, now } = options;
  const window = getSleepWindow({ from, to }, timeZone);
  const [packs, summaries, sync, workoutCount] = await Promise.all([
    readPacks(kv, bandId, listUtcDays(window.start, window.end)),
    listDailySummaries(kv, bandId, { from, to }),
    getSyncState(kv, bandId),
    countWorkoutsStarted(kv, bandId, {
      start: startOfLocalDay(from, timeZone),
      end: startOfLocalDay(addDays(to, 1), timeZone),
    }),
  ]);
  const byDay = new Map(summaries.map((s) => [s.day, s]));
  const sessions = findSessionsByDay(packs, { from, to }, timeZone);
  const active = countActiveByDay(packs, { from, to }, timeZone);
  const days = daysInRange(from, to);
  const data: RangeViewData = {
    days,
    timeZone,
    steps: [],
    activeMinutes: [],
    wornMinutes: [],
    restingHeartRate: [],
    lightSleepMinutes: [],
    deepSleepMinutes: [],
    workoutCount,
    completeness: {
      recordedMinutes: 0,
      expectedMinutes: countPastMinutes({ from, to }, timeZone, now),
      lastSyncAt: sync.lastSyncAt,
    },
  };
  for (const day of days) {
    const summary = byDay.get(day);
    const nights = sessions.get(day);
    const sleep = nights ? sumSleep(nights) : null;
    data.steps.push(summary?.steps ?? null);
    data.activeMinutes.push(summary ? active.get(day) ?? 0 : null);
    data.wornMinutes.push(summary?.wornMinutes ?? null);
    data.restingHeartRate.push(summary?.restingHeartRate ?? null);
    data.lightSleepMinutes.push(sleep?.lightMinutes ?? null);
    data.deepSleepMinutes.push(sleep?.deepMinutes ?? null);
    data.completeness.recordedMinutes += summary?.minutesRecorded ?? 0;
  }
  return data;
}
