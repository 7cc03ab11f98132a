// The takeout's download name, dated in the person's time zone.
import { localDay } from "../time/zones.ts";

/** `band-web-takeout-<username>-<YYYY-MM-DD>.zip`, the day being `now`'s in `timeZone`. */
export function buildTakeoutFileName(
  username: string,
  now: number,
  timeZone: string,
): string {
  const safe = username.replace(/[^A-Za-z0-9._-]/g, "_");
  return `band-web-takeout-${safe}-${localDay(now, timeZone)}.zip`;
}
