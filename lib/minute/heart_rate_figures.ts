// Heart-rate figures of a span, from a histogram of readings (bpm 1–254): a
// histogram keeps a day's readings in 256 counters, so no list is sorted.

import type { HeartRateStats } from "../api/sample_schemas.ts";

/** Fewest calm readings a resting heart rate is estimated from. */
export const MIN_RESTING_READINGS = 5;

/**
 * Estimates resting heart rate from readings taken in minutes without steps:
 * the mean, rounded, of the lowest tenth of them (at least five); null with
 * fewer than five. The one formula every surface shows.
 */
export function estimateRestingHeartRate(
  calm: Uint32Array,
  count: number,
): number | null {
  if (count < MIN_RESTING_READINGS) return null;
  let take = Math.max(MIN_RESTING_READINGS, Math.floor(count / 10));
  const taken = take;
  let sum = 0;
  for (let bpm = 0; bpm < calm.length && take > 0; bpm++) {
    const n = Math.min(calm[bpm], take);
    sum += n * bpm;
    take -= n;
  }
  return Math.round(sum / taken);
}

/** Counts readings into a fresh 256-slot histogram (for tests and one-off lists). */
export function countReadings(readings: Iterable<number>): Uint32Array {
  const histogram = new Uint32Array(256);
  for (const bpm of readings) histogram[bpm]++;
  return histogram;
}

/** Lowest, mean (rounded) and highest reading; null without readings. */
export function summarizeHeartRates(
  stats: { min: number; max: number; sum: number; count: number },
): HeartRateStats | null {
  if (stats.count === 0) return null;
  return {
    min: stats.min,
    mean: Math.round(stats.sum / stats.count),
    max: stats.max,
  };
}
