// What the band page shows of this browser's offline copy of its band, as
// signals light enough for every card to import; the store itself loads with
// `offline_band.ts`, only on the page that needs it.
import { signal } from "@preact/signals";
import type { BandSettings } from "../api/band_schemas.ts";
import type { OutboxSummary } from "../offline/outbox.ts";
import { OFFLINE_DB_NAME } from "../offline/db_name.ts";

/** Whether this browser keeps the band for offline use (null until read). */
export const offlineKept = signal<boolean | null>(null);
/** What waits in the band's outbox (null until read). */
export const outboxSummary = signal<OutboxSummary | null>(null);
/** Settings changes waiting for the server. */
export const queuedChanges = signal(0);
/** What went wrong sending this browser's waiting changes or minutes, for the person. */
export const offlineProblem = signal<string | null>(null);
/** Whether the last call found the server out of reach. */
export const serverOutOfReach = signal(false);

/**
 * The kept settings, set when the page loads as a saved copy (its settings
 * are as old as the copy) or with changes still waiting for the server; the
 * generation changes each time, so the cards start again from them.
 */
export const keptSettings = signal<
  { settings: BandSettings; generation: number } | null
>(null);

/**
 * Whether this browser may keep any band for offline use: false only when it
 * surely keeps none (no offline store), so a page can skip loading the
 * offline code; true when it cannot tell.
 */
export async function mayKeepBands(): Promise<boolean> {
  if (typeof indexedDB === "undefined") return false;
  if (typeof indexedDB.databases !== "function") return true;
  const names = await indexedDB.databases().then(
    (list) => list.map((db) => db.name),
    () => null,
  );
  return names === null || names.includes(OFFLINE_DB_NAME);
}
