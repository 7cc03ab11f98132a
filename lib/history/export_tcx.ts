// One workout as a Garmin Training Center (TCX v2) document: an Activity with
// its sport, one Lap with the elements the schema requires (TotalTimeSeconds,
// DistanceMeters, Calories, Intensity, TriggerMethod, in that order) and a
// Track of heart-rate points, one per stored minute with a reading. Pure: the
// loader (workout_tcx.ts) gathers the numbers.
import { WORKOUT_TYPES } from "../protocol/workouts.ts";

/** What a TCX document says about one workout. */
export interface TcxWorkout {
  /** The band's workout type code (lib/protocol/workouts.ts). */
  type: number;
  start: number;
  end: number;
  distanceMeters: number | null;
  calories: number | null;
  averageHeartRate: number | null;
  maxHeartRate: number | null;
  /** Heart-rate points in time order. */
  heartRates: readonly { time: number; bpm: number }[];
}

const RUNNING: readonly number[] = [
  WORKOUT_TYPES.outdoorRunning,
  WORKOUT_TYPES.treadmill,
];
const BIKING: readonly number[] = [
  WORKOUT_TYPES.cycling,
  WORKOUT_TYPES.indoorCycling,
];

/** TCX's Sport for a band workout type: "Running", "Biking" or "Other" (the schema has only these). */
export function pickTcxSport(type: number): "Running" | "Biking" | "Other" {
  if (RUNNING.includes(type)) return "Running";
  if (BIKING.includes(type)) return "Biking";
  return "Other";
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

function heartRate(tag: string, bpm: number | null): string {
  // HeartRateInBeatsPerMinute_t is an unsignedByte of at least 1.
  return bpm !== null && bpm >= 1 && bpm <= 255
    ? `<${tag}><Value>${Math.round(bpm)}</Value></${tag}>`
    : "";
}

/** Renders a workout as a TCX document. */
export function buildTcx(workout: TcxWorkout): string {
  const seconds = Math.max(0, (workout.end - workout.start) / 1000);
  const distance = Math.max(0, workout.distanceMeters ?? 0);
  // Calories is an unsignedShort in the schema.
  const calories = Math.min(
    65535,
    Math.max(0, Math.round(workout.calories ?? 0)),
  );
  const points = workout.heartRates.map((p) =>
    `<Trackpoint><Time>${iso(p.time)}</Time>${
      heartRate("HeartRateBpm", p.bpm)
    }</Trackpoint>`
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">`,
    `<Activities>`,
    `<Activity Sport="${pickTcxSport(workout.type)}">`,
    `<Id>${iso(workout.start)}</Id>`,
    `<Lap StartTime="${iso(workout.start)}">`,
    `<TotalTimeSeconds>${seconds}</TotalTimeSeconds>`,
    `<DistanceMeters>${distance}</DistanceMeters>`,
    `<Calories>${calories}</Calories>`,
    heartRate("AverageHeartRateBpm", workout.averageHeartRate),
    heartRate("MaximumHeartRateBpm", workout.maxHeartRate),
    `<Intensity>Active</Intensity>`,
    `<TriggerMethod>Manual</TriggerMethod>`,
    points.length > 0 ? `<Track>${points.join("")}</Track>` : "",
    `</Lap>`,
    `</Activity>`,
    `</Activities>`,
    `</TrainingCenterDatabase>`,
    "",
  ].filter((line, i, all) => line !== "" || i === all.length - 1).join("\n");
}
