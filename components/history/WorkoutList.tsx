import type { StoredWorkout } from "../../lib/history/view_types.ts";
import { labelWorkoutType } from "../../lib/history/workout_label.ts";
import { formatClock, formatDuration, formatNumber } from "./format.ts";

/** Formats metres as "850 m" or "5.25 km". */
export function formatDistance(meters: number): string {
  return meters < 1000
    ? `${Math.round(meters)} m`
    : `${(meters / 1000).toFixed(2)} km`;
}

/** Lists the figures of a workout that the band reported, leaving out the missing ones. */
export function listWorkoutFigures(w: StoredWorkout): string[] {
  const figures: string[] = [];
  if (w.distanceMeters !== null) figures.push(formatDistance(w.distanceMeters));
  if (w.steps !== null) figures.push(`${formatNumber(w.steps)} steps`);
  if (w.calories !== null) figures.push(`${formatNumber(w.calories)} kcal`);
  if (w.averageHeartRate) {
    figures.push(
      w.maxHeartRate
        ? `heart rate ${w.averageHeartRate} avg, ${w.maxHeartRate} max`
        : `heart rate ${w.averageHeartRate} avg`,
    );
  }
  return figures;
}

/** The workouts that started on a day: type, start–end, duration and the figures present. */
export function WorkoutList(
  props: { workouts: readonly StoredWorkout[]; timeZone: string },
) {
  if (props.workouts.length === 0) {
    return <p class="history-muted">No workouts started on this day.</p>;
  }
  return (
    <ul class="workout-list">
      {props.workouts.map((w) => {
        const figures = listWorkoutFigures(w);
        return (
          <li key={w.time} class="workout-item" data-start={w.time}>
            <strong>{labelWorkoutType(w.type)}</strong>
            <span>
              {formatClock(w.time, props.timeZone)} –{" "}
              {formatClock(w.end, props.timeZone)},{" "}
              {formatDuration((w.end - w.time) / 60_000)}
            </span>
            {figures.length
              ? <span class="history-muted">{figures.join(" · ")}</span>
              : null}
          </li>
        );
      })}
    </ul>
  );
}
