// Everything the week, month and year views show, read from the stored figures
// alone (lib/db/day_series.ts): never the raw minutes, and for a whole year one
// small value instead of a record per day.

import { listSeriesDays } from "../db/day_series.ts";
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
  const [series, sync, workoutCount] = await Promise.all([
    listSeriesDays(kv, bandId, { from, to }),
    getSyncState(kv, bandId),
    countWorkoutsStarted(kv, bandId, {
      start: startOfLocalDay(from, timeZone),
      end: startOfLocalDay(addDays(to, 1), timeZone),
    }),
  ]);
  const data: RangeViewData = {
    days: daysInRange(from, to),
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
  for (const day of series) {
    const slept = day !== null &&
      day.lightSleepMinutes + day.deepSleepMinutes > 0;
    data.steps.push(day?.steps ?? null);
    data.activeMinutes.push(day?.activeMinutes ?? null);
    data.wornMinutes.push(day?.wornMinutes ?? null);
    data.restingHeartRate.push(day?.restingHeartRate ?? null);
    data.lightSleepMinutes.push(slept ? day.lightSleepMinutes : null);
    data.deepSleepMinutes.push(slept ? day.deepSleepMinutes : null);
    data.completeness.recordedMinutes += day?.minutesRecorded ?? 0;
  }
  return data;
}
