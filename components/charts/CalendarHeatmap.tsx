// A year of daily steps as a calendar: a column per week (Monday first), a row
// per weekday, month names above the weeks they start, and a legend of the step
// bands. Server-rendered SVG: each day is a square with its own <title>, days
// without data are outlined, and days still to come are left out.

import { useContext } from "preact/hooks";
import { LocaleContext } from "../formats.ts";
import { roundCoord, SERIES_COLORS } from "./chart_frame.ts";

/** Props for {@link CalendarHeatmap}. */
export interface CalendarHeatmapProps {
  /** Unique id for the figure. */
  id: string;
  /** Consecutive calendar days, `YYYY-MM-DD`. */
  days: readonly string[];
  /** Steps per day; null where the day has no data. */
  values: readonly (number | null)[];
  /** Today; later days are not drawn. */
  lastDay: string;
}

const CELL = 7.5;
const STEP = 8.5;
const LEFT = 26;
const TOP = 14;
const WEEK_ROWS = 7;
const SHADES = [0.2, 0.45, 0.7, 1] as const;

/** Weekday of a calendar day, Monday = 0 … Sunday = 6. */
function weekdayOf(day: string): number {
  return (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/** Upper bounds of the four step bands: quarters of the busiest day, rounded to a nice step. */
export function findStepBands(values: readonly (number | null)[]): number[] {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const unit = max > 20_000 ? 5000 : max > 4000 ? 1000 : 100;
  const quarter = Math.max(unit, Math.ceil(max / 4 / unit) * unit);
  return [quarter, quarter * 2, quarter * 3, Infinity];
}

/** The band (0–3) of a day's steps, or -1 for a day without steps. */
export function findStepBand(steps: number, bands: readonly number[]): number {
  if (steps <= 0) return -1;
  return bands.findIndex((upper) => steps < upper);
}

/** Draws the calendar heatmap of daily steps. */
export function CalendarHeatmap(props: CalendarHeatmapProps) {
  const locale = useContext(LocaleContext);
  const numbers = new Intl.NumberFormat(locale);
  const dayName = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
  });
  const monthName = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    month: "short",
  });
  const weekdayName = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "narrow",
  });
  const bands = findStepBands(props.values);
  const offset = props.days.length ? weekdayOf(props.days[0]) : 0;
  const weeks = Math.ceil((offset + props.days.length) / WEEK_ROWS);
  const width = roundCoord(LEFT + weeks * STEP + 2);
  const height = TOP + WEEK_ROWS * STEP + 2;
  const at = (index: number) => ({
    x: roundCoord(LEFT + Math.floor((offset + index) / WEEK_ROWS) * STEP),
    y: roundCoord(TOP + ((offset + index) % WEEK_ROWS) * STEP),
  });
  const shown = props.days.flatMap((day, index) =>
    day > props.lastDay ? [] : [{ day, index, steps: props.values[index] }]
  );
  const withData = shown.filter((d) => d.steps !== null);
  const busiest = withData.reduce<typeof withData[number] | undefined>(
    (best, d) => (!best || d.steps! > best.steps! ? d : best),
    undefined,
  );
  const label = (d: string) => dayName.format(new Date(`${d}T12:00:00Z`));
  const bandLabel = (i: number) =>
    i === bands.length - 1
      ? `${numbers.format(bands[i - 1])}+`
      : `${numbers.format(i === 0 ? 1 : bands[i - 1])}–${
        numbers.format(bands[i] - 1)
      }`;
  const months = props.days.flatMap((day, index) =>
    day.endsWith("-01") ? [{ index, day }] : []
  );
  return (
    <figure class="chart chart-calendar" id={props.id}>
      {
        /* Too small to read squeezed onto a phone: it scrolls sideways in its
         card instead, starting at the latest weeks (charts.css). */
      }
      <div class="chart-calendar-scroll">
        <svg
          class="chart-svg"
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-labelledby={`${props.id}-title`}
          aria-describedby={`${props.id}-desc`}
          font-size="8"
        >
          <title id={`${props.id}-title`}>Daily steps, day by day</title>
          <desc id={`${props.id}-desc`}>
            {withData.length
              ? `Steps on ${withData.length} of ${shown.length} days so far; the busiest was ${
                label(busiest!.day)
              } with ${numbers.format(busiest!.steps!)} steps.`
              : "No steps recorded in this period yet."}
          </desc>
          <g class="chart-axis" fill="currentColor">
            {months.map(({ index, day }) => (
              <text key={day} x={at(index).x} y={TOP - 4}>
                {monthName.format(new Date(`${day}T12:00:00Z`))}
              </text>
            ))}
            {[0, 2, 4].map((row) => (
              <text
                key={row}
                x={LEFT - 4}
                y={roundCoord(TOP + row * STEP + CELL - 1)}
                text-anchor="end"
              >
                {weekdayName.format(new Date(Date.UTC(2024, 0, 1 + row, 12)))}
              </text>
            ))}
          </g>
          <g class="chart-fill-steps" fill={SERIES_COLORS.steps}>
            {shown.map(({ day, index, steps }) => {
              const band = steps === null ? -2 : findStepBand(steps, bands);
              const { x, y } = at(index);
              return (
                <rect
                  key={day}
                  x={x}
                  y={y}
                  width={CELL}
                  height={CELL}
                  rx="1.5"
                  class={band === -2
                    ? "chart-calendar-gap"
                    : band === -1
                    ? "chart-calendar-zero"
                    : undefined}
                  fill={band === -2
                    ? "none"
                    : band === -1
                    ? SERIES_COLORS.unknown
                    : undefined}
                  stroke={band === -2 ? SERIES_COLORS.gap : undefined}
                  fill-opacity={band >= 0 ? SHADES[band] : undefined}
                  data-day={day}
                  data-value={steps ?? undefined}
                >
                  <title>
                    {`${label(day)}: ${
                      steps === null
                        ? "no data"
                        : `${numbers.format(steps)} steps`
                    }`}
                  </title>
                </rect>
              );
            })}
          </g>
        </svg>
      </div>
      <figcaption class="chart-caption">
        <ul class="chart-legend">
          {SHADES.map((shade, i) => (
            <li key={shade}>
              <svg
                class="chart-swatch"
                viewBox="0 0 12 12"
                width="12"
                height="12"
                aria-hidden="true"
              >
                <rect
                  class="chart-fill-steps"
                  width="12"
                  height="12"
                  rx="2"
                  fill={SERIES_COLORS.steps}
                  fill-opacity={shade}
                />
              </svg>
              {bandLabel(i)} steps
            </li>
          ))}
          <li>
            <svg
              class="chart-swatch"
              viewBox="0 0 12 12"
              width="12"
              height="12"
              aria-hidden="true"
            >
              <rect
                class="chart-calendar-gap"
                x="1"
                y="1"
                width="10"
                height="10"
                rx="2"
                fill="none"
                stroke={SERIES_COLORS.gap}
              />
            </svg>
            No data
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
