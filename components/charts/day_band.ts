// Horizontal layout for charts with one band per day.

import { getPlotBox } from "./chart_frame.ts";

/** Returns the x of each day's band start, its width and the bar width inside it. */
export function layoutDays(count: number, height: number) {
  const box = getPlotBox(height);
  const band = (box.right - box.left) / Math.max(count, 1);
  const barWidth = Math.max(band * 0.75, 0.6);
  return {
    box,
    band,
    barWidth,
    barX: (i: number) => box.left + i * band + (band - barWidth) / 2,
    centre: (i: number) => box.left + (i + 0.5) * band,
  };
}
