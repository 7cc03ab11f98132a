// Recomputes a band's stored summaries for a new time zone (after the person
// changes theirs). Chunks all check the band's sync-state version, so an upload
// that lands midway makes the rebuild start over instead of mixing zones.
import { addDays, localDay } from "../time/zones.ts";
import {
  daySummariesPrefix,
  daySummaryKey,
  hourSummariesPrefix,
  hourSummaryKey,
  sampleDaysPrefix,
  syncStateKey,
} from "./keys.ts";
import { DAY_MS, isPackedDay } from "./sample_day.ts";
import { summarizeLocalDay, toLocalDayNumber } from "./summaries.ts";
import { getSyncStateEntry, type SyncState } from "./sync_state.ts";
import { WriteConflictError } from "./errors.ts";

const DAYS_PER_COMMIT = 40;

/** Rebuilds summaries when they were computed for another zone; returns whether it did. */
export async function ensureSummaryTimeZone(
  kv: Deno.Kv,
  bandId: string,
  timeZone: string,
): Promise<boolean> {
  const { state } = await getSyncStateEntry(kv, bandId);
  if (state.summaryTimeZone === null || state.summaryTimeZone === timeZone) {
    return false;
  }
  await rebuildSummaries(kv, bandId, timeZone);
  return true;
}

/** Recomputes every stored summary of a band for `timeZone`. */
export async function rebuildSummaries(
  kv: Deno.Kv,
  bandId: string,
  timeZone: string,
): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const sync = await getSyncStateEntry(kv, bandId);
    // No sync state: nothing was ever stored, or the band was just deleted.
    if (sync.versionstamp === null) return;
    const packs = new Map<number, Uint8Array>();
    for await (
      const e of kv.list<Uint8Array>({ prefix: sampleDaysPrefix(bandId) })
    ) {
      if (isPackedDay(e.value)) packs.set(e.key[2] as number, e.value);
    }
    const writes: [Deno.KvKey, unknown][] = [];
    const keep = new Set<number>();
    const utcDays = [...packs.keys()].sort((a, b) => a - b);
    if (utcDays.length > 0) {
      const last = localDay((utcDays.at(-1)! + 1) * DAY_MS - 1, timeZone);
      for (
        let d = localDay(utcDays[0] * DAY_MS, timeZone);
        d <= last;
        d = addDays(d, 1)
      ) {
        const s = summarizeLocalDay(packs, d, timeZone);
        if (s === null) continue;
        const n = toLocalDayNumber(d);
        keep.add(n);
        writes.push([daySummaryKey(bandId, n), s.day], [
          hourSummaryKey(bandId, n),
          s.hours,
        ]);
      }
    }
    const deletes: Deno.KvKey[] = [];
    for (
      const prefix of [daySummariesPrefix(bandId), hourSummariesPrefix(bandId)]
    ) {
      for await (const e of kv.list({ prefix })) {
        if (!keep.has(e.key[2] as number)) deletes.push(e.key);
      }
    }
    const check = {
      key: syncStateKey(bandId),
      versionstamp: sync.versionstamp,
    };
    let ok = true;
    for (let i = 0; ok && i < deletes.length; i += 500) {
      const atomic = kv.atomic().check(check);
      for (const key of deletes.slice(i, i + 500)) atomic.delete(key);
      ok = (await atomic.commit()).ok;
    }
    for (let i = 0; ok && i < writes.length; i += DAYS_PER_COMMIT * 2) {
      const atomic = kv.atomic().check(check);
      for (const [key, value] of writes.slice(i, i + DAYS_PER_COMMIT * 2)) {
        atomic.set(key, value);
      }
      ok = (await atomic.commit()).ok;
    }
    if (!ok) continue;
    const state: SyncState = { ...sync.state, summaryTimeZone: timeZone };
    if (
      (await kv.atomic().check(check).set(syncStateKey(bandId), state).commit())
        .ok
    ) return;
  }
  throw new WriteConflictError(
    "Cannot rebuild summaries: too many concurrent uploads for this band",
  );
}
