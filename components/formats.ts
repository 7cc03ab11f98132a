// Dates, times, numbers and durations in the person's locale and time zone,
// through Intl. The locale comes from the request (see lib/time/locale.ts) and
// reaches components through LocaleContext, which _app provides.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { DEFAULT_LOCALE } from "../lib/time/locale.ts";

/** The locale of the page being rendered. */
export const LocaleContext = createContext(DEFAULT_LOCALE);

/** Formatters bound to a locale and a time zone. */
export interface Formats {
  locale: string;
  /** 21585 → "21,585" (or "21.585", "21 585"…). */
  number(value: number): string;
  /** Minutes as "7 hr, 5 min"; from two days on, "305 days, 5 hr". */
  duration(minutes: number): string;
  /** An instant's clock time, "23:05" or "11:05 PM". */
  clock(instant: number): string;
  /** An instant as a short date and time, "5 Mar 2024, 14:02". */
  dateTime(instant: number): string;
  /** A calendar day (`YYYY-MM-DD`) in full, "Sunday 31 March 2024". */
  longDay(day: string): string;
  /** A calendar day, short, "31 Mar". */
  shortDay(day: string): string;
  /** A range of calendar days, "25 – 31 Mar 2024". */
  dayRange(from: string, to: string): string;
  /** A month of a day, "March 2024". */
  month(day: string): string;
  /** How long ago an instant was, "3 hours ago". */
  ago(instant: number, now: number): string;
}

const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);

/** Builds the formatters for a locale and a time zone. */
export function createFormats(locale: string, timeZone: string): Formats {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const durations = new Intl.DurationFormat(locale, { style: "short" });
  // "07:05" on a 24-hour clock, "7:05 AM" on a 12-hour one.
  const twelveHour = /h1[12]/.test(
    new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions()
      .hourCycle ?? "",
  );
  const clock = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: twelveHour ? "numeric" : "2-digit",
    minute: "2-digit",
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  });
  const utcDay = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
  const longDay = utcDay({ dateStyle: "full" });
  const shortDay = utcDay({ day: "numeric", month: "short" });
  const rangeDay = utcDay({ day: "numeric", month: "short", year: "numeric" });
  const month = utcDay({ month: "long", year: "numeric" });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  return {
    locale,
    number: (value) => numbers.format(Math.round(value)),
    duration(minutes) {
      const whole = Math.max(0, Math.round(minutes));
      if (whole >= 2 * 1440) {
        const days = Math.floor(whole / 1440);
        const hours = Math.floor((whole % 1440) / 60);
        return durations.format(hours ? { days, hours } : { days });
      }
      const hours = Math.floor(whole / 60);
      const rest = whole % 60;
      if (!hours) return durations.format({ minutes: rest });
      return durations.format(rest ? { hours, minutes: rest } : { hours });
    },
    clock: (instant) => clock.format(instant),
    dateTime: (instant) => dateTime.format(instant),
    longDay: (day) => longDay.format(dayDate(day)),
    shortDay: (day) => shortDay.format(dayDate(day)),
    dayRange: (from, to) => rangeDay.formatRange(dayDate(from), dayDate(to)),
    month: (day) => month.format(dayDate(day)),
    ago(instant, now) {
      const minutes = Math.floor((now - instant) / 60_000);
      if (minutes < 1) return "just now";
      if (minutes < 60) return relative.format(-minutes, "minute");
      const hours = Math.floor(minutes / 60);
      if (hours < 48) return relative.format(-hours, "hour");
      return relative.format(-Math.floor(hours / 24), "day");
    },
  };
}

/** Formats counts in the page's locale ("21,585", "21.585"), for charts. */
export function useCountFormat(): (value: number) => string {
  const numbers = new Intl.NumberFormat(useContext(LocaleContext), {
    maximumFractionDigits: 0,
  });
  return (value) => numbers.format(Math.round(value));
}

/** The formatters for the page's locale in a time zone. */
export function useFormats(timeZone: string): Formats {
  return createFormats(useContext(LocaleContext), timeZone);
}
