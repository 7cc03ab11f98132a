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

/** Stores readings that are not stored yet, all in one commit; returns how many were new. */
export async function storeReadings<T extends { time: number }>(
  kv: Deno.Kv,
  kind: ReadingKind,
  bandId: string,
  readings: readonly T[],
  options: StoreReadingsOptions = {},
): Promise<number> {
  const unique = new Map(readings.map((r) => [r.time, r]));
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
      let added = 0;
      for (const [time, reading] of unique) {
        if (existing.has(time)) continue;
        atomic.set(readingKey(kind, bandId, time), reading);
        added++;
      }
      if (added === 0) return 0;
      return (await atomic.commit()).ok ? added : RETRY;
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
