// Shaded bands where minutes are missing, so no data never reads as zero.

import { roundCoord, SERIES_COLORS } from "./chart_frame.ts";
import type { ScaleLinear } from "./d3_scale.d.ts";
import { findGaps } from "./runs.ts";

/** Props for {@link GapBands}. */
export interface GapBandsProps {
  /** Per-slot values; null marks a gap. */
  values: readonly unknown[];
  /** Horizontal scale from slot index to x. */
  x: ScaleLinear;
  /** Top of the band. */
  top: number;
  /** Bottom of the band. */
  bottom: number;
}

/** Draws one shaded band per run of missing slots. */
export function GapBands({ values, x, top, bottom }: GapBandsProps) {
  return (
    <g class="chart-gaps">
      {findGaps(values).map((gap) => (
        <rect
          key={gap.start}
          class="chart-fill-gap"
          x={roundCoord(x(gap.start))}
          y={top}
          width={roundCoord(x(gap.start + gap.length) - x(gap.start))}
          height={roundCoord(bottom - top)}
          fill={SERIES_COLORS.gap}
          fill-opacity="0.25"
          data-gap-start={gap.start}
          data-gap-minutes={gap.length}
        />
      ))}
    </g>
  );
}
