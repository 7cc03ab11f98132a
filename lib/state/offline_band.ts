// The band page's offline side, shared by its islands: whether this browser
// keeps the band for offline use, what waits to upload, and the calls that
// pick the server or this browser's store. Online, every call goes to the
// server as before; with the server out of reach and the band kept, the key
// comes from the wrapped copy, settings changes queue, and a sync fills the
// outbox without acknowledging the band. Back online, `catchUp` sends the
// queue, drains the outbox under a Web Lock, and refreshes the kept copy.
import type { ApiClient } from "../api/client.ts";
import type { BandSettings, BandSettingsPatch } from "../api/band_schemas.ts";
import type { OfflineDb } from "../offline/offline_db.ts";
import { deleteOfflineDb, openOfflineDb } from "../offline/offline_db.ts";
import {
  forgetBandsNotListed,
  forgetOfflineBand,
  getOfflineBand,
  keepBandOffline,
  readOfflineKey,
  refreshOfflineBand,
  setAckOwed,
} from "../offline/offline_bands.ts";
import {
  countQueuedChanges,
  flushSettingsChanges,
  queueSettingsChange,
} from "../offline/settings_queue.ts";
import {
  addToOutbox,
  drainOutbox,
  listOutbox,
  type OutboxLocks,
  summarizeOutbox,
} from "../offline/outbox.ts";
import { addOutboxToToday } from "../offline/outbox_today.ts";
import {
  isOutOfReach,
  isRefusedContent,
  OutOfReachError,
} from "../offline/reach.ts";
import type { SyncServer } from "./sync_runner.ts";
import { lastSyncAt, todayView } from "./band_facts.ts";
import type { TodayView } from "../api/today_schemas.ts";
import {
  keptSettings,
  offlineKept,
  offlineProblem,
  outboxSummary,
  queuedChanges,
  serverOutOfReach,
} from "./offline_signals.ts";

const TURN_ON_HINT =
  'to use this band without the server, turn on "Use this band offline on this browser" while online';

let store: Promise<OfflineDb | null> | undefined;

/** Opens this browser's offline store once per page; null where there is no IndexedDB. */
export function openStore(): Promise<OfflineDb | null> {
  // A store deleted or evicted under the page is opened afresh (empty) next time.
  store ??= typeof indexedDB === "undefined"
    ? Promise.resolve(null)
    : openOfflineDb({ onGone: () => (store = undefined) }).catch(() => null);
  return store;
}

const CHANNEL = "band-web-offline";
// A tab hears its own messages on another channel object: it skips them.
const TAB = crypto.randomUUID();

/** Tells the page's other tabs that a band's offline state changed. */
function announce(bandId: string): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ bandId, tab: TAB });
  channel.close();
}

/** Calls `onChange` when another tab changes this band's offline state; returns stop. */
export function listenForOtherTabs(
  bandId: string,
  onChange: () => void,
): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    const data = event.data as { bandId?: string; tab?: string } | null;
    if (data?.bandId === bandId && data.tab !== TAB) onChange();
  };
  return () => channel.close();
}

/**
 * Reads what this browser keeps for the band into the signals. The kept
 * settings replace the page's own when the page is a saved copy (its
 * settings are as old as the copy) or when changes wait for the server.
 */
export async function loadOfflineState(
  bandId: string,
  page: { savedCopy: boolean },
): Promise<void> {
  const db = await openStore();
  const record = db ? await getOfflineBand(db, bandId) : null;
  offlineKept.value = record !== null;
  if (!db || !record) {
    outboxSummary.value = null;
    queuedChanges.value = 0;
    return;
  }
  outboxSummary.value = await summarizeOutbox(db, bandId);
  queuedChanges.value = await countQueuedChanges(db, bandId);
  if (page.savedCopy || queuedChanges.value > 0) {
    keptSettings.value = {
      settings: record.settings,
      generation: (keptSettings.peek()?.generation ?? 0) + 1,
    };
  }
}

