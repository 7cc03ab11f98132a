// Storing uploaded minutes: merge into packed UTC days, recompute the touched
// local days' summaries and advance the cursor, all in one atomic commit that
// checks the band's sync state, so concurrent uploads retry rather than interleave.
import type { UploadResponse } from "../api/sample_schemas.ts";
import { addDays, localDay } from "../time/zones.ts";
import {
  daySummaryKey,
  hourSummaryKey,
  sampleDayKey,
  syncStateKey,
} from "./keys.ts";
import {
  createEmptyDay,
  isPackedDay,
  mergeMinute,
  toUtcDay,
} from "./sample_day.ts";
import {
  getLocalDayBounds,
  listUtcDays,
  summarizeLocalDay,
  toLocalDayNumber,
} from "./summaries.ts";
import { getSyncStateEntry, type SyncState } from "./sync_state.ts";
import { readBandForWrite } from "./bands.ts";
import { WriteConflictError } from "./errors.ts";

const MINUTE_MS = 60_000;

/** Most UTC days one upload may touch (keeps one commit under KV's 800 KiB). */
export const MAX_UPLOAD_UTC_DAYS = 32;

/** An upload batch with its minutes decoded to raw bytes (4 per minute). */
export interface DecodedBatch {
  start: number;
  utcOffsetMinutes: number;
  bytes: Uint8Array;
}

/** Options of `storeSamples`. */
export interface StoreSamplesOptions {
  /** The person's time zone, for the summaries. */
  timeZone: string;
  now: number;
  /** The band's owner: the commit then checks the band still exists (410 once deleted). */
  owner?: string;
}

/** Lists the UTC days an upload touches. */
export function listUploadUtcDays(batches: readonly DecodedBatch[]): number[] {
  const days = new Set<number>();
  for (const b of batches) {
    const end = b.start + (b.bytes.length / 4) * MINUTE_MS;
    for (const d of listUtcDays(b.start, end)) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

function listTouchedLocalDays(
  batches: readonly DecodedBatch[],
  timeZone: string,
): string[] {
  const days = new Set<string>();
  for (const b of batches) {
    const last = localDay(
      b.start + (b.bytes.length / 4 - 1) * MINUTE_MS,
      timeZone,
    );
    for (let d = localDay(b.start, timeZone); d <= last; d = addDays(d, 1)) {
      days.add(d);
    }
  }
  return [...days].sort();
}

/** Reads packed UTC days by number; missing ones are absent from the map. */
export async function readPacks(
  kv: Deno.Kv,
  bandId: string,
  utcDays: readonly number[],
): Promise<Map<number, Uint8Array>> {
  const chunks: number[][] = [];
  for (let i = 0; i < utcDays.length; i += 10) {
    chunks.push(utcDays.slice(i, i + 10));
  }
  const results = await Promise.all(
    chunks.map((chunk) =>
      kv.getMany<Uint8Array[]>(chunk.map((d) => sampleDayKey(bandId, d)))
    ),
  );
  const packs = new Map<number, Uint8Array>();
  for (const entries of results) {
    for (const entry of entries) {
      if (isPackedDay(entry.value)) {
        packs.set(entry.key[2] as number, entry.value);
      }
    }
  }
  return packs;
}

/**
 * Stores batches of minutes for a band, all or nothing. Idempotent: minutes
 * already stored keep their value, and an upload that adds nothing writes nothing.
 */
export async function storeSamples(
  kv: Deno.Kv,
  bandId: string,
  batches: readonly DecodedBatch[],
  options: StoreSamplesOptions,
): Promise<UploadResponse> {
  const batchDays = listUploadUtcDays(batches);
  if (batchDays.length > MAX_UPLOAD_UTC_DAYS) {
    throw new RangeError(
      `Cannot store samples: upload touches ${batchDays.length} days, at most ${MAX_UPLOAD_UTC_DAYS}`,
    );
  }
  const localDays = listTouchedLocalDays(batches, options.timeZone);
  const needed = new Set(batchDays);
  for (const day of localDays) {
    const { start, end } = getLocalDayBounds(day, options.timeZone);
    for (const d of listUtcDays(start, end)) needed.add(d);
  }
  let storedFrom = Infinity, storedTo = -Infinity;
  for (const b of batches) {
    storedFrom = Math.min(storedFrom, b.start);
    storedTo = Math.max(storedTo, b.start + (b.bytes.length / 4) * MINUTE_MS);
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const sync = await getSyncStateEntry(kv, bandId);
    const packs = await readPacks(kv, bandId, [...needed]);
    const changed = new Set<number>();
    let added = 0, unchanged = 0, conflicting = 0;
    for (const b of batches) {
      for (let i = 0; i * 4 < b.bytes.length; i++) {
        const t = b.start + i * MINUTE_MS;
        const utcDay = toUtcDay(t);
        let pack = packs.get(utcDay);
        if (pack === undefined) {
          pack = createEmptyDay();
          packs.set(utcDay, pack);
        }
        const index = (t - utcDay * 86_400_000) / MINUTE_MS;
        const outcome = mergeMinute(
          pack,
          index,
          b.bytes,
          i * 4,
          b.utcOffsetMinutes,
        );
        if (outcome === "added") {
          added++;
          changed.add(utcDay);
        } else if (outcome === "unchanged") unchanged++;
        else conflicting++;
      }
    }
    const cursor = Math.max(sync.state.cursor ?? -Infinity, storedTo);
    if (added === 0) {
      return {
        added,
        unchanged,
        conflicting,
        storedFrom,
        storedTo,
        cursor: sync.state.cursor,
      };
    }
    const atomic = kv.atomic().check({
      key: syncStateKey(bandId),
      versionstamp: sync.versionstamp,
    });
    if (options.owner !== undefined) {
      atomic.check(
        await readBandForWrite(kv, options.owner, bandId, "store samples"),
      );
    }
    for (const d of changed) atomic.set(sampleDayKey(bandId, d), packs.get(d)!);
    for (const day of localDays) {
      const summaries = summarizeLocalDay(packs, day, options.timeZone);
      if (summaries === null) continue;
      const n = toLocalDayNumber(day);
      atomic.set(daySummaryKey(bandId, n), summaries.day);
      atomic.set(hourSummaryKey(bandId, n), summaries.hours);
    }
    const state: SyncState = {
      cursor,
      lastSyncAt: options.now,
      summaryTimeZone: sync.state.summaryTimeZone ?? options.timeZone,
    };
    atomic.set(syncStateKey(bandId), state);
    const res = await atomic.commit();
    if (res.ok) {
      return { added, unchanged, conflicting, storedFrom, storedTo, cursor };
    }
  }
  throw new WriteConflictError(
    "Cannot store samples: too many concurrent uploads for this band",
  );
}
