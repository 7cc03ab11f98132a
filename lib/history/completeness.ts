// How much of a period the server has data for. Minutes still in the future do
// not count as missing, so today reads as complete up to the last sync.

import { addDays, startOfLocalDay } from "../time/zones.ts";

/** Data completeness of a period, with the band's last sync. */
export interface Completeness {
  /** Minutes with a stored sample. */
  recordedMinutes: number;
  /** Minutes of the period that have already passed. */
  expectedMinutes: number;
  /** Epoch ms of the last upload, or null before the first. */
  lastSyncAt: number | null;
}

/** Counts the minutes of local days `from`..`to` that lie before `now`. */
export function countPastMinutes(
  range: { from: string; to: string },
  timeZone: string,
  now: number,
): number {
  const start = startOfLocalDay(range.from, timeZone);
  const end = Math.min(
    now,
    startOfLocalDay(addDays(range.to, 1), timeZone),
  );
  return Math.max(0, Math.floor((end - start) / 60_000));
}

/** Returns the recorded share as a whole percentage, or null when nothing was expected yet. */
export function toPercent(completeness: Completeness): number | null {
  if (completeness.expectedMinutes <= 0) return null;
  const share = completeness.recordedMinutes / completeness.expectedMinutes;
  return Math.min(100, Math.floor(share * 100));
}
