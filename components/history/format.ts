// Text formats shared by the history page pieces, fixed to English and to the
// person's time zone so the server's locale and zone never show through.

/** Formats minutes as "7 h 05 min" (or "45 min" under an hour). */
export function formatDuration(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  return `${Math.floor(whole / 60)} h ${
    String(whole % 60).padStart(2, "0")
  } min`;
}

import { formatCount } from "../charts/chart_frame.ts";

// Intl formatters are costly to build and cheap to use: one per zone, kept.
const clocks = new Map<string, Intl.DateTimeFormat>();
const dateTimes = new Map<string, Intl.DateTimeFormat>();

function getFormat(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    cache.set(timeZone, format);
  }
  return format;
}

/** Formats a count with thousands separators. */
export function formatNumber(value: number): string {
  return formatCount(value);
}

/** Formats an instant as a 24-hour clock time in a time zone, "23:05". */
export function formatClock(instant: number, timeZone: string): string {
  return getFormat(clocks, timeZone, { hour: "2-digit", minute: "2-digit" })
    .format(instant);
}

/** Formats an instant as "5 Mar 2024, 14:02" in a time zone. */
export function formatDateTime(instant: number, timeZone: string): string {
  return getFormat(dateTimes, timeZone, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);
}

/** Says how long ago an instant was, coarsely: "just now", "3 hours ago", "2 days ago". */
export function formatAgo(instant: number, now: number): string {
  const minutes = Math.floor((now - instant) / 60_000);
  if (minutes < 1) return "just now";
  const plural = (n: number, unit: string) =>
    `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (minutes < 60) return plural(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, "hour");
  return plural(Math.floor(hours / 24), "day");
}
