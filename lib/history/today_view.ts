// The band page's "today" band from the server: today's stored figures, last
// night's sleep as stages and the latest heart rate, all read through the day
// view's loader so the band page and History agree minute for minute.
import type { LastNight, SleepStage, TodayView } from "../api/today_schemas.ts";
import { addDays, localDay } from "../time/zones.ts";
import { loadDayView } from "./day_view_data.ts";
import type { MinuteClass } from "../minute/minute_class.ts";

const MINUTE_MS = 60_000;

/** Loads today's figures, last night's sleep and the latest heart rate of a band. */
export async function loadTodayView(
  kv: Deno.Kv,
  bandId: string,
  options: { timeZone: string; now: number },
): Promise<TodayView> {
  const { timeZone, now } = options;
  const day = localDay(now, timeZone);
  const [today, yesterday] = await Promise.all([
    loadDayView(kv, bandId, { day, timeZone, now }),
    loadDayView(kv, bandId, { day: addDays(day, -1), timeZone, now }),
  ]);
  const night =
    today.sleep.filter((s) => !s.nap).sort((a, b) =>
      b.asleepMinutes - a.asleepMinutes
    )[0];
  let lastNight: LastNight | null = null;
  if (night) {
    const classAt = (time: number): MinuteClass | null => {
      for (const { minutes } of [yesterday, today]) {
        const slot = Math.floor((time - minutes.start) / MINUTE_MS);
        if (slot >= 0 && slot < minutes.classes.length) {
          return minutes.classes[slot];
        }
      }
      return null;
    };
    lastNight = {
      bedtime: night.bedtime,
      wakeTime: night.wakeTime,
      asleepMinutes: night.asleepMinutes,
      deepMinutes: night.deepMinutes,
      lightMinutes: night.lightMinutes,
      stages: listStages(night.bedtime, night.wakeTime, classAt),
    };
  }
  return {
    day,
    timeZone,
    steps: today.summary?.steps ?? 0,
    activeMinutes: today.summary?.activeMinutes ?? 0,
    restingHeartRate: today.summary?.restingHeartRate ??
      yesterday.summary?.restingHeartRate ?? null,
    latestHeartRate: findLatestHeartRate([yesterday, today]),
    lastNight,
    lastSyncAt: today.completeness.lastSyncAt,
  };
}

function listStages(
  from: number,
  to: number,
  classAt: (time: number) => MinuteClass | null,
): SleepStage[] {
  const stages: SleepStage[] = [];
  for (let time = from; time < to; time += MINUTE_MS) {
    const kind = classAt(time);
    const stage: SleepStage["stage"] = kind === "deep_sleep"
      ? "deep"
      : kind === "light_sleep"
      ? "light"
      : "awake";
    const last = stages[stages.length - 1];
    if (last && last.stage === stage) last.minutes++;
    else stages.push({ start: time, minutes: 1, stage });
  }
  return stages;
}

function findLatestHeartRate(
  days: Array<Awaited<ReturnType<typeof loadDayView>>>,
): { bpm: number; time: number } | null {
  let latest: { bpm: number; time: number } | null = null;
  for (const view of days) {
    const { start, heartRate } = view.minutes;
    for (let slot = heartRate.length - 1; slot >= 0; slot--) {
      const bpm = heartRate[slot];
      if (bpm !== null) {
        const time = start + slot * MINUTE_MS;
        if (!latest || time > latest.time) latest = { bpm, time };
        break;
      }
    }
    const measured = view.measurements[view.measurements.length - 1];
    if (measured && (!latest || measured.time > latest.time)) {
      latest = { bpm: measured.bpm, time: measured.time };
    }
  }
  return latest;
}
