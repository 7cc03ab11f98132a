// Workouts as translucent bands behind a day chart's bars, so the minutes they
// cover stay readable; a workout running past the day is clipped to its end.

import { roundCoord, SERIES_COLORS } from "./chart_frame.ts";
import type { ScaleLinear } from "./d3_scale.d.ts";

/** A workout's span in minute slots from the day's start (fractions allowed). */
export interface WorkoutSpan {
  /** First slot covered. */
  start: number;
  /** Slot the workout ends at (exclusive). */
  end: number;
  /** Accessible label, such as "Walking 07:10–07:55". */
  label: string;
}

/** Props for {@link WorkoutBands}. */
export interface WorkoutBandsProps {
  /** Workout spans to mark. */
  spans: readonly WorkoutSpan[];
  /** Number of slots in the day, to clip spans. */
  slots: number;
  /** Horizontal scale from slot index to x. */
  x: ScaleLinear;
  /** Top of the band. */
  top: number;
  /** Bottom of the band. */
  bottom: number;
}

/** Converts epoch-ms workout times to slot spans relative to a day's first minute. */
export function toWorkoutSpan(
  workout: { time: number; end: number },
  dayStart: number,
  label: string,
): WorkoutSpan {
  return {
    start: (workout.time - dayStart) / 60_000,
    end: (workout.end - dayStart) / 60_000,
    label,
  };
}

// At 480 units across 1440 minutes a short workout would vanish; keep it visible.
const MIN_WIDTH = 1.5;

/** Draws one translucent band per workout, clipped to the day. */
export function WorkoutBands(
  { spans, slots, x, top, bottom }: WorkoutBandsProps,
) {
  return (
    <g class="chart-workouts">
      {spans.map((span) => {
        const from = Math.max(0, Math.min(slots, span.start));
        const to = Math.max(from, Math.min(slots, span.end));
        const width = Math.max(x(to) - x(from), MIN_WIDTH);
        return (
          <rect
            key={span.start}
            class="chart-fill-workout"
            x={roundCoord(x(from))}
            y={top}
            width={roundCoord(width)}
            height={roundCoord(bottom - top)}
            fill={SERIES_COLORS.workout}
            fill-opacity="0.3"
            data-workout-start={roundCoord(span.start)}
            data-workout-minutes={roundCoord(to - from)}
          >
            <title>{span.label}</title>
          </rect>
        );
      })}
    </g>
  );
}
