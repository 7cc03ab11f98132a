// Date ranges behind the history page's day, week, month and year views.
// Weeks start on Monday (ISO 8601) so a week view never straddles two ISO weeks.

import { addDays, daysInRange, localDay } from "../time/zones.ts";

/** The four history views. */
export type HistoryView = "day" | "week" | "month" | "year";

/** Every history view, in navigation order. */
export const HISTORY_VIEWS: readonly HistoryView[] = [
  "day",
  "week",
  "month",
  "year",
];

/** The inclusive range of local days a view covers. */
export interface ViewRange {
  /** First day shown. */
  from: string;
  /** Last day shown. */
  to: string;
}

function splitDay(day: string): [number, number, number] {
  // addDays validates the day and throws a RangeError for a malformed one.
  addDays(day, 0);
  return [
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)),
    Number(day.slice(8, 10)),
  ];
}

function formatDay(year: number, month: number, date: number): string {
  const d = new Date(Date.UTC(year, month - 1, date));
  return d.toISOString().slice(0, 10);
}

/** Tells whether a string names one of the history views. */
export function isHistoryView(value: string): value is HistoryView {
  return (HISTORY_VIEWS as readonly string[]).includes(value);
}

/** Returns today's local day for a person, with "now" passed in so tests can fix it. */
export function todayIn(timeZone: string, nowMs: number): string {
  return localDay(nowMs, timeZone);
}

/** Returns the range of days a view shows around an anchor day. */
export function getViewRange(view: HistoryView, day: string): ViewRange {
  const [year, month] = splitDay(day);
  switch (view) {
    case "day":
      return { from: day, to: day };
    case "week": {
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
      const from = addDays(day, -weekday);
      return { from, to: addDays(from, 6) };
    }
    case "month":
      return {
        from: formatDay(year, month, 1),
        to: formatDay(year, month + 1, 0),
      };
    case "year":
      return { from: formatDay(year, 1, 1), to: formatDay(year, 12, 31) };
  }
}

/** Lists the days a view shows around an anchor day. */
export function listViewDays(view: HistoryView, day: string): string[] {
  const { from, to } = getViewRange(view, day);
  return daysInRange(from, to);
}

/**
 * Moves an anchor day by `steps` whole views (previous is -1, next is +1),
 * clamping the day of month so 31 January plus one month is 29 February, not March.
 */
export function shiftViewDay(
  view: HistoryView,
  day: string,
  steps: number,
): string {
  const [year, month, date] = splitDay(day);
  switch (view) {
    case "day":
      return addDays(day, steps);
    case "week":
      return addDays(day, 7 * steps);
    case "month":
    case "year": {
      const months = view === "month" ? steps : 12 * steps;
      const target = new Date(Date.UTC(year, month - 1 + months, 1));
      const lastDate = new Date(
        Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
      ).getUTCDate();
      return formatDay(
        target.getUTCFullYear(),
        target.getUTCMonth() + 1,
        Math.min(date, lastDate),
      );
    }
  }
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAY_TITLE = new Intl.DateTimeFormat("en-US", {
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/** Returns a short English title for a view, such as "Week of 2024-03-25" or "March 2024". */
export function formatViewTitle(view: HistoryView, day: string): string {
  const { from } = getViewRange(view, day);
  const [year, month] = splitDay(day);
  const monthName = MONTH_NAMES[month - 1];
  switch (view) {
    case "day":
      return DAY_TITLE.format(new Date(`${day}T00:00:00Z`));
    case "week":
      return `Week of ${from}`;
    case "month":
      return `${monthName} ${year}`;
    case "year":
      return String(year);
  }
}
