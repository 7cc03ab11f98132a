// Shaded bands where minutes are missing, so no data never reads as zero; the
// rest of today is a fainter band that reads "not yet", not missing.

import { roundCoord, SERIES_COLORS } from "./chart_frame.ts";
import type { ScaleLinear } from "./d3_scale.d.ts";
import { findGaps, type Run } from "./runs.ts";

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
  /** First slot still in the future (see findFutureSlot), if any. */
  futureFrom?: number;
}

/** Splits the gaps at the first future slot: missing before it, not yet from it on. */
export function splitGaps(
  values: readonly unknown[],
  futureFrom = values.length,
): { missing: Run<null>[]; future: Run<null> | undefined } {
  const missing: Run<null>[] = [];
  for (const gap of findGaps(values)) {
    const length = Math.min(gap.length, futureFrom - gap.start);
    if (length > 0) missing.push({ ...gap, length });
  }
  return {
    missing,
    future: futureFrom < values.length
      ? { start: futureFrom, length: values.length - futureFrom, value: null }
      : undefined,
  };
}

/** Draws one shaded band per run of missing slots, and one for the rest of today. */
export function GapBands(
  { values, x, top, bottom, futureFrom }: GapBandsProps,
) {
  const { missing, future } = splitGaps(values, futureFrom);
  const band = (run: Run<null>) => ({
    x: roundCoord(x(run.start)),
    y: top,
    width: roundCoord(x(run.start + run.length) - x(run.start)),
    height: roundCoord(bottom - top),
  });
  return (
    <g class="chart-gaps">
      {missing.map((gap) => (
        <rect
          key={gap.start}
          class="chart-fill-gap"
          {...band(gap)}
          fill={SERIES_COLORS.gap}
          fill-opacity="0.25"
          data-gap-start={gap.start}
          data-gap-minutes={gap.length}
        />
      ))}
      {future
        ? (
          <rect
            class="chart-fill-future"
            {...band(future)}
            fill={SERIES_COLORS.future}
            fill-opacity="0.1"
            data-future-start={future.start}
          />
        )
        : null}
    </g>
  );
}
