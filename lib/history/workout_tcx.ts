// Loads one stored workout and the heart rates of the minutes it spans, for
// its TCX download.
import { readingKey } from "../db/keys.ts";
import { readPacks } from "../db/samples.ts";
import { DAY_MS, toUtcDay, visitPackedRange } from "../db/sample_day.ts";
import { readHeartRate } from "../minute/sample.ts";
import type { TcxWorkout } from "./export_tcx.ts";

/** Longest span a TCX track covers: a workout longer than this keeps its first week of points. */
const MAX_TRACK_MS = 7 * DAY_MS;

interface StoredWorkoutRecord {
  time: number;
  end: number;
  type: number;
  distanceMeters?: number | null;
  calories?: number | null;
  averageHeartRate?: number | null;
  maxHeartRate?: number | null;
}

/** Reads the workout that started at `start` with its heart-rate track, or null when there is none. */
export async function loadTcxWorkout(
  kv: Deno.Kv,
  bandId: string,
  start: number,
): Promise<TcxWorkout | null> {
  const entry = await kv.get<StoredWorkoutRecord>(
    readingKey("workouts", bandId, start),
  );
  if (entry.value === null) return null;
  const w = entry.value;
  const end = Math.min(w.end, w.time + MAX_TRACK_MS);
  const days: number[] = [];
  for (
    let d = toUtcDay(w.time);
    d <= toUtcDay(Math.max(w.time, end - 1));
    d++
  ) {
    days.push(d);
  }
  const packs = await readPacks(kv, bandId, days);
  const heartRates: { time: number; bpm: number }[] = [];
  visitPackedRange(packs, { start: w.time, end }, (time, ...fields) => {
    const bpm = readHeartRate(fields[3]);
    if (bpm !== null) heartRates.push({ time, bpm });
  });
  return {
    type: w.type,
    start: w.time,
    end: w.end,
    distanceMeters: w.distanceMeters ?? null,
    calories: w.calories ?? null,
    averageHeartRate: w.averageHeartRate ?? null,
    maxHeartRate: w.maxHeartRate ?? null,
    heartRates,
  };
}
