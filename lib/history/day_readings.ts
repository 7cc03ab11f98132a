// Workouts and on-demand heart-rate measurements of a period, read from the
// readings store. A workout belongs to the day it started (its key is its start),
// so one that runs past midnight is listed once.

import { listReadings } from "../db/readings.ts";
import { countWorkoutStarts } from "../db/workout_starts.ts";
import type { HeartRateMeasurement, StoredWorkout } from "./view_types.ts";

// A day holds at most 1440 one-minute measurements; workouts are far fewer.
const DAY_LIMIT = 1440;

/** Lists the workouts that started in `[start, end)`, earliest first. */
export async function listWorkoutsStarted(
  kv: Deno.Kv,
  bandId: string,
  range: { start: number; end: number },
): Promise<StoredWorkout[]> {
  const newestFirst = await listReadings<StoredWorkout>(
    kv,
    "workouts",
    bandId,
    {
      from: range.start,
      to: range.end,
      limit: DAY_LIMIT,
    },
  );
  return newestFirst.reverse();
}

/** Lists the on-demand heart-rate measurements in `[start, end)`, earliest first. */
export async function listMeasurements(
  kv: Deno.Kv,
  bandId: string,
  range: { start: number; end: number },
): Promise<HeartRateMeasurement[]> {
  const newestFirst = await listReadings<HeartRateMeasurement>(
    kv,
    "heart_rate",
    bandId,
    { from: range.start, to: range.end, limit: DAY_LIMIT },
  );
  return newestFirst.reverse();
}

/** Counts the workouts that started in `[start, end)`, from the start-time index. */
export function countWorkoutsStarted(
  kv: Deno.Kv,
  bandId: string,
  range: { start: number; end: number },
): Promise<number> {
  return countWorkoutStarts(kv, bandId, range);
}
