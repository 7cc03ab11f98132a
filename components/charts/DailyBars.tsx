// One bar per day (steps, active minutes, minutes worn), with an optional goal
// line; days that met the goal use a second colour and a marker, not colour alone.

import { scaleLinear } from "d3-scale";
import { useCountFormat } from "../formats.ts";
import type { ScaleLinear } from "./d3_scale.d.ts";
import { ChartFigure, type LegendItem } from "./ChartFigure.tsx";
import { roundCoord, SERIES_COLORS, type SeriesName } from "./chart_frame.ts";
import { DayAxis } from "./DayAxis.tsx";
import { type BarShape, buildBarsPath, COMPACT_DAYS } from "./bar_path.ts";
import { layoutDays } from "./day_band.ts";
import { ValueAxis } from "./ValueAxis.tsx";

/** Props for {@link DailyBars}. */
export interface DailyBarsProps {
  /** Unique id for the figure. */
  id: string;
  /** Chart title, such as "Daily steps". */
  title: string;
  /** Unit shown on the axis, such as "steps" or "min". */
  unit: string;
  /** Days shown, "YYYY-MM-DD". */
  days: string[];
  /** One value per day; null for a day without data. */
  values: readonly (number | null)[];
  /** Goal drawn as a dashed line, if any. */
  goal?: number;
  /** Palette series for the bars (default "steps"). */
  series?: SeriesName;
  /** Last day that has happened; later days are left blank rather than shaded as missing. */
  lastDay?: string;
}

const HEIGHT = 170;

/** Renders daily values as bars against an optional goal. */
export function DailyBars(props: DailyBarsProps) {
  const formatCount = useCountFormat();
  const { box, barWidth, barX, centre } = layoutDays(props.days.length, HEIGHT);
  const series = props.series ?? "steps";
  const known = props.values.filter((v): v is number => v !== null);
  const max = Math.max(10, props.goal ?? 0, ...known);
  const y = (scaleLinear() as ScaleLinear).domain([0, max * 1.05]).range([
    box.bottom,
    box.top,
  ])
    .nice(4);
  const met = props.goal === undefined
    ? 0
    : known.filter((v) => v >= props.goal!).length;
  const legend: LegendItem[] = [{ series, label: props.title }];
  if (props.goal !== undefined) {
    legend.push({ series: "goal_met", label: "Goal met" });
    legend.push({
      series: "goal",
      label: `Goal (${formatCount(props.goal)} ${props.unit})`,
      line: true,
    });
  }
  legend.push({ series: "gap", label: "No data" });
  const total = known.reduce((a, b) => a + b, 0);
  const description =
    `${props.title}: ${known.length} of ${props.days.length} days with data, average ${
      formatCount(known.length ? total / known.length : 0)
    } ${props.unit}` +
    (props.goal !== undefined ? `, goal met on ${met} days.` : ".");
  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      description={description}
      height={HEIGHT}
      legend={legend}
    >
      <ValueAxis scale={y} unit={props.unit} />
      {props.days.length > COMPACT_DAYS
        ? (
          <CompactBars
            values={props.values}
            future={props.days.map((d) =>
              props.lastDay !== undefined && d > props.lastDay
            )}
            goal={props.goal}
            series={series}
            barX={barX}
            barWidth={barWidth}
            box={box}
            y={y}
          />
        )
        : props.values.map((v, i) => {
          if (v === null) {
            if (props.lastDay !== undefined && props.days[i] > props.lastDay) {
              return null;
            }
            return (
              <rect
                key={i}
                class="chart-fill-gap"
                x={roundCoord(barX(i))}
                y={box.top}
                width={roundCoord(barWidth)}
                height={box.bottom - box.top}
                fill={SERIES_COLORS.gap}
                fill-opacity="0.25"
                data-day={props.days[i]}
                data-gap="true"
              />
            );
          }
          const reached = props.goal !== undefined && v >= props.goal;
          const name = reached ? "goal_met" : series;
          return (
            <rect
              key={i}
              class={`chart-fill-${name}`}
              x={roundCoord(barX(i))}
              y={roundCoord(y(v))}
              width={roundCoord(barWidth)}
              height={roundCoord(box.bottom - y(v))}
              fill={SERIES_COLORS[name]}
              data-day={props.days[i]}
              data-value={v}
            />
          );
        })}
      {props.goal !== undefined
        ? (
          <line
            class="chart-stroke-goal"
            x1={box.left}
            x2={box.right}
            y1={roundCoord(y(props.goal))}
            y2={roundCoord(y(props.goal))}
            stroke={SERIES_COLORS.goal}
            stroke-width="2"
            stroke-dasharray="6 3"
          />
        )
        : null}
      {props.goal !== undefined && props.days.length <= 31
        ? props.values.map((v, i) =>
          v !== null && v >= props.goal!
            ? (
              <text
                key={`m${i}`}
                class="chart-goal-mark"
                x={roundCoord(centre(i))}
                y={roundCoord(y(v) - 3)}
                text-anchor="middle"
                fill="currentColor"
              >
                ✓
              </text>
            )
            : null
        )
        : null}
      <line
        x1={box.left}
        x2={box.right}
        y1={box.bottom}
        y2={box.bottom}
        stroke="currentColor"
      />
      <DayAxis
        days={props.days}
        xOf={props.days.length > 31
          ? (i) => box.left + (i * (box.right - box.left)) / props.days.length
          : centre}
        y={box.bottom}
      />
    </ChartFigure>
  );
}

interface CompactBarsProps {
  values: readonly (number | null)[];
  future: readonly boolean[];
  goal?: number;
  series: SeriesName;
  barX: (i: number) => number;
  barWidth: number;
  box: { top: number; bottom: number };
  y: ScaleLinear;
}

// A year of days: three paths (bars, goal met, no data) instead of 366 shapes.
function CompactBars(props: CompactBarsProps) {
  const plain: BarShape[] = [];
  const met: BarShape[] = [];
  const gaps: BarShape[] = [];
  props.values.forEach((v, i) => {
    const x = props.barX(i);
    const width = props.barWidth;
    if (v === null) {
      if (props.future[i]) return;
      gaps.push({ x, width, top: props.box.top, bottom: props.box.bottom });
      return;
    }
    const bar = { x, width, top: props.y(v), bottom: props.box.bottom };
    if (props.goal !== undefined && v >= props.goal) met.push(bar);
    else plain.push(bar);
  });
  return (
    <g class="chart-compact-bars">
      <path
        class="chart-fill-gap"
        d={buildBarsPath(gaps)}
        fill={SERIES_COLORS.gap}
        fill-opacity="0.25"
        data-days={gaps.length}
      />
      <path
        class={`chart-fill-${props.series}`}
        d={buildBarsPath(plain)}
        fill={SERIES_COLORS[props.series]}
        data-days={plain.length}
      />
      <path
        class="chart-fill-goal_met"
        d={buildBarsPath(met)}
        fill={SERIES_COLORS.goal_met}
        data-days={met.length}
      />
    </g>
  );
}
