// Minutes read from the band while the server is out of reach. The band was not
// told to drop them (it keeps its copy until a sync online acknowledges), so
// the outbox is a convenience, never the only copy: if the browser evicts it,
// the next sync online reads the same minutes from the band again.
//
// Uploading is idempotent on the server (a minute already stored is counted
// "unchanged"), and one tab at a time drains a band's outbox under a Web Lock,
// so two tabs, or a tab and the installed app, never race on it.
import type { ActivityBatch } from "../protocol/activity_sample.ts";
import { decodeSampleData, encodeSampleData } from "../api/sample_data.ts";
import type { OfflineDb, OutboxBatch } from "./offline_db.ts";

const MINUTE_MS = 60_000;

/** What waits in a band's outbox. */
export interface OutboxSummary {
  /** Minutes waiting to upload. */
  minutes: number;
  /** Batches waiting. */
  batches: number;
  /** Approximate bytes the outbox holds (the encoded minutes). */
  bytes: number;
  /** The minute after the newest one waiting (epoch ms), or null when empty. */
  nextSince: number | null;
}

/** Puts one batch read from the band into the outbox. */
export async function addToOutbox(
  db: OfflineDb,
  entry: { bandId: string; batch: ActivityBatch; at: number },
): Promise<void> {
  const { batch } = entry;
  await db.add("outbox", {
    bandId: entry.bandId,
    start: batch.start,
    utcOffsetMinutes: batch.utcOffsetMinutes,
    data: encodeSampleData(batch.samples),
    minutes: batch.samples.length,
    at: entry.at,
  });
}

/** The batches waiting, oldest first. */
export async function listOutbox(
  db: OfflineDb,
  bandId: string,
): Promise<OutboxBatch[]> {
  return await db.getAllFromIndex("outbox", "byBand", bandId);
}

/** Sums up a band's outbox. */
export async function summarizeOutbox(
  db: OfflineDb,
  bandId: string,
): Promise<OutboxSummary> {
  const batches = await listOutbox(db, bandId);
  let minutes = 0;
  let bytes = 0;
  let nextSince: number | null = null;
  for (const batch of batches) {
    minutes += batch.minutes;
    bytes += batch.data.length + 64;
    const end = batch.start + batch.minutes * MINUTE_MS;
    nextSince = Math.max(nextSince ?? end, end);
  }
  return { minutes, batches: batches.length, bytes, nextSince };
}

/** Turns a stored outbox batch back into the band's batch. */
export function toActivityBatch(batch: OutboxBatch): ActivityBatch {
  return {
    start: batch.start,
    utcOffsetMinutes: batch.utcOffsetMinutes,
    samples: decodeSampleData(batch.data),
  };
}

/** Web Locks as the outbox needs them (navigator.locks, or a stand-in in tests). */
export interface OutboxLocks {
  request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown | null) => Promise<T>,
  ): Promise<T>;
}

/** How a drain ended: minutes stored, and minutes the server refused for good. */
export type DrainResult =
  | { kind: "drained"; minutes: number; refused: number; reason?: string }
  | { kind: "busy" };

/** The lock one band's uploader holds. */
export function outboxLockName(bandId: string): string {
  return `band-web-outbox:${bandId}`;
}

/**
 * Uploads a band's outbox oldest first, removing each batch only after the
 * server has stored it. Another holder of the band's lock means another tab is
 * uploading: this one steps aside ("busy"). A failure stops the drain with the
 * rest kept for the next attempt, unless `isRefused` says the server refused
 * the batch itself: it goes (the band, never acknowledged, keeps its copy) and
 * the drain goes on.
 */
export async function drainOutbox(
  db: OfflineDb,
  bandId: string,
  upload: (batch: ActivityBatch) => Promise<void>,
  locks: OutboxLocks,
  isRefused: (error: unknown) => boolean = () => false,
): Promise<DrainResult> {
  return await locks.request(
    outboxLockName(bandId),
    { ifAvailable: true },
    async (lock): Promise<DrainResult> => {
      if (lock === null) return { kind: "busy" };
      const result = { kind: "drained" as const, minutes: 0, refused: 0 };
      let reason: string | undefined;
      // Read afresh under the lock: another tab may have drained meanwhile.
      for (const batch of await listOutbox(db, bandId)) {
        try {
          await upload(toActivityBatch(batch));
          result.minutes += batch.minutes;
        } catch (error) {
          if (!isRefused(error)) throw error;
          result.refused += batch.minutes;
          reason ??= error instanceof Error ? error.message : String(error);
        }
        await db.delete("outbox", batch.seq!);
      }
      return reason === undefined ? result : { ...result, reason };
    },
  );
}
