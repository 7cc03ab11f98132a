// Storing uploaded minutes: merge into packed UTC days, recompute the figures of
// every local day the new minutes can change (lib/minute/day_figures.ts) and
// advance the cursor, all in one atomic commit that checks the band's sync
// state, so concurrent uploads retry rather than interleave.
import type { UploadResponse } from "../api/sample_schemas.ts";
import { FIGURES_VERSION, listAffectedDays } from "../minute/day_figures.ts";
import { SAMPLE_BYTES } from "../minute/sample.ts";
import { addDays, daysInRange } from "../time/zones.ts";
import {
  daySummaryKey,
  hourSummaryKey,
  sampleDayKey,
  syncStateKey,
} from "./keys.ts";
import {
  createEmptyDay,
  DAY_MS,
  isPackedDay,
  mergeMinutes,
  MINUTES_PER_DAY,
  toUtcDay,
} from "./sample_day.ts";
import {
  addSeriesWrites,
  listSeriesYears,
  putSeriesDay,
  readSeries,
} from "./day_series.ts";
import {
  computeDayFigures,
  listFiguresUtcDays,
  listUtcDays,
  toLocalDayNumber,
} from "./summaries.ts";
import {
  type FiguresStamp,
  getSyncStateEntry,
  type SyncState,
} from "./sync_state.ts";
import { readBandForWrite } from "./bands.ts";
import { WriteConflictError } from "./errors.ts";

const MINUTE_MS = 60_000;

/** Most UTC days one upload may touch (keeps one commit under KV's 800 KiB and 1000 mutations). */
export const MAX_UPLOAD_UTC_DAYS = 32;

/**
 * Most local days whose figures one upload may recompute: a contiguous 31-day
 * upload reaches about 36; scattered batches reach more, and past this the
 * commit (minutes, figures and hours) would pass KV's 800 KiB.
 */
export const MAX_FIGURE_DAYS = 60;

/** An upload batch with its minutes decoded to raw bytes (4 per minute). */
export interface DecodedBatch {
  start: number;
  utcOffsetMinutes: number;
  bytes: Uint8Array;
}

/** Options of `storeSamples`. */
export interface StoreSamplesOptions {
  /** The person's time zone, for the figures of a band's first upload. */
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

/** Lists the runs of local days whose figures the batches can change, merged and in order. */
function listChangedDays(
  batches: readonly DecodedBatch[],
  timeZone: string,
): { from: string; to: string; timeZone: string }[] {
  const spans = batches.map((b) =>
    listAffectedDays({
      start: b.start,
      end: b.start + (b.bytes.length / SAMPLE_BYTES) * MINUTE_MS,
    }, timeZone)
  ).sort((a, b) => a.from < b.from ? -1 : 1);
  const runs: { from: string; to: string; timeZone: string }[] = [];
  for (const span of spans) {
    const last = runs.at(-1);
    if (last && span.from <= addDays(last.to, 1)) {
      if (span.to > last.to) last.to = span.to;
    } else runs.push({ ...span, timeZone });
  }
  return runs;
}

/** The stamp an upload computes figures with: a rebuild's target, else the stored one. */
function pickUploadStamp(state: SyncState, timeZone: string): {
  compute: FiguresStamp;
  keep: FiguresStamp | null;
} {
  const fresh = { version: FIGURES_VERSION, timeZone };
  // A band with minutes but no stamp holds an old app's figures: keep it
  // unstamped so the start-up migration rebuilds them all.
  const keep = state.figures ?? (state.cursor === null ? fresh : null);
  return { compute: state.rebuild ?? keep ?? fresh, keep };
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
  let storedFrom = Infinity, storedTo = -Infinity;
  for (const b of batches) {
    storedFrom = Math.min(storedFrom, b.start);
    storedTo = Math.max(storedTo, b.start + (b.bytes.length / 4) * MINUTE_MS);
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const sync = await getSyncStateEntry(kv, bandId);
    const stamp = pickUploadStamp(sync.state, options.timeZone);
    const ranges = listChangedDays(batches, stamp.compute.timeZone);
    const figureDays = ranges.reduce(
      (n, r) => n + daysInRange(r.from, r.to).length,
      0,
    );
    if (figureDays > MAX_FIGURE_DAYS) {
      throw new RangeError(
        `Cannot store samples: the upload's minutes are spread over ${figureDays} days of figures, at most ${MAX_FIGURE_DAYS}; upload fewer scattered batches at once`,
      );
    }
    const needed = new Set(batchDays);
    for (const range of ranges) {
      for (const d of listFiguresUtcDays(range)) needed.add(d);
    }
    const [packs, series] = await Promise.all([
      readPacks(kv, bandId, [...needed]),
      readSeries(
        kv,
        bandId,
        [...new Set(ranges.flatMap((r) => listSeriesYears(r)))],
      ),
    ]);
    const changed = new Set<number>();
    let added = 0, unchanged = 0, conflicting = 0;
    for (const b of batches) {
      const minutes = b.bytes.length / SAMPLE_BYTES;
      // One run per UTC day the batch covers.
      for (let i = 0; i < minutes;) {
        const t = b.start + i * MINUTE_MS;
        const utcDay = toUtcDay(t);
        let pack = packs.get(utcDay);
        if (pack === undefined) {
          pack = createEmptyDay();
          packs.set(utcDay, pack);
        }
        const index = (t - utcDay * DAY_MS) / MINUTE_MS;
        const count = Math.min(minutes - i, MINUTES_PER_DAY - index);
        const merged = mergeMinutes(pack, index, {
          bytes: b.bytes,
          from: i * SAMPLE_BYTES,
          count,
        }, b.utcOffsetMinutes);
        if (merged.added > 0) changed.add(utcDay);
        added += merged.added;
        unchanged += merged.unchanged;
        conflicting += merged.conflicting;
        i += count;
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
    for (const range of ranges) {
      for (const figures of computeDayFigures(packs, range)) {
        const n = toLocalDayNumber(figures.day.day);
        atomic.set(daySummaryKey(bandId, n), figures.day);
        atomic.set(hourSummaryKey(bandId, n), figures.hours);
        putSeriesDay(series, figures.day.day, figures.day);
      }
    }
    addSeriesWrites(atomic, bandId, series);
    const state: SyncState = {
      ...sync.state,
      cursor,
      lastSyncAt: options.now,
      figures: stamp.keep,
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
