// Workout types are stored as the band's numeric code, so an unnamed code still
// shows, with its number, rather than being guessed at.

import { WORKOUT_TYPES } from "../protocol/workouts.ts";

const NAMES = new Map<number, string>(
  Object.entries(WORKOUT_TYPES).map(([key, code]) => [code, humanize(key)]),
);

function humanize(key: string): string {
  const words = key.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Names a workout type code for people: "Outdoor running", or "Workout (type 99)". */
export function labelWorkoutType(code: number): string {
  return NAMES.get(code) ?? `Workout (type ${code})`;
}
