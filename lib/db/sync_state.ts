// Per-band sync state. Every sample write checks and rewrites this one key, so
// concurrent uploads for a band serialise on it (one KV check per commit); the
// stored figures' version and zone live here too, so a rebuild serialises with them.
import { syncStateKey } from "./keys.ts";

/** What the stored figures were computed with: the figures version and the zone. */
export interface FiguresStamp {
  /** `FIGURES_VERSION` when they were computed (lib/db/summary_rebuild.ts). */
  version: number;
  /** The person's IANA time zone. */
  timeZone: string;
}

/** A rebuild of the stored figures under way, resumable from `next`. */
export interface FiguresRebuild extends FiguresStamp {
  /** The next local day to recompute, or null before the first chunk. */
  next: string | null;
}

/** Where a band's history stands on the server. */
export interface SyncState {
  /** The next minute to fetch from the band (epoch ms), advanced only by stored data. */
  cursor: number | null;
  /** When samples were last stored (epoch ms). */
  lastSyncAt: number | null;
  /** What the stored figures were computed with; null before the first upload (or for figures of an old app). */
  figures: FiguresStamp | null;
  /** A rebuild under way; uploads meanwhile compute for its zone. */
  rebuild: FiguresRebuild | null;
}

/** Sync state of a band that has never uploaded. */
export const EMPTY_SYNC_STATE: SyncState = {
  cursor: null,
  lastSyncAt: null,
  figures: null,
  rebuild: null,
};

/** Reads a band's sync state with its versionstamp (for a later check). */
export async function getSyncStateEntry(
  kv: Deno.Kv,
  bandId: string,
): Promise<{ state: SyncState; versionstamp: string | null }> {
  const entry = await kv.get<Partial<SyncState>>(syncStateKey(bandId));
  const value = entry.value ?? {};
  // State written before figures were versioned has neither field: a rebuild is due.
  return {
    state: {
      cursor: value.cursor ?? null,
      lastSyncAt: value.lastSyncAt ?? null,
      figures: value.figures ?? null,
      rebuild: value.rebuild ?? null,
    },
    versionstamp: entry.versionstamp,
  };
}

/** Reads a band's sync state. */
export async function getSyncState(
  kv: Deno.Kv,
  bandId: string,
): Promise<SyncState> {
  return (await getSyncStateEntry(kv, bandId)).state;
}