/** Turns "Use this band offline on this browser" on: fetches the key, settings and today once. */
export async function turnOfflineOn(
  api: ApiClient,
  input: { bandId: string; userId: string; now: () => number },
): Promise<void> {
  const db = await openStore();
  if (!db) {
    throw new Error(
      "Cannot keep the band for offline use: this browser has no storage for it (private window?)",
    );
  }
  const [band, authKey, sync, today] = await Promise.all([
    api.getBand(input.bandId),
    api.getBandKey(input.bandId),
    api.getSync(input.bandId),
    api.getToday(input.bandId),
  ]);
  await keepBandOffline(db, {
    band,
    authKey,
    userId: input.userId,
    serverCursor: sync.cursor,
    now: input.now(),
  });
  await refreshOfflineBand(db, {
    bandId: band.id,
    band,
    serverCursor: sync.cursor,
    today,
    now: input.now(),
  });
  await requestPersistentStorage();
  await loadOfflineState(input.bandId, { savedCopy: false });
  announce(input.bandId);
}

/** Turns offline use off: the key, the kept settings, the queue and the outbox leave this browser. */
export async function turnOfflineOff(bandId: string): Promise<void> {
  const db = await openStore();
  if (db) await forgetOfflineBand(db, bandId);
  await loadOfflineState(bandId, { savedCopy: false });
  announce(bandId);
}

/** Forgets a band removed from the server (called by the page that removed it). */
export async function forgetRemovedBand(bandId: string): Promise<void> {
  const db = await openStore();
  if (db) await forgetOfflineBand(db, bandId);
  announce(bandId);
}

/** Removes everything this browser keeps for offline use (sign-out). */
export async function forgetEverything(): Promise<void> {
  const db = await store?.catch(() => null);
  db?.close();
  store = undefined;
  if (typeof indexedDB !== "undefined") await deleteOfflineDb();
}

// Asks the browser not to evict the store under storage pressure. Chrome
// grants it to an installed app or a site the person uses; a refusal changes
// nothing that matters: the band keeps every minute the outbox holds.
async function requestPersistentStorage(): Promise<void> {
  await navigator.storage?.persist?.().catch(() => false);
}

/** The band's auth key: from the server, else (server out of reach) from this browser's wrapped copy. */
export async function resolveBandKey(
  api: ApiClient,
  bandId: string,
): Promise<string> {
  try {
    const key = await api.getBandKey(bandId);
    serverOutOfReach.value = false;
    return key;
  } catch (error) {
    if (!isOutOfReach(error)) throw error;
    serverOutOfReach.value = true;
    const db = await openStore();
    const kept = db ? await readOfflineKey(db, bandId) : null;
    if (kept === null) {
      throw new OutOfReachError(
        "connect to the band",
        `try again when it is back; ${TURN_ON_HINT}`,
      );
    }
    return kept;
  }
}

/**
 * Saves a settings change on the server, or, with the server out of reach and
 * the band kept, queues it here; resolves to the settings as now known.
 */
export async function saveSettingsChange(
  api: ApiClient,
  input: { bandId: string; patch: BandSettingsPatch; now: () => number },
): Promise<BandSettings> {
  const db = await openStore();
  if (db && (await countQueuedChanges(db, input.bandId)) > 0) {
    // Older changes still wait: this one goes after them, never before.
    const settings = await queueSettingsChange(db, {
      bandId: input.bandId,
      patch: input.patch,
      at: input.now(),
    });
    await catchUp(api, { bandId: input.bandId, now: input.now }).catch(
      (error) => {
        if (!isOutOfReach(error)) throw error;
      },
    );
    return settings;
  }
  try {
    const stored = await api.updateBandSettings(input.bandId, input.patch);
    serverOutOfReach.value = false;
    if (db) {
      await refreshOfflineBand(db, {
        bandId: input.bandId,
        settings: stored,
        now: input.now(),
      });
    }
    return stored;
  } catch (error) {
    if (!isOutOfReach(error)) throw error;
    serverOutOfReach.value = true;
    if (!db || !(await getOfflineBand(db, input.bandId))) {
      throw new OutOfReachError(
        "save the setting",
        `try again when it is back; ${TURN_ON_HINT}`,
      );
    }
    const settings = await queueSettingsChange(db, {
      bandId: input.bandId,
      patch: input.patch,
      at: input.now(),
    });
    queuedChanges.value = await countQueuedChanges(db, input.bandId);
    announce(input.bandId);
    return settings;
  }
}

