// Pure pieces of the charts' hover and keyboard details: which slot a pointer is
// over, how a slot's value reads, and the compact props the page ships. Values
// travel run-length encoded as numbers only, because island props sit in an HTML
// attribute where every quote costs six bytes.

import {
  MINUTE_CLASS_LABELS,
  MINUTE_CLASSES,
  type MinuteClass,
} from "../minute/minute_class.ts";

/** How a chart's slots map to time: minutes of one day or whole days. */
export type DetailAxis =
  | { kind: "minutes"; start: number; timeZone: string }
  | { kind: "days"; first: string };

/** How a slot's value is worded. */
export type DetailFormat =
  | { kind: "count"; unit: string; goal?: number }
  | { kind: "duration"; suffix: string }
  | { kind: "class"; labels: string[] };

/** One chart's details: the figure it belongs to and its values, run-length encoded. */
export interface ChartDetailSpec {
  /** The `id` of the chart's `<figure>`. */
  target: string;
  /** Time of each slot. */
  axis: DetailAxis;
  /** Flat `[value, length, value, length, …]`; null values are missing slots. */
  runs: (number | null)[];
  /** Wording of a value. */
  format: DetailFormat;
  /** Sparse series: the pointer snaps to the nearest value within this many slots, keys jump between values. */
  snap?: number;
}

/** Encodes values as flat `[value, length, …]` pairs. */
export function encodeRuns(
  values: readonly (number | null)[],
): (number | null)[] {
  const runs: (number | null)[] = [];
  for (const value of values) {
    const last = runs.length - 2;
    if (last >= 0 && runs[last] === value) (runs[last + 1] as number)++;
    else runs.push(value, 1);
  }
  return runs;
}

/** Expands flat `[value, length, …]` pairs back into one value per slot. */
export function decodeRuns(
  runs: readonly (number | null)[],
): (number | null)[] {
  const values: (number | null)[] = [];
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const length = runs[i + 1] ?? 0;
    for (let n = 0; n < length; n++) values.push(runs[i]);
  }
  return values;
}

/** Converts a pointer's client x into the SVG's viewBox x. */
export function toViewBoxX(
  clientX: number,
  rect: { left: number; width: number },
  viewBoxWidth: number,
): number {
  if (rect.width <= 0) return 0;
  return ((clientX - rect.left) * viewBoxWidth) / rect.width;
}

/** Returns the slot under a viewBox x, clamped to the plot, for `count` equal slots. */
export function findSlotAtX(
  x: number,
  plot: { left: number; right: number; count: number },
): number {
  if (plot.count <= 0) return 0;
  const band = (plot.right - plot.left) / plot.count;
  const slot = Math.floor((x - plot.left) / band);
  return Math.min(plot.count - 1, Math.max(0, slot));
}

/** Returns the viewBox x of a slot's centre, where the guide line goes. */
export function findSlotCentre(
  slot: number,
  plot: { left: number; right: number; count: number },
): number {
  const band = (plot.right - plot.left) / Math.max(plot.count, 1);
  return Math.round((plot.left + (slot + 0.5) * band) * 100) / 100;
}

/** Returns the nearest slot with a value within `radius` slots (earlier wins a tie), else `slot`. */
export function snapToValue(
  values: readonly (number | null)[],
  slot: number,
  radius: number,
): number {
  if (values[slot] !== null && values[slot] !== undefined) return slot;
  for (let d = 1; d <= radius; d++) {
    if (slot - d >= 0 && values[slot - d] !== null) return slot - d;
    if (slot + d < values.length && values[slot + d] !== null) return slot + d;
  }
  return slot;
}

/**
 * Moves the keyboard guide `delta` slots, clamped; on a sparse series a single
 * step jumps to the next slot with a value, so arrows never land on blanks.
 */
