// Clocks for tests: "now" is pinned to a chosen instant, so a result never
// depends on when (or in which zone) the suite runs.

/** A weekday afternoon in UTC (Wednesday 2026-06-10 14:30), when the generated person is up and walking. */
export const AFTERNOON_UTC = Date.UTC(2026, 5, 10, 14, 30);

/**
 * A clock that starts at `start` (epoch ms) and then runs at the machine's pace,
 * read from the monotonic clock: for tests that need time to pass (timeouts,
 * "last sync ≥ started") yet a known day and hour.
 */
export function startClockAt(start: number): () => number {
  const origin = performance.now();
  return () => start + Math.floor(performance.now() - origin);
}
