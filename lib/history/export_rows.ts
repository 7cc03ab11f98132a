// Rows for the exports, read a few days at a time so a year of minutes (over
// half a million rows) flows through without ever being held in memory.

import { listDailySummaries } from "../db/history_queries.ts";
import { visitPackedDay } from "../db/sample_day.ts";
import { readPacks } from "../db/samples.ts";
import { listUtcDays } from "../db/summaries.ts";
import { createKindResolver, KIND_CARRY_MS } from "../minute/kind.ts";
import { readHeartRate } from "../minute/sample.ts";
import { addDays, daysInRange, startOfLocalDay } from "../time/zones.ts";
import type { DailyExportRow, MinuteExportRow } from "./export_columns.ts";

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
  // Kinds resolve from a day before the range, as the figures do.
  const read = { start: range.start - KIND_CARRY_MS, end: range.end };
  const utcDays = listUtcDays(read.start, read.end);
  const resolve = createKindResolver();
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
        read,
        (time, raw, intensity, steps, hr, offset) => {
          const kind = resolve(time, raw);
          if (time < range.start) return;
          rows.push({
            time,
            utcOffsetMinutes: offset,
            rawKind: raw,
            kind,
            intensity,
            steps,
            heartRate: readHeartRate(hr),
          });
        },
      );
    }
    yield* rows;
  }
}

/** Yields one row per local day of `from`..`to` that has data, from the stored figures. */
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
    for (const summary of await listDailySummaries(kv, bandId, range)) {
      yield {
        day: summary.day,
        steps: summary.steps,
        stepGoal: options.stepGoal,
        activeMinutes: summary.activeMinutes,
        wornMinutes: summary.wornMinutes,
        recordedMinutes: summary.minutesRecorded,
        dayMinutes: Math.round((summary.end - summary.start) / 60_000),
        restingHeartRate: summary.restingHeartRate,
        lightSleepMinutes: summary.lightSleepMinutes,
        deepSleepMinutes: summary.deepSleepMinutes,
      };
    }
  }
}
