// Reading a band's stored minutes and summaries for a person's time zone.
import type {
  DaySummary,
  HourSummary,
  MinuteView,
} from "../api/sample_schemas.ts";
import { daySummaryKey, hourSummaryKey } from "./keys.ts";
import { readMinute, toUtcDay } from "./sample_day.ts";
import { readPacks } from "./samples.ts";
import {
  getLocalDayBounds,
  listUtcDays,
  toLocalDayNumber,
} from "./summaries.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Lists the stored minutes of a local day in time order (missing minutes are left out). */
export async function listMinutes(
  kv: Deno.Kv,
  bandId: string,
  options: { day: string; timeZone: string },
): Promise<MinuteView[]> {
  const { start, end } = getLocalDayBounds(options.day, options.timeZone);
  const packs = await readPacks(kv, bandId, listUtcDays(start, end));
  const minutes: MinuteView[] = [];
  for (let t = start; t < end; t += MINUTE_MS) {
    const utcDay = toUtcDay(t);
    const pack = packs.get(utcDay);
    if (pack === undefined) {
      t = (utcDay + 1) * DAY_MS - MINUTE_MS;
      continue;
    }
    const minute = readMinute(pack, (t - utcDay * DAY_MS) / MINUTE_MS);
    if (minute !== null) minutes.push({ time: t, ...minute });
  }
  return minutes;
}

/** Reads the hourly summaries of a local day; empty when nothing is stored for it. */
export async function listHourlySummaries(
  kv: Deno.Kv,
  bandId: string,
  day: string,
): Promise<HourSummary[]> {
  const entry = await kv.get<HourSummary[]>(
    hourSummaryKey(bandId, toLocalDayNumber(day)),
  );
  return entry.value ?? [];
}

/** Lists the daily summaries from `from` to `to` (both included) that have data. */
export async function listDailySummaries(
  kv: Deno.Kv,
  bandId: string,
  range: { from: string; to: string },
): Promise<DaySummary[]> {
  const days: DaySummary[] = [];
  const iter = kv.list<DaySummary>({
    start: daySummaryKey(bandId, toLocalDayNumber(range.from)),
    end: daySummaryKey(bandId, toLocalDayNumber(range.to) + 1),
  }, { batchSize: 500 });
  for await (const entry of iter) days.push(entry.value);
  return days;
}
