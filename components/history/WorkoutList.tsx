import type { StoredWorkout } from "../../lib/history/view_types.ts";
import { labelWorkoutType } from "../../lib/history/workout_label.ts";
import { type Formats, useFormats } from "../formats.ts";
import { formatDistance } from "./format.ts";

/** Lists the figures of a workout that the band reported, leaving out the missing ones. */
export function listWorkoutFigures(
  w: StoredWorkout,
  f: Formats,
): string[] {
  const figures: string[] = [];
  if (w.distanceMeters !== null) {
    figures.push(formatDistance(w.distanceMeters, f.locale));
  }
  if (w.steps !== null) figures.push(`${f.number(w.steps)} steps`);
  if (w.calories !== null) figures.push(`${f.number(w.calories)} kcal`);
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
  const f = useFormats(props.timeZone);
  if (props.workouts.length === 0) {
    return <p class="history-muted">No workouts started on this day.</p>;
  }
  return (
    <ul class="workout-list">
      {props.workouts.map((w) => {
        const figures = listWorkoutFigures(w, f);
        return (
          <li key={w.time} class="workout-item" data-start={w.time}>
            <strong>{labelWorkoutType(w.type)}</strong>
            <span>
              {f.clock(w.time)} – {f.clock(w.end)},{" "}
              {f.duration((w.end - w.time) / 60_000)}
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
