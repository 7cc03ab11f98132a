// Shared geometry and palette. A 480-unit viewBox keeps 11-unit labels legible
// when the SVG shrinks to a 390 px phone; colours are Okabe–Ito, overridable by
// the CSS custom properties in charts.css for dark themes.

/** The viewBox width every chart shares. */
export const CHART_WIDTH = 480;

/** Space kept around the plot for axes and labels (the top holds the unit title). */
export const CHART_MARGIN = {
  top: 24,
  right: 10,
  bottom: 26,
  left: 42,
} as const;

/** Series names, each with a class "chart-<name>" and an Okabe–Ito fallback colour. */
export const SERIES_COLORS = {
  steps: "#0072B2",
  goal_met: "#009E73",
  goal: "#E69F00",
  heart_rate: "#D55E00",
  light_sleep: "#56B4E9",
  deep_sleep: "#0072B2",
  awake: "#F0E442",
  active: "#009E73",
  idle: "#E6E0A8",
  not_worn: "#999999",
  charging: "#CC79A7",
  unknown: "#DDDDDD",
  gap: "#BBBBBB",
  worn: "#009E73",
  resting: "#D55E00",
  workout: "#E69F00",
  measured: "#D55E00",
  future: "#BBBBBB",
} as const;

/** Baseline of the unit title above the plot: clear of the top tick label, which centres on the plot's top edge. */
export const UNIT_TITLE_Y = 11;

/**
 * The first minute slot of a day that has not happened yet at `now`, or
 * undefined when the whole day is past; slots from it on read "not yet".
 */
export function findFutureSlot(
  start: number,
  slots: number,
  now: number | undefined,
): number | undefined {
  if (now === undefined) return undefined;
  const slot = Math.max(0, Math.ceil((now - start) / 60_000));
  return slot < slots ? slot : undefined;
}

/** A series name known to the palette. */
export type SeriesName = keyof typeof SERIES_COLORS;

/** Rounds a coordinate to two decimals so the HTML stays small. */
export function roundCoord(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Returns the plot's inner box for a chart of the given height. */
export function getPlotBox(height: number): {
  left: number;
  right: number;
  top: number;
  bottom: number;
} {
  return {
    left: CHART_MARGIN.left,
    right: CHART_WIDTH - CHART_MARGIN.right,
    top: CHART_MARGIN.top,
    bottom: height - CHART_MARGIN.bottom,
  };
}
