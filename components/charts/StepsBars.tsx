// Per-minute steps for one day: a bar for each minute with steps, shaded gaps
// for missing minutes; zero-step minutes draw nothing to keep the HTML small.

import { scaleLinear } from "d3-scale";
import type { ScaleLinear } from "./d3_scale.d.ts";
import { useCountFormat } from "../formats.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import {
  findFutureSlot,
  getPlotBox,
  roundCoord,
  SERIES_COLORS,
} from "./chart_frame.ts";
import { GapBands, splitGaps } from "./GapBands.tsx";
import { TimeAxis } from "./TimeAxis.tsx";
import { ValueAxis } from "./ValueAxis.tsx";
import { WorkoutBands, type WorkoutSpan } from "./WorkoutBands.tsx";

/** Props for {@link StepsBars}. */
export interface StepsBarsProps {
  /** Unique id for the figure. */
  id: string;
  /** Epoch ms of the day's first minute. */
  start: number;
  /** Steps per minute slot; null where the minute is missing. */
  steps: readonly (number | null)[];
  /** Person's IANA time zone, for the hour labels. */
  timeZone: string;
  /** Workouts to mark behind the bars; the legend names them only when present. */
  workouts?: readonly WorkoutSpan[];
  /** The instant the page shows; minutes after it read "not yet" (today only). */
  now?: number;
}

const HEIGHT = 170;

/** Renders one day's per-minute steps as SVG bars. */
export function StepsBars(props: StepsBarsProps) {
  const formatCount = useCountFormat();
  const box = getPlotBox(HEIGHT);
  const slots = props.steps.length;
  let max = 0;
  let total = 0;
  for (const s of props.steps) {
    if (s !== null) {
      total += s;
      if (s > max) max = s;
    }
  }
  const x: ScaleLinear = (scaleLinear() as ScaleLinear).domain([0, slots])
    .range([
      box.left,
      box.right,
    ]);
  const y: ScaleLinear = (scaleLinear() as ScaleLinear).domain([
    0,
    Math.max(max, 10),
  ])
    .range([box.bottom, box.top]).nice(4);
  const workouts = props.workouts ?? [];
  const futureFrom = findFutureSlot(props.start, slots, props.now);
  const gaps = splitGaps(props.steps, futureFrom);
  const barWidth = roundCoord(Math.max((box.right - box.left) / slots, 0.3));
  return (
    <ChartFigure
      id={props.id}
      title="Steps per minute"
      description={`${
        formatCount(total)
      } steps in total; the busiest minute had ${formatCount(max)} steps.${
        workouts.length
          ? ` ${workouts.length} workout${
            workouts.length === 1 ? "" : "s"
          } shaded.`
          : ""
      }`}
      height={HEIGHT}
      legend={[
        { series: "steps", label: "Steps per minute" },
        ...(workouts.length
          ? [{ series: "workout" as const, label: "Workout" }]
          : []),
        ...(gaps.missing.length || !gaps.future
          ? [{ series: "gap" as const, label: "No data" }]
          : []),
        ...(gaps.future
          ? [{ series: "future" as const, label: "Not yet" }]
          : []),
      ]}
    >
      <GapBands
        values={props.steps}
        x={x}
        top={box.top}
        bottom={box.bottom}
        futureFrom={futureFrom}
      />
      {workouts.length
        ? (
          <WorkoutBands
            spans={workouts}
            slots={slots}
            x={x}
            top={box.top}
            bottom={box.bottom}
          />
        )
        : null}
      <ValueAxis scale={y} unit="steps/min" />
      {
        /* A minute's bar is under a pixel wide on a phone: a hairline outline
         that does not scale (charts.css) keeps each one visible. */
      }
      <g
        class="chart-fill-steps chart-minute-bars"
        fill={SERIES_COLORS.steps}
        stroke={SERIES_COLORS.steps}
        stroke-width="1"
      >
        {props.steps.map((s, slot) =>
          s
            ? (
              <rect
                key={slot}
                x={roundCoord(x(slot))}
                y={roundCoord(y(s))}
                width={barWidth}
                height={roundCoord(box.bottom - y(s))}
              />
            )
            : null
        )}
      </g>
      <line
        x1={box.left}
        x2={box.right}
        y1={box.bottom}
        y2={box.bottom}
        stroke="currentColor"
      />
      <TimeAxis
        scale={x}
        start={props.start}
        slots={slots}
        timeZone={props.timeZone}
        y={box.bottom}
      />
    </ChartFigure>
  );
}