/** Whether a sync now should read into the outbox: the server is out of reach and the band is kept. */
export async function chooseOfflineSync(
  api: ApiClient,
  bandId: string,
): Promise<boolean> {
  try {
    await api.getSync(bandId);
    serverOutOfReach.value = false;
    return false;
  } catch (error) {
    if (!isOutOfReach(error)) throw error;
    serverOutOfReach.value = true;
    const db = await openStore();
    if (!db || !(await getOfflineBand(db, bandId))) {
      throw new OutOfReachError(
        "sync",
        `your band keeps its history until a sync reaches the server; ${TURN_ON_HINT}`,
      );
    }
    return true;
  }
}

/**
 * The sync's server while the server is out of reach: batches go to the
 * outbox, the next minute is after the outbox (or the server's last cursor),
 * and workouts stay on the band for a sync online.
 */
export async function createOutboxSyncServer(
  bandId: string,
  now: () => number,
): Promise<SyncServer> {
  const db = await openStore();
  if (!db) throw new Error("Cannot sync offline: this browser has no storage");
  const workoutsWait = () =>
    Promise.reject(
      new Error(
        "Workouts stay on the band until a sync reaches the server",
      ),
    );
  return {
    async getCursor() {
      const record = await getOfflineBand(db, bandId);
      const waiting = (await summarizeOutbox(db, bandId)).nextSince;
      const cursors = [record?.serverCursor, waiting].filter((c) =>
        typeof c === "number"
      ) as number[];
      return cursors.length === 0 ? null : Math.max(...cursors);
    },
    async uploadBatch(batch) {
      await setAckOwed(db, bandId, true);
      await addToOutbox(db, { bandId, batch, at: now() });
      outboxSummary.value = await summarizeOutbox(db, bandId);
      announce(bandId);
    },
    getLatestWorkout: workoutsWait,
    uploadWorkouts: workoutsWait,
    // Battery, firmware and band time show live on the page; they are read
    // again by the next sync that reaches the server.
    recordBattery: () => Promise.resolve(),
    recordDeviceInfo: () => Promise.resolve(),
    recordBandTime: () => Promise.resolve(),
  };
}

const MINUTE_MS = 60_000;

/**
 * The server for a sync online. After minutes were read into the outbox the
 * band is owed its acknowledgement: the sync then starts one stored minute
 * back, so there is a transfer to acknowledge even when nothing is new (the
 * minute uploads again as unchanged). `settle` records that the debt is paid.
 */
export async function createOnlineSyncServer(
  server: SyncServer,
  bandId: string,
): Promise<
  SyncServer & { settle(): Promise<void>; rereadMinutes(): number }
> {
  const db = await openStore();
  const owed = db
    ? (await getOfflineBand(db, bandId))?.ackOwed ?? false
    : false;
  let reread = 0;
  return {
    ...server,
    async getCursor() {
      const cursor = await server.getCursor();
      if (!owed || cursor === null) return cursor;
      reread = 1;
      return cursor - MINUTE_MS;
    },
    /** Minutes the sync read again only to acknowledge them (0 or 1). */
    rereadMinutes: () => reread,
    async settle() {
      if (db && owed) await setAckOwed(db, bandId, false);
    },
  };
}

/** Publishes Today as the server last saw it plus the outbox's minutes. */
export async function publishOutboxToday(
  bandId: string,
  where: { now: number; timeZone: string },
): Promise<void> {
  const db = await openStore();
  const record = db ? await getOfflineBand(db, bandId) : null;
  if (!db || !record) return;
  const batches = await listOutbox(db, bandId);
  if (batches.length === 0) return;
  todayView.value = addOutboxToToday(
    { view: record.today ?? todayView.peek(), cursor: record.serverCursor },
    batches,
    where,
  );
}

