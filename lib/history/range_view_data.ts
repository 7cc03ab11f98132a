// Everything the week, month and year views show, read from the stored daily
// figures alone: never the raw minutes, so a year costs one range read.

import { listDailySummaries } from "../db/history_queries.ts";
import { getSyncState } from "../db/sync_state.ts";
import { addDays, daysInRange, startOfLocalDay } from "../time/zones.ts";
import { countPastMinutes } from "./completeness.ts";
import { countWorkoutsStarted } from "./day_readings.ts";
import type { RangeViewData } from "./view_types.ts";

/** Loads the daily series of `from`..`to` for a band. */
export async function loadRangeView(
  kv: Deno.Kv,
  bandId: string,
  options: { from: string; to: string; timeZone: string; now: number },
): Promise<RangeViewData> {
  const { from, to, timeZone, now } = options;
  const [summaries, sync, workoutCount] = await Promise.all([
    listDailySummaries(kv, bandId, { from, to }),
    getSyncState(kv, bandId),
    countWorkoutsStarted(kv, bandId, {
      start: startOfLocalDay(from, timeZone),
      end: startOfLocalDay(addDays(to, 1), timeZone),
    }),
  ]);
  const byDay = new Map(summaries.map((s) => [s.day, s]));
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
    const slept = summary !== undefined && summary.sleep.length > 0;
    data.steps.push(summary?.steps ?? null);
    data.activeMinutes.push(summary?.activeMinutes ?? null);
    data.wornMinutes.push(summary?.wornMinutes ?? null);
    data.restingHeartRate.push(summary?.restingHeartRate ?? null);
    data.lightSleepMinutes.push(slept ? summary.lightSleepMinutes : null);
    data.deepSleepMinutes.push(slept ? summary.deepSleepMinutes : null);
    data.completeness.recordedMinutes += summary?.minutesRecorded ?? 0;
  }
  return data;
}
