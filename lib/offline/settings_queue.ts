// Settings changed while the server is out of reach wait here, in the order
// they were made, and are applied to this browser's copy of the settings at
// once. When the server is back they go as one change, folded field by field
// (last writer per field), so fields this browser never touched keep whatever
// the server holds now.
import type { BandSettings, BandSettingsPatch } from "../api/band_schemas.ts";
import { mergeBandSettings, MERGED_SECTIONS } from "../api/settings_merge.ts";
import type { OfflineDb } from "./offline_db.ts";

/** Folds two changes into one: a later field wins; arrays and the weather location come whole. */
export function foldPatches(
  earlier: BandSettingsPatch,
  later: BandSettingsPatch,
): BandSettingsPatch {
  const folded: Record<string, unknown> = { ...earlier, ...later };
  for (const section of MERGED_SECTIONS) {
    if (earlier[section] && later[section]) {
      folded[section] = { ...earlier[section], ...later[section] };
    }
  }
  return folded as BandSettingsPatch;
}

/** Queues a change and applies it to the kept settings; resolves to the settings now kept. */
export async function queueSettingsChange(
  db: OfflineDb,
  change: { bandId: string; patch: BandSettingsPatch; at: number },
): Promise<BandSettings> {
  const tx = db.transaction(["bands", "changes"], "readwrite");
  const record = await tx.objectStore("bands").get(change.bandId);
  if (!record) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new Error(
      "Cannot save the change offline: this band is not kept for offline use on this browser",
    );
  }
  await tx.objectStore("changes").add({ ...change });
  const settings = mergeBandSettings(
    record.settings,
    change.patch,
  ) as BandSettings;
  await tx.objectStore("bands").put({ ...record, settings });
  await tx.done;
  return settings;
}

/** How many changes wait for the server. */
export async function countQueuedChanges(
  db: OfflineDb,
  bandId: string,
): Promise<number> {
  return await db.countFromIndex("changes", "byBand", bandId);
}

/** What a flush did. */
export interface FlushResult {
  /** Changes the server stored. */
  sent: number;
  /** Changes the server refused for good (removed from the queue). */
  refused: number;
  /** The server's reason, when it refused. */
  reason?: string;
}

/**
 * Sends the queued changes as one folded change; removes exactly the changes
 * sent once the server has stored them, so a change queued meanwhile waits for
 * the next flush. A failure keeps them all, unless `isRefused` says the server
 * refused the change itself: resending could never succeed, so they go.
 */
export async function flushSettingsChanges(
  db: OfflineDb,
  bandId: string,
  send: (patch: BandSettingsPatch) => Promise<unknown>,
  isRefused: (error: unknown) => boolean = () => false,
): Promise<FlushResult> {
  const queued = await db.getAllFromIndex("changes", "byBand", bandId);
  if (queued.length === 0) return { sent: 0, refused: 0 };
  const patch = queued.map((c) => c.patch).reduce(foldPatches);
  let result: FlushResult = { sent: queued.length, refused: 0 };
  try {
    await send(patch);
  } catch (error) {
    if (!isRefused(error)) throw error;
    result = {
      sent: 0,
      refused: queued.length,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  const tx = db.transaction("changes", "readwrite");
  for (const change of queued) await tx.store.delete(change.seq!);
  await tx.done;
  return result;
}
