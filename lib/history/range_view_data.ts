// Everything the week, month and year views show: stored daily summaries for the
// figures, and sleep sessions from the raw minutes so a night counts for the
// morning it ends rather than being split at midnight.

import { listDailySummaries } from "../db/history_queries.ts";
import { readPacks } from "../db/samples.ts";
import { listUtcDays } from "../db/summaries.ts";
import { getSyncState } from "../db/sync_state.ts";
import { addDays, daysInRange, startOfLocalDay } from "../time/zones.ts";
import { countActiveByDay } from "./active_by_day.ts";
import { countPastMinutes } from "./completeness.ts";
import { countWorkoutsStarted } from "./day_readings.ts";
import { findSessionsByDay, getSleepWindow, sumSleep } from "./sleep_by_day.ts";
import type { RangeViewData } from "./view_types.ts";

export type { RangeViewData };

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