/** What `catchUp` did. */
export interface CatchUpResult {
  /** Settings changes sent. */
  changesSent: number;
  /** Settings changes the server refused for good. */
  changesRefused: number;
  /** Minutes the server refused for good (the band keeps them). */
  minutesRefused: number;
  /** Minutes uploaded from the outbox (0 when another tab is uploading). */
  minutesUploaded: number;
  /** Another tab holds the upload. */
  busy: boolean;
}

/**
 * With the server reachable: sends the queued settings, uploads the outbox
 * (one uploader per band across tabs), and refreshes the kept copy. Throws
 * when the server is still out of reach; whatever was not sent stays.
 */
export async function catchUp(
  api: ApiClient,
  input: { bandId: string; now: () => number; locks?: OutboxLocks },
): Promise<CatchUpResult> {
  const db = await openStore();
  const result: CatchUpResult = {
    changesSent: 0,
    changesRefused: 0,
    minutesRefused: 0,
    minutesUploaded: 0,
    busy: false,
  };
  if (!db || !(await getOfflineBand(db, input.bandId))) {
    // Not kept (any more: turned off in another tab, or the store evicted).
    if (offlineKept.peek()) {
      await loadOfflineState(input.bandId, { savedCopy: false });
    }
    return result;
  }
  try {
    const flushed = await flushSettingsChanges(
      db,
      input.bandId,
      (patch) => api.updateBandSettings(input.bandId, patch),
      isRefusedContent,
    );
    result.changesSent = flushed.sent;
    result.changesRefused = flushed.refused;
    if (flushed.refused > 0) {
      offlineProblem.value = `The server refused ${flushed.refused} ${
        flushed.refused === 1 ? "setting change" : "setting changes"
      } made offline (${flushed.reason}); the band has them, so set them again to save them`;
    }
    const locks = input.locks ?? (navigator as { locks?: OutboxLocks }).locks;
    if (locks) {
      const drained = await drainOutbox(
        db,
        input.bandId,
        async (batch) => {
          await api.uploadSamples(input.bandId, [batch]);
          outboxSummary.value = await summarizeOutbox(db, input.bandId);
        },
        locks,
        isRefusedContent,
      );
      if (drained.kind === "busy") result.busy = true;
      else {
        result.minutesUploaded = drained.minutes;
        result.minutesRefused = drained.refused;
        if (drained.refused > 0) {
          offlineProblem.value =
            `The server refused ${drained.refused} minutes read offline (${drained.reason}); they were not stored, and the band keeps its copy`;
        }
      }
    }
    const today = await refreshKeptBand(api, db, input.bandId, input.now);
    if (today && result.minutesUploaded > 0) {
      // The page now tells the server's story: its figures and its last sync.
      todayView.value = today;
      if (today.lastSyncAt !== null) lastSyncAt.value = today.lastSyncAt;
    }
    serverOutOfReach.value = false;
  } catch (error) {
    if (isOutOfReach(error)) serverOutOfReach.value = true;
    throw error;
  } finally {
    outboxSummary.value = await summarizeOutbox(db, input.bandId);
    queuedChanges.value = await countQueuedChanges(db, input.bandId);
    announce(input.bandId);
  }
  return result;
}

/** Refreshes the kept copy (settings, cursor, today) from the server; resolves to the server's today, or null when the band is not kept. */
export async function refreshKeptBand(
  api: ApiClient,
  db: OfflineDb,
  bandId: string,
  now: () => number,
): Promise<TodayView | null> {
  if (!(await getOfflineBand(db, bandId))) return null;
  const [band, sync, today] = await Promise.all([
    api.getBand(bandId),
    api.getSync(bandId),
    api.getToday(bandId),
  ]);
  await refreshOfflineBand(db, {
    bandId,
    band,
    serverCursor: sync.cursor,
    today,
    now: now(),
  });
  return today;
}

/** Forgets kept bands the server no longer lists for this person (removed elsewhere). */
export async function forgetUnlistedBands(
  api: ApiClient,
  userId: string,
): Promise<void> {
  const db = await openStore();
  if (!db || (await db.count("bands")) === 0) return;
  const bands = await api.listBands();
  const gone = await forgetBandsNotListed(db, {
    userId,
    bandIds: bands.map((b) => b.id),
  });
  gone.forEach(announce);
}