export function stepSlot(
  values: readonly (number | null)[],
  slot: number,
  options: { delta: number; sparse: boolean },
): number {
  const last = values.length - 1;
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  if (!options.sparse || Math.abs(options.delta) !== 1) {
    return clamp(slot + options.delta);
  }
  for (let i = slot + options.delta; i >= 0 && i <= last; i += options.delta) {
    if (values[i] !== null) return i;
  }
  return slot;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** Formats a slot's time: "14:05" in the person's zone, or "Tue 5 Mar" for a day. */
export function formatSlotTime(axis: DetailAxis, slot: number): string {
  if (axis.kind === "minutes") {
    return new Date(axis.start + slot * 60_000).toLocaleTimeString("en-GB", {
      timeZone: axis.timeZone,
      hour: "2-digit",
      minute: "2-digit",
    });
  }
  const [y, m, d] = axis.first.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + slot));
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${
    MONTHS[date.getUTCMonth()]
  }`;
}

/** Formats a count with thousands separators, independent of the locale. */
export function formatThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Formats a slot's value: "86 steps", "9,120 steps (goal 8,000)", "7 h 05 min asleep", "deep sleep". */
export function formatSlotValue(
  format: DetailFormat,
  value: number | null,
): string {
  if (value === null) return "no data";
  switch (format.kind) {
    case "count":
      return `${formatThousands(value)} ${format.unit}${
        format.goal === undefined
          ? ""
          : ` (goal ${formatThousands(format.goal)})`
      }`;
    case "duration": {
      const whole = Math.round(value);
      const text = whole < 60
        ? `${whole} min`
        : `${Math.floor(whole / 60)} h ${
          String(whole % 60).padStart(2, "0")
        } min`;
      return `${text} ${format.suffix}`;
    }
    case "class":
      return format.labels[value] ?? "unknown";
  }
}

/** Formats a tooltip line: "14:05 · 86 steps". */
export function formatDetail(
  spec: Pick<ChartDetailSpec, "axis" | "format">,
  slot: number,
  value: number | null,
): string {
  return `${formatSlotTime(spec.axis, slot)} · ${
    formatSlotValue(spec.format, value)
  }`;
}

function sumSleep(light: Series, deep: Series): (number | null)[] {
  return light.map((l, i) =>
    l === null && deep[i] === null ? null : (l ?? 0) + (deep[i] ?? 0)
  );
}

type Series = readonly (number | null)[];

/**
 * The part of the history page's data the details need; spelled out rather
 * than imported because the page data's module reaches KV, which the island's
 * browser type check must not see.
 */
export type ChartDetailSource =
  & {
    timeZone: string;
    band: { stepGoal: number | null };
  }
  & (
    | {
      view: "day";
      data: {
        completeness: { recordedMinutes: number };
        minutes: {
          start: number;
          steps: Series;
          heartRate: Series;
          classes: readonly (MinuteClass | null)[];
        };
      };
    }
    | {
      view: "week" | "month" | "year";
      data: {
        completeness: { recordedMinutes: number };
        days: readonly string[];
        steps: Series;
        activeMinutes: Series;
        wornMinutes: Series;
        restingHeartRate: Series;
        lightSleepMinutes: Series;
        deepSleepMinutes: Series;
      };
    }
  );

/** Lists the details of every chart the history page draws; none when it draws no charts. */
export function buildChartDetails(page: ChartDetailSource): ChartDetailSpec[] {
  if (page.data.completeness.recordedMinutes === 0) return [];
  if (page.view === "day") {
    const { start, steps, heartRate, classes } = page.data.minutes;
    const axis: DetailAxis = {
      kind: "minutes",
      start,
      timeZone: page.timeZone,
    };
    const labels = MINUTE_CLASSES.map((c) =>
      MINUTE_CLASS_LABELS[c].toLowerCase()
    );
    return [
      {
        target: "day-steps",
        axis,
        runs: encodeRuns(steps),
        format: { kind: "count", unit: "steps" },
      },
      {
        target: "day-heart-rate",
        axis,
        runs: encodeRuns(heartRate),
        format: { kind: "count", unit: "bpm" },
        snap: 10,
      },
      {
        target: "day-activity",
        axis,
        runs: encodeRuns(
          classes.map((c) => (c === null ? null : MINUTE_CLASSES.indexOf(c))),
        ),
        format: { kind: "class", labels },
      },
    ];
  }
  const data = page.data;
  const axis: DetailAxis = { kind: "days", first: data.days[0] };
  const goal = page.band.stepGoal ?? undefined;
  return [
    {
      target: "range-steps",
      axis,
      runs: encodeRuns(data.steps),
      format: { kind: "count", unit: "steps", goal },
    },
    {
      target: "range-sleep",
      axis,
      runs: encodeRuns(
        sumSleep(data.lightSleepMinutes, data.deepSleepMinutes),
      ),
      format: { kind: "duration", suffix: "asleep" },
    },
    {
      target: "range-active",
      axis,
      runs: encodeRuns(data.activeMinutes),
      format: { kind: "duration", suffix: "active" },
    },
    {
      target: "range-resting",
      axis,
      runs: encodeRuns(data.restingHeartRate),
      format: { kind: "count", unit: "bpm resting" },
    },
    {
      target: "range-worn",
      axis,
      runs: encodeRuns(data.wornMinutes),
      format: { kind: "duration", suffix: "worn" },
    },
  ];
}
