// Deleting a band or an account in two steps. The tombstone is one atomic
// commit: the record disappears (so every lookup, and every write that checks
// it, fails from then on) and a purge job key appears. The purge then removes
// every key the band or account owns, in batches within KV's limits, and
// deletes its job key last. A crash leaves the job key, and the next start
// (`startPendingPurges`) finishes the work; running a purge twice is harmless.
import { forecastCacheKey } from "../weather/forecast_cache.ts";
import type { Band } from "./bands.ts";
import type { Invitation } from "./invitations.ts";
import {
  apiTokenByUserKey,
  apiTokenKey,
  apiTokensByUserPrefix,
  bandByMacKey,
  bandKey,
  bandsPrefix,
  invitationsPrefix,
  knownDeviceByUserKey,
  knownDeviceKey,
  knownDevicesByUserPrefix,
  listBandDataPrefixes,
  ownerKey,
  passkeyByUserKey,
  passkeyKey,
  passkeysByUserPrefix,
  purgeJobKey,
  purgeJobsPrefix,
  sessionByUserKey,
  sessionKey,
  sessionsByUserPrefix,
  signinFailuresPrefix,
  syncStateKey,
  userByUsernameKey,
  userKey,
  usersPrefix,
} from "./keys.ts";
import { RETRY, retryOnConflict } from "./retry.ts";
import type { User } from "./users.ts";

/** A deleted band whose keys are still being removed. */
export interface BandPurgeJob {
  kind: "band";
  bandId: string;
  userId: string;
  /** The band's saved weather place, whose cached forecasts go too. */
  weatherPlace: { latitude: number; longitude: number } | null;
  deletedAt: number;
}

/** A deleted account whose bands, sessions and invitations are still being removed. */
export interface UserPurgeJob {
  kind: "user";
  userId: string;
  username: string;
  deletedAt: number;
}

/** A pending purge, as stored under its job key. */
export type PurgeJob = BandPurgeJob | UserPurgeJob;

/** How a purge runs; the hooks let tests interrupt it. */
export interface PurgeOptions {
  /** Keys deleted per commit (default 500; KV allows 1000 mutations). */
  batchSize?: number;
  /** Called after each committed batch with the running count; a throw stops the purge there. */
  onBatch?: (batches: number) => void | Promise<void>;
}

interface BatchRunner {
  size: number;
  commit(keys: readonly Deno.KvKey[]): Promise<void>;
}

function createBatchRunner(kv: Deno.Kv, options: PurgeOptions): BatchRunner {
  let batches = 0;
  const size = Math.max(1, Math.min(options.batchSize ?? 500, 1000));
  return {
    size,
    async commit(keys) {
      if (keys.length === 0) return;
      const atomic = kv.atomic();
      for (const key of keys) atomic.delete(key);
      if (!(await atomic.commit()).ok) {
        throw new Error("Cannot purge: a delete batch was refused");
      }
      batches++;
      await options.onBatch?.(batches);
    },
  };
}

async function deletePrefix(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
  run: BatchRunner,
): Promise<void> {
  while (true) {
    const keys: Deno.KvKey[] = [];
    for await (const e of kv.list({ prefix }, { limit: run.size })) {
      keys.push(e.key);
    }
    if (keys.length === 0) return;
    await run.commit(keys);
  }
}

/** Describes the purge of a band being deleted at `now`. */
export function buildBandPurgeJob(band: Band, now: number): BandPurgeJob {
  const place = band.settings.weatherLocation ?? null;
  return {
    kind: "band",
    bandId: band.id,
    userId: band.userId,
    weatherPlace: place &&
      { latitude: place.latitude, longitude: place.longitude },
    deletedAt: now,
  };
}

