// Rebuilds a band's stored figures when their meaning (FIGURES_VERSION) or the
// person's time zone changes, a chunk of days per commit. The progress is kept
// in the band's sync state, so a rebuild cut short (a crash, a restart) resumes
// where it stopped, and each chunk checks that state's version: an upload landing
// midway only makes the chunk retry. Nothing here runs on a page request: the
// zone change (`changeTimeZone`) and the start-up migration call it.
import { FIGURES_VERSION } from "../minute/day_figures.ts";
import { addDays, daysInRange, localDay } from "../time/zones.ts";
import { listBands } from "./bands.ts";
import {
  addSeriesWrites,
  listSeriesYears,
  putSeriesDay,
  readSeries,
} from "./day_series.ts";
import {
  daySeriesPrefix,
  daySummariesPrefix,
  daySummaryKey,
  hourSummariesPrefix,
  hourSummaryKey,
  sampleDaysPrefix,
  syncStateKey,
} from "./keys.ts";
import { DAY_MS } from "./sample_day.ts";
import { readPacks } from "./samples.ts";
import {
  computeDayFigures,
  listFiguresUtcDays,
  toLocalDayNumber,
} from "./summaries.ts";
import {
  type FiguresRebuild,
  getSyncStateEntry,
  type SyncState,
} from "./sync_state.ts";
import { listUsers, updateUser } from "./users.ts";
import { rebuildWorkoutStarts } from "./workout_starts.ts";
import { WriteConflictError } from "./errors.ts";

const DAYS_PER_COMMIT = 40;
const DELETES_PER_COMMIT = 500;
const MAX_CONFLICTS = 50;

/** Tells whether a band's stored figures need a rebuild for `timeZone`. */
export function needsRebuild(state: SyncState, timeZone: string): boolean {
  if (state.rebuild !== null) return true;
  if (state.figures === null) return state.cursor !== null;
  return state.figures.version !== FIGURES_VERSION ||
    state.figures.timeZone !== timeZone;
}

/** Rebuilds a band's stored figures for `timeZone` (resuming a rebuild already aiming there). */
export async function rebuildFigures(
  kv: Deno.Kv,
  bandId: string,
  timeZone: string,
): Promise<void> {
  for (let conflicts = 0; conflicts < MAX_CONFLICTS;) {
    const sync = await getSyncStateEntry(kv, bandId);
    // No sync state: nothing was ever stored, or the band was just deleted.
    if (sync.versionstamp === null) return;
    const target: FiguresRebuild = sync.state.rebuild?.timeZone === timeZone &&
        sync.state.rebuild.version === FIGURES_VERSION
      ? sync.state.rebuild
      : { version: FIGURES_VERSION, timeZone, next: null };
    const done = await commitNextChunk(kv, bandId, sync, target);
    if (done === "finished") return;
    if (done === "conflict") conflicts++;
  }
  throw new WriteConflictError(
    "Cannot rebuild figures: too many concurrent uploads for this band",
  );
}

async function findStoredSpan(
  kv: Deno.Kv,
  bandId: string,
  timeZone: string,
): Promise<{ first: string; last: string } | null> {
  const prefix = sampleDaysPrefix(bandId);
  const [first] = await Array.fromAsync(kv.list({ prefix }, { limit: 1 }));
  const [last] = await Array.fromAsync(
    kv.list({ prefix }, { limit: 1, reverse: true }),
  );
  if (!first || !last) return null;
  return {
    first: localDay((first.key[2] as number) * DAY_MS, timeZone),
    last: localDay(((last.key[2] as number) + 1) * DAY_MS - 1, timeZone),
  };
}

async function commitNextChunk(
  kv: Deno.Kv,
  bandId: string,
  sync: { state: SyncState; versionstamp: string | null },
  target: FiguresRebuild,
): Promise<"progress" | "finished" | "conflict"> {
  const check = { key: syncStateKey(bandId), versionstamp: sync.versionstamp };
  const span = await findStoredSpan(kv, bandId, target.timeZone);
  const from = target.next ?? span?.first ?? null;
  if (span === null || from === null || from > span.last) {
    if (span !== null) {
      const stale = await deleteOutside(kv, bandId, span, check);
      if (stale === "conflict") return "conflict";
    }
    const state: SyncState = {
      ...sync.state,
      figures: { version: target.version, timeZone: target.timeZone },
      rebuild: null,
    };
    const res = await kv.atomic().check(check).set(syncStateKey(bandId), state)
      .commit();
    return res.ok ? "finished" : "conflict";
  }
  const to = addDays(from, DAYS_PER_COMMIT - 1) < span.last
    ? addDays(from, DAYS_PER_COMMIT - 1)
    : span.last;
  const range = { from, to, timeZone: target.timeZone };
  const [packs, series] = await Promise.all([
    readPacks(kv, bandId, listFiguresUtcDays(range)),
    readSeries(kv, bandId, listSeriesYears(range)),
  ]);
  const figures = new Map(
    computeDayFigures(packs, range).map((f) => [f.day.day, f]),
  );
  const atomic = kv.atomic().check(check);
  for (const day of daysInRange(from, to)) {
    const n = toLocalDayNumber(day);
    const f = figures.get(day);
    if (f) {
      atomic.set(daySummaryKey(bandId, n), f.day);
      atomic.set(hourSummaryKey(bandId, n), f.hours);
    } else {
      atomic.delete(daySummaryKey(bandId, n));
      atomic.delete(hourSummaryKey(bandId, n));
    }
    putSeriesDay(series, day, f?.day ?? null);
  }
  addSeriesWrites(atomic, bandId, series);
  const state: SyncState = {
    ...sync.state,
    rebuild: { ...target, next: addDays(to, 1) },
  };
  atomic.set(syncStateKey(bandId), state);
  return (await atomic.commit()).ok ? "progress" : "conflict";
}

