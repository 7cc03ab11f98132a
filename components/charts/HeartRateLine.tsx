// One day's heart rate as a line that joins readings taken at the band's usual
// interval and breaks across longer stretches without one, instead of dropping to zero.

import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { ScaleLinear } from "./d3_scale.d.ts";
import type { Line } from "./d3_shape.d.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { getPlotBox, roundCoord, SERIES_COLORS } from "./chart_frame.ts";
import { TimeAxis } from "./TimeAxis.tsx";
import { ValueAxis } from "./ValueAxis.tsx";

/** Props for {@link HeartRateLine}. */
export interface HeartRateLineProps {
  /** Unique id for the figure. */
  id: string;
  /** Epoch ms of the day's first minute. */
  start: number;
  /** Beats per minute per slot; null where there was no reading. */
  heartRate: readonly (number | null)[];
  /** Person's IANA time zone, for the hour labels. */
  timeZone: string;
  /** Readings at most this many minutes apart are joined (default 10, the band's usual interval). */
  maxGapMinutes?: number;
  /** Measurements taken on demand, drawn as dots: slot from the day's start and bpm. */
  measurements?: readonly { slot: number; bpm: number }[];
}

/** Lists the points to draw, with a null wherever readings are too far apart to join. */
export function joinReadings(
  heartRate: readonly (number | null)[],
  maxGapMinutes: number,
): ([number, number] | null)[] {
  const points: ([number, number] | null)[] = [];
  let previous = -Infinity;
  heartRate.forEach((bpm, slot) => {
    if (bpm === null) return;
    if (slot - previous > maxGapMinutes && points.length > 0) points.push(null);
    points.push([slot, bpm]);
    previous = slot;
  });
  return points;
}

const HEIGHT = 170;

/** Renders one day's heart rate as a gapped SVG line. */
export function HeartRateLine(props: HeartRateLineProps) {
  const box = getPlotBox(HEIGHT);
  const slots = props.heartRate.length;
  const readings = props.heartRate.filter((v): v is number => v !== null);
  const measured = (props.measurements ?? []).filter((m) =>
    m.slot >= 0 && m.slot < slots
  );
  const all = readings.concat(measured.map((m) => m.bpm));
  const low = all.length ? Math.min(...all) : 50;
  const high = all.length ? Math.max(...all) : 100;
  const x = (scaleLinear() as ScaleLinear).domain([0, slots]).range([
    box.left,
    box.right,
  ]);
  const y = (scaleLinear() as ScaleLinear).domain([
    Math.max(0, low - 10),
    high + 10,
  ])
    .range([box.bottom, box.top]).nice(4);
  type Point = [number, number] | null;
  const path = (line<Point>() as Line<Point>)
    .defined((p) => p !== null)
    .x((p) => roundCoord(x((p as [number, number])[0] + 0.5)))
    .y((p) => roundCoord(y((p as [number, number])[1])))(
      joinReadings(props.heartRate, props.maxGapMinutes ?? 10),
    );
  const description =
    (readings.length
      ? `${readings.length} readings between ${low} and ${high} bpm; breaks in the line are minutes without a reading.`
      : "No heart-rate readings this day.") +
    (measured.length
      ? ` ${measured.length} measured on demand, shown as dots.`
      : "");
  return (
    <ChartFigure
      id={props.id}
      title="Heart rate"
      description={description}
      height={HEIGHT}
      legend={[
        { series: "heart_rate", label: "Heart rate (bpm)", line: true },
        ...(measured.length
          ? [{
            series: "measured" as const,
            label: "Measured on demand",
            dot: true,
          }]
          : []),
      ]}
    >
      <ValueAxis scale={y} unit="bpm" />
      {path
        ? (
          <path
            class="chart-stroke-heart_rate"
            d={path}
            fill="none"
            stroke={SERIES_COLORS.heart_rate}
            stroke-width="1.5"
            stroke-linejoin="round"
            stroke-linecap="round"
          />
        )
        : null}
      {measured.length
        ? (
          <g
            class="chart-fill-measured"
            fill={SERIES_COLORS.measured}
            stroke="#ffffff"
            stroke-width="1"
          >
            {measured.map((m) => (
              <circle
                key={m.slot}
                cx={roundCoord(x(m.slot + 0.5))}
                cy={roundCoord(y(m.bpm))}
                r="3.5"
                data-bpm={m.bpm}
              />
            ))}
          </g>
        )
        : null}
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
