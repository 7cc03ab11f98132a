// The multi-day axis: weekday names for a week, dates for a month, month
// initials for a year, so labels never crowd at 390 px.

import { roundCoord } from "./chart_frame.ts";

/** Props for {@link DayAxis}. */
export interface DayAxisProps {
  /** Days shown, "YYYY-MM-DD". */
  days: string[];
  /** X of the centre of day i. */
  xOf: (index: number) => number;
  /** Baseline y. */
  y: number;
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

/** Chooses which days get a label and what it says, by how many days are shown. */
export function labelDays(days: string[]): { index: number; label: string }[] {
  const labels: { index: number; label: string }[] = [];
  days.forEach((day, index) => {
    const date = Number(day.slice(8, 10));
    if (days.length <= 7) {
      labels.push({
        index,
        label: WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()],
      });
    } else if (days.length <= 31) {
      if (index === 0 || date % 7 === 1) {
        labels.push({ index, label: String(date) });
      }
    } else if (date === 1) {
      labels.push({ index, label: MONTHS[Number(day.slice(5, 7)) - 1] });
    }
  });
  return labels;
}

/** Draws the day labels under a multi-day chart. */
export function DayAxis({ days, xOf, y }: DayAxisProps) {
  const yearly = days.length > 31;
  return (
    <g class="chart-axis chart-axis-x">
      {labelDays(days).map(({ index, label }) => {
        const x = roundCoord(xOf(index));
        return (
          <text
            key={index}
            x={x}
            y={y + 15}
            text-anchor={yearly ? "start" : "middle"}
            fill="currentColor"
          >
            {label}
          </text>
        );
      })}
    </g>
  );
}