/** Adds a band's tombstone to an atomic: its record, MAC index and sync state go, its purge job comes. */
export function addBandTombstone(
  atomic: Deno.AtomicOperation,
  job: BandPurgeJob,
  mac: string,
): Deno.AtomicOperation {
  return atomic
    .delete(bandKey(job.userId, job.bandId))
    .delete(bandByMacKey(job.userId, mac))
    .delete(syncStateKey(job.bandId))
    .set(purgeJobKey("band", job.bandId), job);
}

/** Why an account could not be deleted. */
export type DeleteAccountResult =
  | { ok: true; job: UserPurgeJob }
  | { ok: false; reason: "not_found" | "owner_has_members" };

/**
 * Tombstones an account: the user record and username index go and a purge job
 * comes, in one commit. The owner may leave only as the last account (the
 * server then returns to first-run setup), so members are never left without one.
 */
export async function tombstoneAccount(
  kv: Deno.Kv,
  userId: string,
  now: number,
): Promise<DeleteAccountResult> {
  return await retryOnConflict<DeleteAccountResult>(async () => {
    const entry = await kv.get<User>(userKey(userId));
    if (entry.value === null) return { ok: false, reason: "not_found" };
    const user = entry.value;
    const job: UserPurgeJob = {
      kind: "user",
      userId,
      username: user.username,
      deletedAt: now,
    };
    const atomic = kv.atomic()
      .check(entry)
      .delete(userKey(userId))
      .delete(userByUsernameKey(user.username))
      .set(purgeJobKey("user", userId), job);
    if (user.role === "owner") {
      for await (const other of kv.list({ prefix: usersPrefix() })) {
        if (other.key[1] !== userId) {
          return { ok: false, reason: "owner_has_members" };
        }
      }
      const owner = await kv.get<string>(ownerKey());
      atomic.check(owner);
      if (owner.value === userId) atomic.delete(ownerKey());
    }
    return (await atomic.commit()).ok ? { ok: true, job } : RETRY;
  }, "Cannot delete account: it kept changing at the same time, try again");
}

async function purgeBand(
  kv: Deno.Kv,
  job: BandPurgeJob,
  run: BatchRunner,
): Promise<void> {
  for (const prefix of listBandDataPrefixes(job.bandId)) {
    await deletePrefix(kv, prefix, run);
  }
  const last: Deno.KvKey[] = [syncStateKey(job.bandId)];
  if (job.weatherPlace) {
    const place = { name: "", ...job.weatherPlace };
    last.push(
      forecastCacheKey(place, "celsius"),
      forecastCacheKey(place, "fahrenheit"),
    );
  }
  await run.commit([...last, purgeJobKey("band", job.bandId)]);
}

async function purgeUser(
  kv: Deno.Kv,
  job: UserPurgeJob,
  run: BatchRunner,
  options: PurgeOptions,
): Promise<void> {
  // Bands first, each through its own tombstone, so an upload still in flight
  // fails its band check instead of writing after the purge passed.
  while (true) {
    const bands = await Array.fromAsync(
      kv.list<Band>({ prefix: bandsPrefix(job.userId) }),
    );
    if (bands.length === 0) break;
    for (const e of bands) {
      const bandJob = buildBandPurgeJob(e.value, job.deletedAt);
      await addBandTombstone(kv.atomic().check(e), bandJob, e.value.mac)
        .commit();
    }
  }
  for (
    const e of await Array.fromAsync(
      kv.list<BandPurgeJob>({ prefix: purgeJobsPrefix("band") }),
    )
  ) {
    if (e.value.userId === job.userId) await runPurgeJob(kv, e.value, options);
  }
  while (true) {
    const ids: string[] = [];
    for await (
      const e of kv.list({ prefix: sessionsByUserPrefix(job.userId) }, {
        limit: Math.max(1, Math.floor(run.size / 2)),
      })
    ) ids.push(e.key[2] as string);
    if (ids.length === 0) break;
    await run.commit(
      ids.flatMap((id) => [
        sessionKey(id),
        sessionByUserKey(job.userId, id),
      ]),
    );
  }
  let invitations: Deno.KvKey[] = [];
  for await (
    const e of kv.list<Invitation>({ prefix: invitationsPrefix() })
  ) {
    if (e.value.createdBy === job.userId || e.value.usedBy === job.userId) {
      invitations.push(e.key);
    }
    if (invitations.length >= run.size) {
      await run.commit(invitations);
      invitations = [];
    }
  }
  await run.commit(invitations);
  // Credentials: passkeys and API tokens, each a record plus its index entry.
  await deleteIndexed(kv, passkeysByUserPrefix(job.userId), run, (id) => [
    passkeyKey(id),
    passkeyByUserKey(job.userId, id),
  ]);
  await deleteIndexed(kv, apiTokensByUserPrefix(job.userId), run, (id) => [
    apiTokenKey(id),
    apiTokenByUserKey(job.userId, id),
  ]);
  await deleteIndexed(kv, knownDevicesByUserPrefix(job.userId), run, (id) => [
    knownDeviceKey(id),
    knownDeviceByUserKey(job.userId, id),
  ]);
  await deletePrefix(kv, signinFailuresPrefix(job.username), run);
  await run.commit([purgeJobKey("user", job.userId)]);
}

