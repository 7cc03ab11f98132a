// Test-only builder for fixed nights: runs of raw kinds expanded to minutes,
// normalised by the same kind normaliser the app uses (§11.4).

import type { HistoryMinute } from "../../lib/history/history_minute.ts";
import { createKindNormalizer } from "../../lib/history/kind_normalizer.ts";

/** A run of identical minutes: raw kind byte, length in minutes and steps per minute. */
export type Run = [rawKind: number, minutes: number, steps?: number];

/** Expands runs from a start instant into normalised minutes; kind -1 leaves the minutes missing. */
export function buildMinutes(start: number, runs: Run[]): HistoryMinute[] {
  const minutes: HistoryMinute[] = [];
  const normalize = createKindNormalizer(0);
  let time = start;
  for (const [rawKind, count, steps = 0] of runs) {
    for (let i = 0; i < count; i++, time += 60_000) {
      if (rawKind < 0) continue;
      const kind = normalize(rawKind);
      minutes.push({ time, kind, intensity: 10, steps, heartRate: 60 });
    }
  }
  return minutes;
}
