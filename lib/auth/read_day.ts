// Calendar-day parameters from query strings, checked for real dates.
import { addDays } from "../time/zones.ts";
import { badRequest } from "../http/errors.ts";

/** Returns a "YYYY-MM-DD" day that exists, or throws a 400 `HttpError`. */
export function readDay(day: string): string {
  try {
    addDays(day, 0);
  } catch {
    throw badRequest(`Cannot read day: "${day}" is not a calendar date`);
  }
  return day;
}
