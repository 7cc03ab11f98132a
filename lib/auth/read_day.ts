// Calendar-day parameters from query strings, checked for real dates inside the
// range the app can compute with (local day bounds, week and year views, the day
// after an export's last day), so an absurd day is a 400 rather than a 500.
import { addDays } from "../time/zones.ts";
import { badRequest } from "../http/errors.ts";

/** First day a query may name (the epoch; no band records anything earlier). */
export const FIRST_QUERY_DAY = "1970-01-01";
/** Last day a query may name (views and exports look a few days past it). */
export const LAST_QUERY_DAY = "2199-12-31";

/** Returns a "YYYY-MM-DD" day that exists within the supported range, or throws a 400 `HttpError`. */
export function readDay(day: string): string {
  try {
    addDays(day, 0);
  } catch {
    throw badRequest(`Cannot read day: "${day}" is not a calendar date`);
  }
  if (day < FIRST_QUERY_DAY || day > LAST_QUERY_DAY) {
    throw badRequest(
      `Cannot read day: "${day}" is outside ${FIRST_QUERY_DAY} to ${LAST_QUERY_DAY}`,
    );
  }
  return day;
}
