// Band records, keyed under their owner so that every lookup is an ownership
// check. The auth key is stored here and leaves only through `getBand` for the
// band's own key endpoint; everything else goes through `toPublicBand`.
import type { BandSettings, PublicBand } from "../api/band_schemas.ts";
import {
  bandByMacKey,
  bandKey,
  bandsPrefix,
  daySeriesPrefix,
  daySummariesPrefix,
  hourSummariesPrefix,
  readingsPrefix,
  sampleDaysPrefix,
  syncStateKey,
  workoutStartsPrefix,
} from "./keys.ts";

/** A stored band, auth key included. */
export interface Band {
  id: string;
  userId: string;
  name: string;
  mac: string;
  /** 32 lower-case hex digits; secret. */
  authKey: string;
  model: string;
  firmwareRevision: string | null;
  hardwareRevision: string | null;
  lastBattery: { level: number; charging: boolean; time: number } | null;
  settings: BandSettings;
  createdAt: number;
}

/** Projects a band without its auth key (use everywhere but the key endpoint). */
export function toPublicBand(
  band: Band,
  lastSyncAt: number | null = null,
): PublicBand {
  return {
    id: band.id,
    name: band.name,
    mac: band.mac,
    model: band.model,
    firmwareRevision: band.firmwareRevision,
    hardwareRevision: band.hardwareRevision,
    lastBattery: band.lastBattery,
    lastSyncAt,
    settings: band.settings,
    createdAt: band.createdAt,
  };
}

/** Adds the writes that create a band and its MAC index entry to an atomic operation. */
export function addCreateBand(
  atomic: Deno.AtomicOperation,
  band: Band,
): Deno.AtomicOperation {
  return atomic
    .check({ key: bandKey(band.userId, band.id), versionstamp: null })
    .check({ key: bandByMacKey(band.userId, band.mac), versionstamp: null })
    .set(bandKey(band.userId, band.id), band)
    .set(bandByMacKey(band.userId, band.mac), band.id);
}

/** Creates a band; fails with `mac_taken` when the person already has a band with that MAC. */
export async function createBand(
  kv: Deno.Kv,
  band: Band,
): Promise<{ ok: true; band: Band } | { ok: false; reason: "mac_taken" }> {
  const res = await addCreateBand(kv.atomic(), band).commit();
  return res.ok ? { ok: true, band } : { ok: false, reason: "mac_taken" };
}

/** Reads a person's band; null when it does not exist or belongs to someone else. */
export async function getBand(
  kv: Deno.Kv,
  userId: string,
  bandId: string,
): Promise<Band | null> {
  return (await kv.get<Band>(bandKey(userId, bandId))).value;
}

/** Lists a person's bands. */
export async function listBands(kv: Deno.Kv, userId: string): Promise<Band[]> {
  const bands: Band[] = [];
  for await (const entry of kv.list<Band>({ prefix: bandsPrefix(userId) })) {
    bands.push(entry.value);
  }
  return bands.sort((a, b) => a.createdAt - b.createdAt);
}

/** Applies a change to a person's band, checking the version it read; null when not found. */
export async function updateBand(
  kv: Deno.Kv,
  userId: string,
  bandId: string,
  change: (band: Band) => Band,
): Promise<Band | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const entry = await kv.get<Band>(bandKey(userId, bandId));
    if (entry.value === null) return null;
    const next: Band = {
      ...change(entry.value),
      id: entry.value.id,
      userId: entry.value.userId,
      mac: entry.value.mac,
    };
    const res = await kv.atomic().check(entry).set(
      bandKey(userId, bandId),
      next,
    )
      .commit();
    if (res.ok) return next;
  }
  throw new Error("Cannot update band: too many concurrent writes");
}

/** Deletes a person's band, its MAC index entry and all its history; false when not found. */
export async function deleteBand(
  kv: Deno.Kv,
  userId: string,
  bandId: string,
): Promise<boolean> {
  const entry = await kv.get<Band>(bandKey(userId, bandId));
  if (entry.value === null) return false;
  const res = await kv.atomic()
    .check(entry)
    .delete(bandKey(userId, bandId))
    .delete(bandByMacKey(userId, entry.value.mac))
    .delete(syncStateKey(bandId))
    .commit();
  if (!res.ok) return deleteBand(kv, userId, bandId);
  const prefixes: Deno.KvKey[] = [
    sampleDaysPrefix(bandId),
    daySummariesPrefix(bandId),
    hourSummariesPrefix(bandId),
    daySeriesPrefix(bandId),
    workoutStartsPrefix(bandId),
    readingsPrefix("battery", bandId),
    readingsPrefix("heart_rate", bandId),
    readingsPrefix("workouts", bandId),
    readingsPrefix("band_events", bandId),
  ];
  for (const prefix of prefixes) {
    for await (const item of kv.list({ prefix })) await kv.delete(item.key);
  }
  return true;
}
