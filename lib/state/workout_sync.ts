// Workout summaries (data type 05, §12) follow the activity in a sync. The server's
// newest stored workout is the bookmark, as the cursor is for minutes: each summary
// is stored before the band is acknowledged, so a cut sync asks again from there.
import type { WorkoutSummary } from "../protocol/workouts.ts";
import type { FetchWorkoutsOptions } from "../ble/ops/fetch_workouts.ts";

const MINUTE_MS = 60_000;

/** A workout as the API's `workouts` readings store it (`time` = start). */
export interface WorkoutReading {
  time: number;
  end: number;
  type: number;
  steps: number | null;
  distanceMeters: number | null;
  calories: number | null;
  averageHeartRate: number | null;
  maxHeartRate: number | null;
  raw: string | null;
}

/** The band call a workout sync needs (a subset of MiBand4). */
export interface WorkoutBand {
  fetchWorkouts(
    options: FetchWorkoutsOptions,
  ): Promise<{ workouts: number; nextSince: number }>;
}

/** The server calls a workout sync needs. */
export interface WorkoutServer {
  /** Start of the newest stored workout, or null before the first. */
  getLatestWorkout(): Promise<number | null>;
  /** Stores workouts; resolving means they are durable. */
  uploadWorkouts(workouts: WorkoutReading[]): Promise<void>;
}

/** Options for `syncWorkouts`. */
export interface WorkoutSyncOptions {
  /** Where to start when the server has no workout yet, epoch ms. */
  firstSince: number;
  /** The band's zone in quarter hours, when already read. */
  tzQuarterHours?: number;
  /** Cancels the fetch; stored workouts stay stored. */
  signal?: AbortSignal;
  /** Called after each stored workout with the count so far. */
  onStored?: (workouts: number) => void;
}

/** Fetches the workouts newer than the server's newest and stores each before acknowledging it. */
export async function syncWorkouts(
  band: WorkoutBand,
  server: WorkoutServer,
  options: WorkoutSyncOptions,
): Promise<number> {
  const latest = await server.getLatestWorkout();
  // The band answers from a minute on, so the newest stored workout is skipped by
  // asking from the minute after its start, as fetchWorkouts itself resumes.
  const since = latest === null
    ? options.firstSince
    : (Math.floor(latest / MINUTE_MS) + 1) * MINUTE_MS;
  let stored = 0;
  await band.fetchWorkouts({
    since,
    tzQuarterHours: options.tzQuarterHours,
    signal: options.signal,
    persist: async (summary) => {
      await server.uploadWorkouts([toWorkoutReading(summary)]);
      stored++;
      options.onStored?.(stored);
    },
  });
  return stored;
}

/** Maps a parsed summary to the API's workout reading; figures the band left out become null. */
export function toWorkoutReading(summary: WorkoutSummary): WorkoutReading {
  return {
    time: summary.start,
    end: summary.end,
    type: summary.typeCode,
    steps: countOrNull(summary.steps),
    distanceMeters: amountOrNull(summary.distanceMeters),
    calories: amountOrNull(summary.calories),
    averageHeartRate: heartRateOrNull(summary.averageHeartRate),
    maxHeartRate: heartRateOrNull(summary.maxHeartRate),
    raw: null,
  };
}

/** Words for a count of workouts: "1 workout", "2 workouts". */
export function formatWorkouts(count: number): string {
  return `${count} ${count === 1 ? "workout" : "workouts"}`;
}

function countOrNull(value: number): number | null {
  return Number.isInteger(value) && value >= 0 ? value : null;
}

function amountOrNull(value: number): number | null {
  return Number.isFinite(value) && value >= 0 ? value : null;
}

// A band that measured nothing sends 0; the schema's range is a byte.
function heartRateOrNull(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value > 0 &&
      value <= 255
    ? value
    : null;
}
