// Calendar-day helpers for a person's IANA time zone, built only on
// Intl.DateTimeFormat so the server's own zone never leaks into the result.
// Days are "YYYY-MM-DD" strings; instants are epoch milliseconds (UTC).

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Formatters are costly to build and a chart render asks for thousands of offsets.
const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function readWallClock(instantMs: number, timeZone: string): number[] {
  const parts = getFormatter(timeZone).formatToParts(instantMs);
  const field = (type: string) =>
    Number(parts.find((p) => p.type === type)?.value);
  return [
    field("year"),
    field("month"),
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  ];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function parseDay(day: string): [number, number, number] {
  const match = DAY_PATTERN.exec(day);
  if (!match) {
    throw new RangeError(`Cannot read day: expected YYYY-MM-DD, got "${day}"`);
  }
  const [year, month, date] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
  ];
  const utc = new Date(Date.UTC(year, month - 1, date));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) {
    throw new RangeError(`Cannot read day: no such date "${day}"`);
  }
  return [year, month, date];
}

function formatUtcDay(utcMs: number): string {
  const d = new Date(utcMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${
    pad(d.getUTCDate(), 2)
  }`;
}

/** Tells whether the runtime knows the given IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Returns the zone's offset from UTC at an instant, in minutes east of UTC. */
export function utcOffsetMinutes(instantMs: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = readWallClock(instantMs, timeZone);
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const flooredInstant = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallAsUtc - flooredInstant) / MINUTE_MS);
}

/** Returns the local calendar day ("YYYY-MM-DD") of an instant in a time zone. */
export function localDay(instantMs: number, timeZone: string): string {
  const [y, mo, d] = readWallClock(instantMs, timeZone);
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/** Returns the first instant (epoch ms) of a local day, which may be 23, 24 or 25 hours long. */
export function startOfLocalDay(day: string, timeZone: string): number {
  const [year, month, date] = parseDay(day);
  const midnightAsUtc = Date.UTC(year, month - 1, date);
  // Two passes settle on the offset in force at local midnight; a third guards
  // zones that skip midnight itself (the day then starts at the first existing minute).
  let guess = midnightAsUtc -
    utcOffsetMinutes(midnightAsUtc, timeZone) * MINUTE_MS;
  for (let i = 0; i < 2; i++) {
    const next = midnightAsUtc - utcOffsetMinutes(guess, timeZone) * MINUTE_MS;
    if (next === guess) break;
    guess = next;
  }
  if (localDay(guess, timeZone) !== day) {
    // Midnight did not exist (clocks jumped over it): walk forward to the day's first minute.
    const earlier = Math.min(guess, midnightAsUtc - 14 * 60 * MINUTE_MS);
    let lo = earlier;
    let hi = midnightAsUtc + 14 * 60 * MINUTE_MS;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (localDay(mid, timeZone) < day) lo = mid;
      else hi = mid;
    }
    return hi;
  }
  // With a repeated midnight hour, the earlier of the two candidates starts the day.
  const earlier = guess - 60 * MINUTE_MS;
  if (localDay(earlier, timeZone) === day) {
    const [, , , h, mi] = readWallClock(earlier, timeZone);
    if (h === 0 && mi === 0) return earlier;
  }
  return guess;
}

/** Returns the day `n` calendar days after `day` (negative `n` goes back). */
export function addDays(day: string, n: number): string {
  const [year, month, date] = parseDay(day);
  return formatUtcDay(Date.UTC(year, month - 1, date) + n * DAY_MS);
}

/** Lists every day from `from` to `to`, both included; empty when `to` precedes `from`. */
export function daysInRange(from: string, to: string): string[] {
  const [fy, fm, fd] = parseDay(from);
  const [ty, tm, td] = parseDay(to);
  const start = Date.UTC(fy, fm - 1, fd);
  const end = Date.UTC(ty, tm - 1, td);
  const days: string[] = [];
  for (let t = start; t <= end; t += DAY_MS) days.push(formatUtcDay(t));
  return days;
}
