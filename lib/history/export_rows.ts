// Rows for the exports, read a few days at a time so a year of minutes (over
// half a million rows) flows through without ever being held in memory.

import { listDailySummaries } from "../db/history_queries.ts";
import { readPacks } from "../db/samples.ts";
import { listUtcDays } from "../db/summaries.ts";
import { addDays, daysInRange, startOfLocalDay } from "../time/zones.ts";
import { countActiveByDay } from "./active_by_day.ts";
import type { DailyExportRow, MinuteExportRow } from "./export_columns.ts";
import { readHeartRate } from "./history_minute.ts";
import { createKindNormalizer } from "./kind_normalizer.ts";
import { visitPackedDay } from "./packed_minutes.ts";
import { findSessionsByDay, getSleepWindow, sumSleep } from "./sleep_by_day.ts";

/** UTC days read per KV round trip of the minute export. */
const UTC_DAYS_PER_READ = 7;
/** Local days per step of the daily export. */
const LOCAL_DAYS_PER_READ = 31;

/** Yields every stored minute of local days `from`..`to`, in time order. */
export async function* streamMinuteRows(
  kv: Deno.Kv,
  bandId: string,
  options: { from: string; to: string; timeZone: string },
): AsyncGenerator<MinuteExportRow> {
  const range = {
    start: startOfLocalDay(options.from, options.timeZone),
    end: startOfLocalDay(addDays(options.to, 1), options.timeZone),
  };
  const utcDays = listUtcDays(range.start, range.end);
  const normalize = createKindNormalizer();
  for (let i = 0; i < utcDays.length; i += UTC_DAYS_PER_READ) {
    const chunk = utcDays.slice(i, i + UTC_DAYS_PER_READ);
    const packs = await readPacks(kv, bandId, chunk);
    const rows: MinuteExportRow[] = [];
    for (const utcDay of chunk) {
      const pack = packs.get(utcDay);
      if (!pack) continue;
      visitPackedDay(
        pack,
        utcDay,
        range,
        (time, raw, intensity, steps, hr, offset) =>
          rows.push({
            time,
            utcOffsetMinutes: offset,
            rawKind: raw,
            kind: normalize(raw),
            intensity,
            steps,
            heartRate: readHeartRate(hr),
          }),
      );
    }
    yield* rows;
  }
}

/** Yields one row per local day of `from`..`to` that has data, with its sleep. */
export async function* streamDailyRows(
  kv: Deno.Kv,
  bandId: string,
  options: {
    from: string;
    to: string;
    timeZone: string;
    stepGoal: number | null;
  },
): AsyncGenerator<DailyExportRow> {
  const days = daysInRange(options.from, options.to);
  for (let i = 0; i < days.length; i += LOCAL_DAYS_PER_READ) {
    const part = days.slice(i, i + LOCAL_DAYS_PER_READ);
    const range = { from: part[0], to: part[part.length - 1] };
    const window = getSleepWindow(range, options.timeZone);
    const [summaries, packs] = await Promise.all([
      listDailySummaries(kv, bandId, range),
      readPacks(kv, bandId, listUtcDays(window.start, window.end)),
    ]);
    const sessions = findSessionsByDay(packs, range, options.timeZone);
    const active = countActiveByDay(packs, range, options.timeZone);
    for (const summary of summaries) {
      const sleep = sumSleep(sessions.get(summary.day) ?? []);
      yield {
        day: summary.day,
        steps: summary.steps,
        stepGoal: options.stepGoal,
        activeMinutes: active.get(summary.day) ?? 0,
        wornMinutes: summary.wornMinutes,
        recordedMinutes: summary.minutesRecorded,
        dayMinutes: Math.round((summary.end - summary.start) / 60_000),
        restingHeartRate: summary.restingHeartRate,
        lightSleepMinutes: sleep.lightMinutes,
        deepSleepMinutes: sleep.deepMinutes,
      };
    }
  }
}
