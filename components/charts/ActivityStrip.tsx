// One day's minutes as a coloured strip: sleep, awake, active, off the wrist,
// charging or unknown, one rectangle per run so the HTML stays small.

import { scaleLinear } from "d3-scale";
import {
  MINUTE_CLASS_LABELS,
  MINUTE_CLASSES,
  type MinuteClass,
} from "../../lib/minute/minute_class.ts";
import type { ScaleLinear } from "./d3_scale.d.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import {
  findFutureSlot,
  getPlotBox,
  roundCoord,
  SERIES_COLORS,
  UNIT_TITLE_Y,
} from "./chart_frame.ts";
import { findRuns } from "./runs.ts";
import { TimeAxis } from "./TimeAxis.tsx";

/** Props for {@link ActivityStrip}. */
export interface ActivityStripProps {
  /** Unique id for the figure. */
  id: string;
  /** Epoch ms of the day's first minute. */
  start: number;
  /** Class per minute slot; null where the minute is missing. */
  classes: readonly (MinuteClass | null)[];
  /** Person's IANA time zone, for the hour labels. */
  timeZone: string;
  /** The instant the page shows; minutes after it read "not yet" (today only). */
  now?: number;
}

const HEIGHT = 84;

/** Renders one day's activity classes as a strip of runs. */
export function ActivityStrip(props: ActivityStripProps) {
  const box = getPlotBox(HEIGHT);
  const slots = props.classes.length;
  const x = (scaleLinear() as ScaleLinear).domain([0, slots]).range([
    box.left,
    box.right,
  ]);
  const futureFrom = findFutureSlot(props.start, slots, props.now) ?? slots;
  const runs = findRuns(props.classes.slice(0, futureFrom));
  const minutesBy = new Map<MinuteClass | null, number>();
  for (const run of runs) {
    minutesBy.set(run.value, (minutesBy.get(run.value) ?? 0) + run.length);
  }
  const present = MINUTE_CLASSES.filter((c) => minutesBy.has(c));
  const description = present.map((c) =>
    `${MINUTE_CLASS_LABELS[c]} ${minutesBy.get(c)} min`
  )
    .concat(minutesBy.has(null) ? [`no data ${minutesBy.get(null)} min`] : [])
    .join(", ");
  return (
    <ChartFigure
      id={props.id}
      title="Activity through the day"
      description={description || "No data this day."}
      height={HEIGHT}
      legend={[
        ...MINUTE_CLASSES.map((c) => ({
          series: c,
          label: MINUTE_CLASS_LABELS[c],
        })),
        ...(minutesBy.has(null) || futureFrom === slots
          ? [{ series: "gap" as const, label: "No data" }]
          : []),
        ...(futureFrom < slots
          ? [{ series: "future" as const, label: "Not yet" }]
          : []),
      ]}
    >
      <text class="chart-unit" x={2} y={UNIT_TITLE_Y} fill="currentColor">
        activity
      </text>
      {runs.map((run) => (
        <rect
          key={run.start}
          class={`chart-fill-${run.value ?? "gap"}`}
          x={roundCoord(x(run.start))}
          y={box.top}
          width={roundCoord(x(run.start + run.length) - x(run.start))}
          height={box.bottom - box.top}
          fill={SERIES_COLORS[run.value ?? "gap"]}
          fill-opacity={run.value === null ? "0.25" : undefined}
          data-class={run.value ?? "gap"}
          data-minutes={run.length}
        />
      ))}
      {futureFrom < slots
        ? (
          <rect
            class="chart-fill-future"
            x={roundCoord(x(futureFrom))}
            y={box.top}
            width={roundCoord(x(slots) - x(futureFrom))}
            height={box.bottom - box.top}
            fill={SERIES_COLORS.future}
            fill-opacity="0.1"
            data-future-start={futureFrom}
          />
        )
        : null}
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
