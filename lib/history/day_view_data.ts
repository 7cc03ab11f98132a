// Everything the day view shows, loaded in one pass over the packed minutes that
// cover the day and the night before it.

import { listDailySummaries } from "../db/history_queries.ts";
import { readPacks } from "../db/samples.ts";
import { listUtcDays } from "../db/summaries.ts";
import { getSyncState } from "../db/sync_state.ts";
import { addDays, startOfLocalDay } from "../time/zones.ts";
import { countPastMinutes } from "./completeness.ts";
import { placeDayMinutes, summarizeDayMinutes } from "./day_minutes.ts";
import { listMeasurements, listWorkoutsStarted } from "./day_readings.ts";
import { type HistoryMinute, readHeartRate } from "./history_minute.ts";
import { createKindNormalizer } from "./kind_normalizer.ts";
import { visitPackedRange } from "./packed_minutes.ts";
import { getSleepWindow } from "./sleep_by_day.ts";
import { SleepDetector, type SleepSession } from "./sleep_sessions.ts";
import type { DayViewData } from "./view_types.ts";

export type { DayViewData };

/** Loads a day's minutes, summary, sleep and completeness for a band. */
export async function loadDayView(
  kv: Deno.Kv,
  bandId: string,
  options: { day: string; timeZone: string; now: number },
): Promise<DayViewData> {
  const { day, timeZone, now } = options;
  const window = getSleepWindow({ from: day, to: day }, timeZone);
  const start = startOfLocalDay(day, timeZone);
  const end = startOfLocalDay(addDays(day, 1), timeZone);
  const [packs, summaries, sync, workouts, measurements] = await Promise.all([
    readPacks(kv, bandId, listUtcDays(window.start, window.end)),
    listDailySummaries(kv, bandId, { from: day, to: day }),
    getSyncState(kv, bandId),
    listWorkoutsStarted(kv, bandId, { start, end }),
    listMeasurements(kv, bandId, { start, end }),
  ]);
  const normalize = createKindNormalizer();
  const detector = new SleepDetector({ timeZone });
  const sleep: SleepSession[] = [];
  const inDay: HistoryMinute[] = [];
  const keep = (session: SleepSession | null) => {
    if (session?.day === day) sleep.push(session);
  };
  visitPackedRange(packs, window, (time, raw, intensity, steps, heartRate) => {
    const kind = normalize(raw);
    keep(detector.push(time, kind, steps));
    if (time >= start && time < end) {
      inDay.push({
        time,
        kind,
        intensity,
        steps,
        heartRate: readHeartRate(heartRate),
      });
    }
  });
  keep(detector.finish());
  const minutes = placeDayMinutes(day, timeZone, inDay);
  return {
    day,
    timeZone,
    minutes,
    summary: summaries[0] ?? null,
    activeMinutes: summarizeDayMinutes(minutes).activeMinutes,
    sleep,
    workouts,
    measurements,
    completeness: {
      recordedMinutes: inDay.length,
      expectedMinutes: countPastMinutes({ from: day, to: day }, timeZone, now),
      lastSyncAt: sync.lastSyncAt,
    },
  };
}
