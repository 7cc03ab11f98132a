// The left axis: ticks, light grid lines and the unit written above the axis.

import { useCountFormat } from "../formats.ts";
import type { ScaleLinear } from "./d3_scale.d.ts";
import {
  CHART_MARGIN,
  CHART_WIDTH,
  roundCoord,
  UNIT_TITLE_Y,
} from "./chart_frame.ts";

/** Props for {@link ValueAxis}. */
export interface ValueAxisProps {
  /** The vertical scale. */
  scale: ScaleLinear;
  /** Unit label, such as "steps" or "bpm". */
  unit: string;
  /** Tick count hint (default 4). */
  ticks?: number;
  /** Formats a tick value (default: thousands separators). */
  format?: (value: number) => string;
}

/** Draws the value axis with grid lines and a unit label. */
export function ValueAxis(
  { scale, unit, ticks = 4, format }: ValueAxisProps,
) {
  const formatCount = useCountFormat();
  const label = format ?? formatCount;
  const left = CHART_MARGIN.left;
  return (
    <g class="chart-axis chart-axis-y">
      {scale.ticks(ticks).map((value) => {
        const y = roundCoord(scale(value));
        return (
          <g key={value}>
            <line
              class="chart-grid"
              x1={left}
              x2={CHART_WIDTH - CHART_MARGIN.right}
              y1={y}
              y2={y}
              stroke="currentColor"
              stroke-opacity="0.15"
            />
            <text
              x={left - 4}
              y={y}
              dy="0.32em"
              text-anchor="end"
              fill="currentColor"
            >
              {label(value)}
            </text>
          </g>
        );
      })}
      <text class="chart-unit" x={2} y={UNIT_TITLE_Y} fill="currentColor">
        {unit}
      </text>
    </g>
  );
}
