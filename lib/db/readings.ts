// Per-band time series keyed by instant. Writing the same instant twice keeps
// the first value, so re-uploading after a lost answer changes nothing. (KV allows
// only 10 checks per commit, so a concurrent write of the same instant may win
// instead: both carry the band's reading of that instant.)
import { readBandForWrite } from "./bands.ts";
import { readingKey, type ReadingKind } from "./keys.ts";
import { RETRY, retryOnConflict, type RetryOptions } from "./retry.ts";

/** Options of `storeReadings`. */
export interface StoreReadingsOptions extends RetryOptions {
  /** The band's owner: the commit then checks the band still exists (410 once deleted). */
  owner?: string;
}
import { addWorkoutStarts } from "./workout_starts.ts";

// Each year of workouts adds a check on its start index (lib/db/workout_starts.ts),
// and hosted KV allows 10 checks a commit, one of them the band's.
const WORKOUT_YEARS_PER_COMMIT = 8;

/**
 * Stores readings that are not stored yet; returns how many were new. One
 * commit holds them all, except workouts spread over more than eight UTC years:
 * those land in one commit per eight years, each holding its workouts with their
 * years' start index, so the index never disagrees with the records. A request
 * cut short between two commits stored whole years, and sending it again stores
 * only what is missing (a stored instant keeps its value).
 */
export async function storeReadings<T extends { time: number }>(
  kv: Deno.Kv,
  kind: ReadingKind,
  bandId: string,
  readings: readonly T[],
  options: StoreReadingsOptions = {},
): Promise<number> {
  const unique = new Map(readings.map((r) => [r.time, r]));
  if (kind !== "workouts") {
    return await storeGroup(kv, kind, bandId, unique, options);
  }
  const byYear = new Map<number, [number, T][]>();
  for (const entry of unique) {
    const year = new Date(entry[0]).getUTCFullYear();
    byYear.set(year, [...byYear.get(year) ?? [], entry]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  let added = 0;
  for (let i = 0; i < years.length; i += WORKOUT_YEARS_PER_COMMIT) {
    const group = new Map(
      years.slice(i, i + WORKOUT_YEARS_PER_COMMIT).flatMap((y) =>
        byYear.get(y)!
      ),
    );
    added += await storeGroup(kv, kind, bandId, group, options);
  }
  return added;
}

async function storeGroup<T extends { time: number }>(
  kv: Deno.Kv,
  kind: ReadingKind,
  bandId: string,
  unique: Map<number, T>,
  options: StoreReadingsOptions,
): Promise<number> {
  return await retryOnConflict(
    async () => {
      const atomic = kv.atomic();
      if (options.owner !== undefined) {
        atomic.check(
          await readBandForWrite(kv, options.owner, bandId, "store readings"),
        );
      }
      const keys = [...unique.keys()].map((t) => readingKey(kind, bandId, t));
      const existing = new Set<number>();
      for (let i = 0; i < keys.length; i += 10) {
        for (const entry of await kv.getMany(keys.slice(i, i + 10))) {
          if (entry.versionstamp !== null) existing.add(entry.key[2] as number);
        }
      }
      const added: number[] = [];
      for (const [time, reading] of unique) {
        if (existing.has(time)) continue;
        atomic.set(readingKey(kind, bandId, time), reading);
        added.push(time);
      }
      if (added.length === 0) return 0;
      // Workouts keep their start times in an index the range views count from.
      if (kind === "workouts") {
        await addWorkoutStarts(kv, atomic, bandId, added);
      }
      return (await atomic.commit()).ok ? added.length : RETRY;
    },
    "Cannot store readings: other uploads for this band kept landing at the same time, try again",
    options,
  );
}

/** Lists readings with `from <= time < to`, newest first, at most `limit`. */
export async function listReadings<T>(
  kv: Deno.Kv,
  kind: ReadingKind,
  bandId: string,
  range: { from: number; to: number; limit: number },
): Promise<T[]> {
  const out: T[] = [];
  const iter = kv.list<T>({
    start: readingKey(kind, bandId, range.from),
    end: readingKey(kind, bandId, range.to),
  }, { reverse: true, limit: range.limit });
  for await (const entry of iter) out.push(entry.value);
  return out;
}