/** Deletes stored figures of days outside the stored minutes' span (left from another zone). */
async function deleteOutside(
  kv: Deno.Kv,
  bandId: string,
  span: { first: string; last: string },
  check: { key: Deno.KvKey; versionstamp: string | null },
): Promise<"ok" | "conflict"> {
  const first = toLocalDayNumber(span.first);
  const last = toLocalDayNumber(span.last);
  const stale: Deno.KvKey[] = [];
  for (
    const prefix of [daySummariesPrefix(bandId), hourSummariesPrefix(bandId)]
  ) {
    for await (const e of kv.list({ prefix })) {
      const n = e.key[2] as number;
      if (n < first || n > last) stale.push(e.key);
    }
  }
  const firstYear = Number(span.first.slice(0, 4));
  const lastYear = Number(span.last.slice(0, 4));
  const series = await readSeries(kv, bandId, [
    ...new Set([firstYear, lastYear]),
  ]);
  for (
    const day of [
      ...yearEdges(firstYear, span.first, -1),
      ...yearEdges(lastYear, span.last, 1),
    ]
  ) {
    putSeriesDay(series, day, null);
  }
  for await (const e of kv.list({ prefix: daySeriesPrefix(bandId) })) {
    const year = e.key[2] as number;
    if (year < firstYear || year > lastYear) stale.push(e.key);
  }
  const edges = kv.atomic().check(check);
  addSeriesWrites(edges, bandId, series);
  if (!(await edges.commit()).ok) return "conflict";
  for (let i = 0; i < stale.length; i += DELETES_PER_COMMIT) {
    const atomic = kv.atomic().check(check);
    for (const key of stale.slice(i, i + DELETES_PER_COMMIT)) {
      atomic.delete(key);
    }
    if (!(await atomic.commit()).ok) return "conflict";
  }
  return "ok";
}

/** Lists the days of `year` before `day` (direction -1) or after it (direction 1). */
function yearEdges(year: number, day: string, direction: -1 | 1): string[] {
  return direction < 0
    ? (day > `${year}-01-01`
      ? daysInRange(`${year}-01-01`, addDays(day, -1))
      : [])
    : (day < `${year}-12-31`
      ? daysInRange(addDays(day, 1), `${year}-12-31`)
      : []);
}

/** Changes a person's time zone and rebuilds their bands' figures for it, once, here. */
export async function changeTimeZone(
  kv: Deno.Kv,
  userId: string,
  timeZone: string,
): Promise<boolean> {
  const user = await updateUser(kv, userId, (u) => ({ ...u, timeZone }));
  if (user === null) return false;
  for (const band of await listBands(kv, userId)) {
    const { state } = await getSyncStateEntry(kv, band.id);
    if (needsRebuild(state, timeZone)) {
      await rebuildFigures(kv, band.id, timeZone);
    }
  }
  return true;
}

/**
 * Brings every band's stored figures to FIGURES_VERSION and its owner's zone,
 * finishing any rebuild a restart cut short; run once at server start.
 * Returns how many bands it rebuilt.
 */
export async function migrateStoredFigures(kv: Deno.Kv): Promise<number> {
  let rebuilt = 0;
  for (const user of await listUsers(kv)) {
    for (const band of await listBands(kv, user.id)) {
      const { state } = await getSyncStateEntry(kv, band.id);
      if (!needsRebuild(state, user.timeZone)) continue;
      try {
        // Bands from before the workout start index get theirs now, once.
        if (state.figures?.version !== FIGURES_VERSION) {
          await rebuildWorkoutStarts(kv, band.id);
        }
        await rebuildFigures(kv, band.id, user.timeZone);
        rebuilt++;
      } catch (error) {
        // The rebuild resumes at the next start; one band must not stop the server.
        console.error(
          `Cannot migrate stored figures of band ${band.id}: ${
            (error as Error).message
          }`,
        );
      }
    }
  }
  return rebuilt;
}
