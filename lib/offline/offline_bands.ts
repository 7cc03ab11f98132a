// The per-band opt-in: "Use this band offline on this browser". Turning it on
// keeps the band's wrapped auth key and last-known settings here; turning it
// off, signing out, or the band leaving the server removes everything this
// browser holds for it (record, queued changes, outbox).
import type { BandSettings, PublicBand } from "../api/band_schemas.ts";
import { mergeBandSettings } from "../api/settings_merge.ts";
import type { TodayView } from "../api/today_schemas.ts";
import type { OfflineBand, OfflineDb } from "./offline_db.ts";
import { unwrapAuthKey, wrapAuthKey } from "./key_vault.ts";

/** What turning offline use on needs from the server. */
export interface KeepOfflineInput {
  band: PublicBand;
  /** The band's auth key, 32 hex digits (fetched from the server once). */
  authKey: string;
  /** The signed-in person. */
  userId: string;
  /** The server's sync cursor, or null. */
  serverCursor: number | null;
  now: number;
}

/** Turns offline use on for a band: stores its wrapped key and last-known settings. */
export async function keepBandOffline(
  db: OfflineDb,
  input: KeepOfflineInput,
): Promise<OfflineBand> {
  const record: OfflineBand = {
    bandId: input.band.id,
    userId: input.userId,
    name: input.band.name,
    mac: input.band.mac,
    virtual: input.band.virtual,
    key: await wrapAuthKey(input.authKey),
    settings: input.band.settings,
    serverCursor: input.serverCursor,
    today: null,
    refreshedAt: input.now,
  };
  await db.put("bands", record);
  return record;
}

/** The band's offline record, or null when offline use is off for it on this browser. */
export async function getOfflineBand(
  db: OfflineDb,
  bandId: string,
): Promise<OfflineBand | null> {
  return (await db.get("bands", bandId)) ?? null;
}

/** The band's auth key from this browser's store, or null when offline use is off. */
export async function readOfflineKey(
  db: OfflineDb,
  bandId: string,
): Promise<string | null> {
  const record = await getOfflineBand(db, bandId);
  return record ? await unwrapAuthKey(record.key) : null;
}

/** What the server said about a kept band; only what is given is refreshed. */
export interface OfflineRefresh {
  bandId: string;
  /** The band as the server lists it (name, MAC, settings). */
  band?: PublicBand;
  /** The settings the server stored, when only they are known. */
  settings?: BandSettings;
  /** The server's sync cursor. */
  serverCursor?: number | null;
  /** The server's view of the day, read with that cursor. */
  today?: TodayView;
  now: number;
}

/**
 * Refreshes a kept band from the server's answer: name, MAC, cursor, today,
 * and the server's settings with this browser's still-queued changes applied
 * on top. Resolves to null when the band is not kept.
 */
export async function refreshOfflineBand(
  db: OfflineDb,
  refresh: OfflineRefresh,
): Promise<OfflineBand | null> {
  const tx = db.transaction(["bands", "changes"], "readwrite");
  const record = await tx.objectStore("bands").get(refresh.bandId);
  if (!record) {
    await tx.done;
    return null;
  }
  const next: OfflineBand = {
    ...record,
    name: refresh.band?.name ?? record.name,
    mac: refresh.band?.mac ?? record.mac,
    serverCursor: refresh.serverCursor === undefined
      ? record.serverCursor
      : refresh.serverCursor,
    today: refresh.today ?? record.today,
    refreshedAt: refresh.now,
  };
  const serverSettings = refresh.settings ?? refresh.band?.settings;
  if (serverSettings) {
    const queued = await tx.objectStore("changes").index("byBand").getAll(
      refresh.bandId,
    );
    let settings: BandSettings = serverSettings;
    for (const change of queued) {
      settings = mergeBandSettings(settings, change.patch) as BandSettings;
    }
    next.settings = settings;
  }
  await tx.objectStore("bands").put(next);
  await tx.done;
  return next;
}

/** Removes everything this browser keeps for a band: record, queued changes and outbox. */
export async function forgetOfflineBand(
  db: OfflineDb,
  bandId: string,
): Promise<void> {
  const tx = db.transaction(["bands", "changes", "outbox"], "readwrite");
  await tx.objectStore("bands").delete(bandId);
  for (const store of ["changes", "outbox"] as const) {
    const keys = await tx.objectStore(store).index("byBand").getAllKeys(
      bandId,
    );
    for (const key of keys) await tx.objectStore(store).delete(key);
  }
  await tx.done;
}

/**
 * Forgets the bands this browser keeps that the server no longer lists for the
 * signed-in person (removed, or kept by someone else); returns their ids.
 */
export async function forgetBandsNotListed(
  db: OfflineDb,
  listed: { userId: string; bandIds: readonly string[] },
): Promise<string[]> {
  const keep = new Set(listed.bandIds);
  const gone = (await db.getAll("bands"))
    .filter((b) => b.userId !== listed.userId || !keep.has(b.bandId))
    .map((b) => b.bandId);
  for (const bandId of gone) await forgetOfflineBand(db, bandId);
  return gone;
}

/** Marks whether the band is owed an acknowledgement (minutes read offline, not yet acknowledged). */
export async function setAckOwed(
  db: OfflineDb,
  bandId: string,
  owed: boolean,
): Promise<void> {
  const tx = db.transaction("bands", "readwrite");
  const record = await tx.store.get(bandId);
  if (record && (record.ackOwed ?? false) !== owed) {
    await tx.store.put({ ...record, ackOwed: owed });
  }
  await tx.done;
}
