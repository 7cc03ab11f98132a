// Resting heart rate per day as a trend line with a dot per day; days without a
// value break the line.

import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { ScaleLinear } from "./d3_scale.d.ts";
import type { Line } from "./d3_shape.d.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { roundCoord, SERIES_COLORS } from "./chart_frame.ts";
import { DayAxis } from "./DayAxis.tsx";
import { layoutDays } from "./day_band.ts";
import { ValueAxis } from "./ValueAxis.tsx";

/** Props for {@link RestingHeartRateLine}. */
export interface RestingHeartRateLineProps {
  /** Unique id for the figure. */
  id: string;
  /** Days shown, "YYYY-MM-DD". */
  days: string[];
  /** Resting bpm per day; null for a day without a value. */
  values: readonly (number | null)[];
}

const HEIGHT = 150;

/** Renders the resting heart-rate trend. */
export function RestingHeartRateLine(props: RestingHeartRateLineProps) {
  const { box, centre } = layoutDays(props.days.length, HEIGHT);
  const known = props.values.filter((v): v is number => v !== null);
  const low = known.length ? Math.min(...known) : 50;
  const high = known.length ? Math.max(...known) : 80;
  const y = (scaleLinear() as ScaleLinear).domain([
    Math.max(0, low - 5),
    high + 5,
  ])
    .range([box.bottom, box.top]).nice(4);
  const path = (line<number | null>() as Line<number | null>)
    .defined((v) => v !== null)
    .x((_, i) => roundCoord(centre(i)))
    .y((v) => roundCoord(y(v as number)))(props.values);
  const xOf = props.days.length > 31
    ? (i: number) => box.left + (i * (box.right - box.left)) / props.days.length
    : centre;
  return (
    <ChartFigure
      id={props.id}
      title="Resting heart rate"
      description={known.length
        ? `Resting heart rate on ${known.length} of ${props.days.length} days, from ${low} to ${high} bpm.`
        : "No resting heart rate in this period."}
      height={HEIGHT}
      legend={[{
        series: "resting",
        label: "Resting heart rate (bpm)",
        line: true,
      }]}
    >
      <ValueAxis scale={y} unit="bpm" />
      {path
        ? (
          <path
            class="chart-stroke-resting"
            d={path}
            fill="none"
            stroke={SERIES_COLORS.resting}
            stroke-width="2"
          />
        )
        : null}
      {props.days.length <= 31
        ? props.values.map((v, i) =>
          v === null ? null : (
            <circle
              key={i}
              class="chart-fill-resting"
              cx={roundCoord(centre(i))}
              cy={roundCoord(y(v))}
              r="2.5"
              fill={SERIES_COLORS.resting}
              data-day={props.days[i]}
              data-value={v}
            />
          )
        )
        : null}
      <line
        x1={box.left}
        x2={box.right}
        y1={box.bottom}
        y2={box.bottom}
        stroke="currentColor"
      />
      <DayAxis days={props.days} xOf={xOf} y={box.bottom} />
    </ChartFigure>
  );
}
