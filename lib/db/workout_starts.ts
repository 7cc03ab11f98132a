// The start times of a band's workouts, one sorted Float64Array per UTC year,
// written in the same commit as the workouts: the range views count a year's
// workouts from one small value instead of listing every workout record.
// (8,000 starts a year fit a value: more than 20 workouts every day.)
import {
  readingsPrefix,
  workoutStartsKey,
  workoutStartsPrefix,
} from "./keys.ts";
import { assertFitsKvValue } from "./value_size.ts";

function yearOf(time: number): number {
  return new Date(time).getUTCFullYear();
}

/** Lists the UTC years an instant range `[start, end)` covers. */
function listYears(start: number, end: number): number[] {
  const years: number[] = [];
  for (let y = yearOf(start); y <= yearOf(Math.max(start, end - 1)); y++) {
    years.push(y);
  }
  return years;
}

/** Reads the stored starts of some years, with the entries to check on update. */
export async function readWorkoutStarts(
  kv: Deno.Kv,
  bandId: string,
  years: readonly number[],
): Promise<{ starts: Map<number, Float64Array>; checks: Deno.AtomicCheck[] }> {
  const entries: Deno.KvEntryMaybe<Float64Array>[] = [];
  // getMany takes at most 10 keys.
  for (let i = 0; i < years.length; i += 10) {
    entries.push(
      ...await kv.getMany<Float64Array[]>(
        years.slice(i, i + 10).map((y) => workoutStartsKey(bandId, y)),
      ),
    );
  }
  const starts = new Map<number, Float64Array>();
  entries.forEach((e, i) =>
    starts.set(
      years[i],
      e.value instanceof Float64Array ? e.value : new Float64Array(0),
    )
  );
  return {
    starts,
    checks: entries.map((e) => ({ key: e.key, versionstamp: e.versionstamp })),
  };
}

/** Adds new workout start times to their years' values in an atomic commit. */
export async function addWorkoutStarts(
  kv: Deno.Kv,
  atomic: Deno.AtomicOperation,
  bandId: string,
  times: readonly number[],
): Promise<void> {
  if (times.length === 0) return;
  const years = [...new Set(times.map(yearOf))];
  const { starts, checks } = await readWorkoutStarts(kv, bandId, years);
  atomic.check(...checks);
  for (const year of years) {
    const stored = starts.get(year)!;
    // A start already indexed stays once: a concurrent upload of the same
    // workout may have landed between our read of the records and of the
    // index (10 checks a commit cannot cover every record read).
    const known = new Set(stored);
    const merged = new Float64Array([
      ...stored,
      ...times.filter((t) => yearOf(t) === year && !known.has(t)),
    ]).sort();
    // Past 8,190 starts a year the index would not fit one value: a 413, not a 500.
    assertFitsKvValue(merged, "workout start times");
    atomic.set(workoutStartsKey(bandId, year), merged);
  }
}

function countBelow(sorted: Float64Array, time: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts the workouts that started in `[start, end)`. */
export async function countWorkoutStarts(
  kv: Deno.Kv,
  bandId: string,
  range: { start: number; end: number },
): Promise<number> {
  const { starts } = await readWorkoutStarts(
    kv,
    bandId,
    listYears(range.start, range.end),
  );
  let count = 0;
  for (const sorted of starts.values()) {
    count += countBelow(sorted, range.end) - countBelow(sorted, range.start);
  }
  return count;
}

/** Rewrites a band's start times from its stored workouts (for bands stored before the index). */
export async function rebuildWorkoutStarts(
  kv: Deno.Kv,
  bandId: string,
): Promise<void> {
  const byYear = new Map<number, number[]>();
  for await (
    const e of kv.list({ prefix: readingsPrefix("workouts", bandId) })
  ) {
    const time = e.key[2] as number;
    const list = byYear.get(yearOf(time)) ?? [];
    list.push(time);
    byYear.set(yearOf(time), list);
  }
  const atomic = kv.atomic();
  for await (const e of kv.list({ prefix: workoutStartsPrefix(bandId) })) {
    if (!byYear.has(e.key[2] as number)) atomic.delete(e.key);
  }
  for (const [year, times] of byYear) {
    atomic.set(
      workoutStartsKey(bandId, year),
      new Float64Array(times).sort(),
    );
  }
  await atomic.commit();
}
