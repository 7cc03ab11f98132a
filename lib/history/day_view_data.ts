// Everything the day view shows: the day's stored figures and sleep, and the
// day's own minutes (with the carry-over before it) for the charts.

import { listDailySummaries } from "../db/history_queries.ts";
import { readPacks } from "../db/samples.ts";
import { listUtcDays } from "../db/summaries.ts";
import { visitPackedRange } from "../db/sample_day.ts";
import { getSyncState } from "../db/sync_state.ts";
import { DayMinutesBuilder } from "../minute/day_minutes.ts";
import { addDays, startOfLocalDay } from "../time/zones.ts";
import { countPastMinutes } from "./completeness.ts";
import { listMeasurements, listWorkoutsStarted } from "./day_readings.ts";
import type { DayViewData } from "./view_types.ts";

/** Loads a day's minutes, figures, sleep and completeness for a band. */
export async function loadDayView(
  kv: Deno.Kv,
  bandId: string,
  options: { day: string; timeZone: string; now: number },
): Promise<DayViewData> {
  const { day, timeZone, now } = options;
  const start = startOfLocalDay(day, timeZone);
  const end = startOfLocalDay(addDays(day, 1), timeZone);
  const builder = new DayMinutesBuilder(day, timeZone);
  const { window } = builder;
  const [packs, summaries, sync, workouts, measurements] = await Promise.all([
    readPacks(kv, bandId, listUtcDays(window.start, window.end)),
    listDailySummaries(kv, bandId, { from: day, to: day }),
    getSyncState(kv, bandId),
    listWorkoutsStarted(kv, bandId, { start, end }),
    listMeasurements(kv, bandId, { start, end }),
  ]);
  visitPackedRange(
    packs,
    window,
    (time, raw, _intensity, steps, heartRate) =>
      builder.push(time, raw, steps, heartRate),
  );
  const summary = summaries[0] ?? null;
  return {
    day,
    timeZone,
    minutes: builder.finish(),
    summary,
    sleep: summary?.sleep ?? [],
    workouts,
    measurements,
    completeness: {
      recordedMinutes: summary?.minutesRecorded ?? 0,
      expectedMinutes: countPastMinutes({ from: day, to: day }, timeZone, now),
      lastSyncAt: sync.lastSyncAt,
    },
  };
}