// Deletes the records an index lists (its last key part is the record id),
// with the index entries, in batches.
async function deleteIndexed(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
  run: BatchRunner,
  keysOf: (id: string) => Deno.KvKey[],
): Promise<void> {
  const per = Math.max(1, Math.floor(run.size / 2));
  while (true) {
    const ids: string[] = [];
    for await (const e of kv.list({ prefix }, { limit: per })) {
      ids.push(e.key.at(-1) as string);
    }
    if (ids.length === 0) return;
    await run.commit(ids.flatMap(keysOf));
  }
}

/** Removes every key a deleted band or account owns, then its job key; safe to run again after a crash. */
export async function runPurgeJob(
  kv: Deno.Kv,
  job: PurgeJob,
  options: PurgeOptions = {},
): Promise<void> {
  const run = createBatchRunner(kv, options);
  if (job.kind === "band") await purgeBand(kv, job, run);
  else await purgeUser(kv, job, run, options);
}

/**
 * Deletes an account: the tombstone commit, then the purge of its bands (with
 * all their history), sessions, the invitations it made or used, and its
 * sign-in counters. A purge cut short is finished at the next server start.
 */
export async function deleteAccount(
  kv: Deno.Kv,
  userId: string,
  options: PurgeOptions & { now: number },
): Promise<DeleteAccountResult> {
  const result = await tombstoneAccount(kv, userId, options.now);
  if (result.ok) await runPurgeJob(kv, result.job, options);
  return result;
}

/** Finishes every purge a crash or restart left unfinished; returns how many it ran. */
export async function runPendingPurges(
  kv: Deno.Kv,
  options: PurgeOptions = {},
): Promise<number> {
  const jobs = await Array.fromAsync(
    kv.list<PurgeJob>({ prefix: purgeJobsPrefix() }),
  );
  // Accounts first: their purge also runs their bands' jobs.
  jobs.sort((a, b) =>
    Number(a.value.kind === "band") - Number(b.value.kind === "band")
  );
  let ran = 0;
  for (const { key } of jobs) {
    const current = await kv.get<PurgeJob>(key);
    if (current.value === null) continue;
    await runPurgeJob(kv, current.value, options);
    ran++;
  }
  return ran;
}

/** Starts finishing pending purges in the background at server start, logging the outcome. */
export function startPendingPurges(kv: Deno.Kv): Promise<void> {
  return runPendingPurges(kv).then(
    (ran) => {
      if (ran > 0) console.log(`Finished ${ran} interrupted deletion(s)`);
    },
    (error) => {
      console.error(
        "Cannot finish interrupted deletions: will try again at the next start",
        error,
      );
    },
  );
}
