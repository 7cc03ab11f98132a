// Band records, keyed under their owner so that every lookup is an ownership
// check. The auth key is stored here and leaves only through `getBand` for the
// band's own key endpoint and a takeout that asks for it; everything else goes
// through `toPublicBand`.
import type { BandSettings, PublicBand } from "../api/band_schemas.ts";
import { GoneError } from "./errors.ts";
import {
  allBandsPrefix,
  bandByMacKey,
  bandKey,
  bandsPrefix,
  bandVirtualFlagMigratedKey,
  userKey,
} from "./keys.ts";
import {
  addBandTombstone,
  buildBandPurgeJob,
  type PurgeOptions,
  runPurgeJob,
} from "./purge.ts";
import { RETRY, retryOnConflict, type RetryOptions } from "./retry.ts";
import { assertFitsKvValue } from "./value_size.ts";

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
  /**
   * True for a band backed by the in-page simulator, set only by the demo route.
   * A missing flag means a real band (see {@link migrateBandVirtualFlags}).
   */
  virtual?: boolean;
}

/** Tells whether a band is the simulator's, from its stored flag. */
export function isVirtualBand(band: Pick<Band, "virtual">): boolean {
  return band.virtual === true;
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
    virtual: isVirtualBand(band),
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

/** Creates a band; fails with `mac_taken` when the person already has a band with that MAC, `gone` when the account was deleted. */
export async function createBand(
  kv: Deno.Kv,
  band: Band,
): Promise<
  { ok: true; band: Band } | { ok: false; reason: "mac_taken" | "gone" }
> {
  assertFitsKvValue(band, "band");
  return await retryOnConflict(async () => {
    // The account's record is checked too, so no band appears after its deletion.
    const user = await kv.get(userKey(band.userId));
    if (user.versionstamp === null) return { ok: false, reason: "gone" };
    const res = await addCreateBand(kv.atomic().check(user), band).commit();
    if (res.ok) return { ok: true, band };
    const [record, mac] = await kv.getMany([
      bandKey(band.userId, band.id),
      bandByMacKey(band.userId, band.mac),
    ]);
    return record.versionstamp !== null || mac.versionstamp !== null
      ? { ok: false, reason: "mac_taken" }
      : RETRY;
  }, "Cannot add band: the account changed at the same time, try again");
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

/**
 * Reads a band's record for a write that must not outlive the band: the caller
 * adds `check(entry)` to its commit. Throws a 410 `GoneError` when the band is gone.
 */
export async function readBandForWrite(
  kv: Deno.Kv,
  userId: string,
  bandId: string,
  action: string,
): Promise<Deno.KvEntry<Band>> {
  const entry = await kv.get<Band>(bandKey(userId, bandId));
  if (entry.value === null) {
    throw new GoneError(`Cannot ${action}: the band was deleted`);
  }
  return entry as Deno.KvEntry<Band>;
}

/**
 * Applies a change to a person's band, checking the version it read and
 * retrying with backoff on conflicts (409 after the last try); refuses a record
 * too large for KV with 413. Null when not found.
 */
export async function updateBand(
  kv: Deno.Kv,
  userId: string,
  bandId: string,
  change: (band: Band) => Band,
  options: RetryOptions = {},
): Promise<Band | null> {
  return await retryOnConflict(
    async () => {
      const entry = await kv.get<Band>(bandKey(userId, bandId));
      if (entry.value === null) return null;
      const next: Band = {
        ...change(entry.value),
        id: entry.value.id,
        userId: entry.value.userId,
        mac: entry.value.mac,
        virtual: entry.value.virtual,
      };
      assertFitsKvValue(next, "band");
      const res = await kv.atomic().check(entry).set(
        bandKey(userId, bandId),
        next,
      ).commit();
      return res.ok ? next : RETRY;
    },
    "Cannot save band: other changes kept landing at the same time, try again",
    options,
  );
}

/**
 * Deletes a person's band: a tombstone commit (record and MAC index gone, purge
 * job set), then the purge of all its history; false when not found. A purge
 * that fails midway is finished at the next server start.
 */
export async function deleteBand(
  kv: Deno.Kv,
  userId: string,
  bandId: string,
  options: PurgeOptions & { now?: number } = {},
): Promise<boolean> {
  const job = await retryOnConflict(async () => {
    const entry = await kv.get<Band>(bandKey(userId, bandId));
    if (entry.value === null) return null;
    const job = buildBandPurgeJob(entry.value, options.now ?? Date.now());
    const res = await addBandTombstone(
      kv.atomic().check(entry),
      job,
      entry.value.mac,
    ).commit();
    return res.ok ? job : RETRY;
  }, "Cannot delete band: it kept changing at the same time, try again");
  if (job === null) return false;
  await runPurgeJob(kv, job, options);
  return true;
}

// The model name and MAC the demo route gave every virtual band before the flag
// existed. A real band never has a locally administered MAC (bit 0x02 of the
// first byte), so a real band created through the API with that model name is
// not mistaken for one.
const LEGACY_VIRTUAL_MODEL = "Virtual Mi Smart Band 4";

function wasCreatedAsDemo(band: Band): boolean {
  const firstByte = parseInt(band.mac.slice(0, 2), 16);
  return band.model === LEGACY_VIRTUAL_MODEL && (firstByte & 0x02) !== 0;
}

/**
 * Writes the `virtual` flag once on band records stored before it existed: true
 * for those the demo route created, false for every other; returns how many
 * records it changed (0 once it has run).
 */
export async function migrateBandVirtualFlags(kv: Deno.Kv): Promise<number> {
  const marker = bandVirtualFlagMigratedKey();
  if ((await kv.get(marker)).versionstamp !== null) return 0;
  let changed = 0;
  for await (const listed of kv.list<Band>({ prefix: allBandsPrefix() })) {
    let entry: Deno.KvEntryMaybe<Band> = listed;
    while (entry.value !== null && entry.value.virtual === undefined) {
      const next = { ...entry.value, virtual: wasCreatedAsDemo(entry.value) };
      const res = await kv.atomic().check(entry).set(entry.key, next).commit();
      if (res.ok) {
        changed++;
        break;
      }
      // Changed since it was listed: read it again and decide on what is stored.
      entry = await kv.get<Band>(entry.key);
    }
  }
  // A failed check means another process set the marker first, after the same work.
  await kv.atomic().check({ key: marker, versionstamp: null }).set(marker, true)
    .commit();
  return changed;
}
