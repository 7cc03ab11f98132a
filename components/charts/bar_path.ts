// Many bars as one SVG path: a year of daily bars as rectangles would cost tens
// of kilobytes per chart, as one path it costs a few.

import { roundCoord } from "./chart_frame.ts";

/** One bar: left edge, width, top and bottom. */
export interface BarShape {
  /** Left edge. */
  x: number;
  /** Width. */
  width: number;
  /** Top edge (smaller y). */
  top: number;
  /** Bottom edge. */
  bottom: number;
}

/** Builds one path's `d` attribute drawing every bar as a closed rectangle. */
export function buildBarsPath(bars: readonly BarShape[]): string {
  let d = "";
  for (const bar of bars) {
    if (bar.bottom - bar.top <= 0) continue;
    d += `M${roundCoord(bar.x)} ${roundCoord(bar.bottom)}V${
      roundCoord(bar.top)
    }h${roundCoord(bar.width)}V${roundCoord(bar.bottom)}z`;
  }
  return d;
}

/** Days above which multi-day charts switch from one shape per day to paths. */
export const COMPACT_DAYS = 31;
