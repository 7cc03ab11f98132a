// Test-only builder for fixed nights: runs of raw kinds expanded to minutes,
// resolved and classified by the same minute module the app uses (§11.4).

import { createKindResolver } from "../../lib/minute/kind.ts";
import { classifyMinute } from "../../lib/minute/minute_class.ts";
import type { ClassifiedMinute } from "../../lib/minute/sleep_sessions.ts";

/** A run of identical minutes: raw kind byte, length in minutes and steps per minute. */
export type Run = [rawKind: number, minutes: number, steps?: number];

/** Expands runs from a start instant into classified minutes; kind -1 leaves the minutes missing. */
export function buildMinutes(start: number, runs: Run[]): ClassifiedMinute[] {
  const minutes: ClassifiedMinute[] = [];
  const resolve = createKindResolver();
  let time = start;
  for (const [rawKind, count, steps = 0] of runs) {
    for (let i = 0; i < count; i++, time += 60_000) {
      if (rawKind < 0) continue;
      const minuteClass = classifyMinute(resolve(time, rawKind), steps);
      minutes.push({ time, minuteClass });
    }
  }
  return minutes;
}
