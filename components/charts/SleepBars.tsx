// Nightly sleep per day, deep stacked under light, in hours.

import { scaleLinear } from "d3-scale";
import type { ScaleLinear } from "./d3_scale.d.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import { roundCoord, SERIES_COLORS } from "./chart_frame.ts";
import { DayAxis } from "./DayAxis.tsx";
import { type BarShape, buildBarsPath, COMPACT_DAYS } from "./bar_path.ts";
import { layoutDays } from "./day_band.ts";
import { ValueAxis } from "./ValueAxis.tsx";

/** Props for {@link SleepBars}. */
export interface SleepBarsProps {
  /** Unique id for the figure. */
  id: string;
  /** Days shown, "YYYY-MM-DD". */
  days: string[];
  /** Light-sleep minutes per day; null for a day without data. */
  lightMinutes: readonly (number | null)[];
  /** Deep-sleep minutes per day; null for a day without data. */
  deepMinutes: readonly (number | null)[];
}

const HEIGHT = 170;

function formatHours(minutes: number): string {
  return `${Math.floor(minutes / 60)} h ${
    String(Math.round(minutes % 60)).padStart(2, "0")
  }`;
}

/** Renders daily sleep as stacked light and deep bars. */
export function SleepBars(props: SleepBarsProps) {
  const { box, barWidth, barX, centre } = layoutDays(props.days.length, HEIGHT);
  const totals = props.days.map((_, i) =>
    props.lightMinutes[i] === null && props.deepMinutes[i] === null
      ? null
      : (props.lightMinutes[i] ?? 0) + (props.deepMinutes[i] ?? 0)
  );
  const known = totals.filter((v): v is number => v !== null);
  const maxHours = Math.max(8, ...known.map((m) => m / 60));
  const y = (scaleLinear() as ScaleLinear).domain([0, maxHours]).range([
    box.bottom,
    box.top,
  ]).nice(4);
  const average = known.length
    ? known.reduce((a, b) => a + b, 0) / known.length
    : 0;
  const xOf = props.days.length > 31
    ? (i: number) => box.left + (i * (box.right - box.left)) / props.days.length
    : centre;
  return (
    <ChartFigure
      id={props.id}
      title="Sleep"
      description={`Sleep on ${known.length} of ${props.days.length} days, average ${
        formatHours(average)
      }.`}
      height={HEIGHT}
      legend={[
        { series: "deep_sleep", label: "Deep sleep" },
        { series: "light_sleep", label: "Light sleep" },
        { series: "gap", label: "No data" },
      ]}
    >
      <ValueAxis scale={y} unit="hours" format={(h) => String(h)} />
      {props.days.length > COMPACT_DAYS
        ? (
          <CompactSleep
            light={props.lightMinutes}
            deep={props.deepMinutes}
            barX={barX}
            barWidth={barWidth}
            y={y}
          />
        )
        : props.days.map((day, i) => {
          if (totals[i] === null) return null;
          const deep = (props.deepMinutes[i] ?? 0) / 60;
          const light = (props.lightMinutes[i] ?? 0) / 60;
          return (
            <g
              key={day}
              data-day={day}
              data-light={props.lightMinutes[i] ?? 0}
              data-deep={props.deepMinutes[i] ?? 0}
            >
              <rect
                class="chart-fill-deep_sleep"
                x={roundCoord(barX(i))}
                y={roundCoord(y(deep))}
                width={roundCoord(barWidth)}
                height={roundCoord(box.bottom - y(deep))}
                fill={SERIES_COLORS.deep_sleep}
              />
              <rect
                class="chart-fill-light_sleep"
                x={roundCoord(barX(i))}
                y={roundCoord(y(deep + light))}
                width={roundCoord(barWidth)}
                height={roundCoord(y(deep) - y(deep + light))}
                fill={SERIES_COLORS.light_sleep}
              />
            </g>
          );
        })}
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

interface CompactSleepProps {
  light: readonly (number | null)[];
  deep: readonly (number | null)[];
  barX: (i: number) => number;
  barWidth: number;
  y: ScaleLinear;
}

// A year of nights as two paths, deep under light.
function CompactSleep(props: CompactSleepProps) {
  const deepBars: BarShape[] = [];
  const lightBars: BarShape[] = [];
  props.light.forEach((light, i) => {
    const deep = props.deep[i];
    if (light === null && deep === null) return;
    const deepHours = (deep ?? 0) / 60;
    const totalHours = deepHours + (light ?? 0) / 60;
    const x = props.barX(i);
    deepBars.push({
      x,
      width: props.barWidth,
      top: props.y(deepHours),
      bottom: props.y(0),
    });
    lightBars.push({
      x,
      width: props.barWidth,
      top: props.y(totalHours),
      bottom: props.y(deepHours),
    });
  });
  return (
    <g class="chart-compact-bars">
      <path
        class="chart-fill-deep_sleep"
        d={buildBarsPath(deepBars)}
        fill={SERIES_COLORS.deep_sleep}
      />
      <path
        class="chart-fill-light_sleep"
        d={buildBarsPath(lightBars)}
        fill={SERIES_COLORS.light_sleep}
      />
    </g>
  );
}
