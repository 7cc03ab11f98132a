// Sleep sessions for a range of local days, read straight from packed minutes.
// A session belongs to the day it ends, so the scan starts a day early and runs
// on past the range: a night still going at midnight must not be cut short there.

import { addDays, startOfLocalDay } from "../time/zones.ts";
import { createKindNormalizer } from "./kind_normalizer.ts";
import { visitPackedRange } from "./packed_minutes.ts";
import { SleepDetector, type SleepSession } from "./sleep_sessions.ts";

const HOUR_MS = 3_600_000;

/** Hours scanned past the range's end, longer than any plausible night. */
export const SLEEP_LOOKAHEAD_HOURS = 18;

/** Returns the instants to scan so every session ending inside `from`..`to` is seen whole. */
export function getSleepWindow(
  range: { from: string; to: string },
  timeZone: string,
): { start: number; end: number } {
  return {
    start: startOfLocalDay(addDays(range.from, -1), timeZone),
    end: startOfLocalDay(addDays(range.to, 1), timeZone) +
      SLEEP_LOOKAHEAD_HOURS * HOUR_MS,
  };
}

/** Finds the sleep sessions that end on each day of `from`..`to`, keyed by local day. */
export function findSessionsByDay(
  packs: ReadonlyMap<number, Uint8Array>,
  range: { from: string; to: string },
  timeZone: string,
): Map<string, SleepSession[]> {
  const detector = new SleepDetector({ timeZone });
  const normalize = createKindNormalizer();
  const byDay = new Map<string, SleepSession[]>();
  const keep = (session: SleepSession | null) => {
    if (!session || session.day < range.from || session.day > range.to) return;
    const list = byDay.get(session.day);
    if (list) list.push(session);
    else byDay.set(session.day, [session]);
  };
  visitPackedRange(
    packs,
    getSleepWindow(range, timeZone),
    (time, rawKind, _intensity, steps) =>
      keep(detector.push(time, normalize(rawKind), steps)),
  );
  keep(detector.finish());
  return byDay;
}

/** Adds up light and deep minutes of a day's sessions (naps included). */
export function sumSleep(
  sessions: readonly SleepSession[],
): { lightMinutes: number; deepMinutes: number } {
  let lightMinutes = 0;
  let deepMinutes = 0;
  for (const s of sessions) {
    lightMinutes += s.lightMinutes;
    deepMinutes += s.deepMinutes;
  }
  return { lightMinutes, deepMinutes };
}
