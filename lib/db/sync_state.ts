// Per-band sync state. Every sample write checks and rewrites this one key, so
// concurrent uploads for a band serialise on it (one KV check per commit).
import { syncStateKey } from "./keys.ts";

/** Where a band's history stands on the server. */
export interface SyncState {
  /** The next minute to fetch from the band (epoch ms), advanced only by stored data. */
  cursor: number | null;
  /** When samples were last stored (epoch ms). */
  lastSyncAt: number | null;
  /** The time zone the stored summaries were computed for. */
  summaryTimeZone: string | null;
}

/** Sync state of a band that has never uploaded. */
export const EMPTY_SYNC_STATE: SyncState = {
  cursor: null,
  lastSyncAt: null,
  summaryTimeZone: null,
};

/** Reads a band's sync state with its versionstamp (for a later check). */
export async function getSyncStateEntry(
  kv: Deno.Kv,
  bandId: string,
): Promise<{ state: SyncState; versionstamp: string | null }> {
  const entry = await kv.get<SyncState>(syncStateKey(bandId));
  return {
    state: entry.value ?? EMPTY_SYNC_STATE,
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
