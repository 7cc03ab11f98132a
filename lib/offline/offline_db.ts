// This browser's offline store (IndexedDB, through `idb`): one record per band
// the person chose to use offline (wrapped auth key, last-known settings and
// facts), the settings changes waiting for the server, and the outbox of synced
// minutes waiting to upload. Nothing is stored for a band without the opt-in.
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import type { BandSettings, BandSettingsPatch } from "../api/band_schemas.ts";
import type { TodayView } from "../api/today_schemas.ts";
import { OFFLINE_DB_NAME } from "./db_name.ts";

export { OFFLINE_DB_NAME };

/** The auth key, encrypted with a non-extractable AES-GCM key kept beside it. */
export interface WrappedKey {
  /** Non-extractable: script can use it but never read it out. */
  wrappingKey: CryptoKey;
  /** The 12-byte AES-GCM nonce. */
  iv: Uint8Array;
  /** The encrypted 16-byte key (with its tag). */
  data: ArrayBuffer;
}

/** What this browser keeps about one band for offline use. */
export interface OfflineBand {
  /** The server's band id (the key). */
  bandId: string;
  /** Whose band: a different person signed in on this browser never sees it. */
  userId: string;
  name: string;
  mac: string;
  /** A band backed by the in-page simulator. */
  virtual: boolean;
  key: WrappedKey;
  /** Settings as last known: the server's, with this browser's queued changes applied. */
  settings: BandSettings;
  /** The server's sync cursor as last seen (epoch ms), or null before any upload. */
  serverCursor: number | null;
  /** The server's last view of the person's day, for Today while minutes wait to upload. */
  today: TodayView | null;
  /**
   * Minutes were read into the outbox without acknowledging the band: the next
   * sync that reaches the server owes the band its acknowledgement.
   */
  ackOwed?: boolean;
  /** When the record was last refreshed from the server (epoch ms). */
  refreshedAt: number;
}

/** A settings change made while the server was out of reach. */
export interface QueuedChange {
  /** Auto-increment: the order the changes were made in. */
  seq?: number;
  bandId: string;
  patch: BandSettingsPatch;
  /** When the change was made (epoch ms). */
  at: number;
}

/** One batch of minutes read from the band and not yet stored on the server. */
export interface OutboxBatch {
  /** Auto-increment: upload order. */
  seq?: number;
  bandId: string;
  /** First minute (epoch ms). */
  start: number;
  utcOffsetMinutes: number;
  /** The minutes as the upload API sends them (base64 of the 4-byte records). */
  data: string;
  /** How many minutes. */
  minutes: number;
  /** When it was read from the band (epoch ms). */
  at: number;
}

/** The store's schema. */
export interface OfflineSchema extends DBSchema {
  bands: { key: string; value: OfflineBand };
  changes: {
    key: number;
    value: QueuedChange;
    indexes: { byBand: string };
  };
  outbox: {
    key: number;
    value: OutboxBatch;
    indexes: { byBand: string };
  };
}

/** An open offline store. */
export type OfflineDb = IDBPDatabase<OfflineSchema>;

/**
 * Opens the store (creating it on first use). When another tab deletes it
 * (sign-out) this connection lets go at once, and `onGone` hears of it, as it
 * does when the browser closes the connection itself (storage evicted).
 */
export async function openOfflineDb(
  options: { onGone?: () => void } = {},
): Promise<OfflineDb> {
  const db: OfflineDb = await openDB<OfflineSchema>(OFFLINE_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("bands", { keyPath: "bandId" });
      db.createObjectStore("changes", { keyPath: "seq", autoIncrement: true })
        .createIndex("byBand", "bandId");
      db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true })
        .createIndex("byBand", "bandId");
    },
    blocking() {
      db.close();
      options.onGone?.();
    },
    terminated() {
      options.onGone?.();
    },
  });
  return db;
}

/** Deletes the whole store: every band's key, settings, queue and outbox (sign-out). */
export async function deleteOfflineDb(): Promise<void> {
  await deleteDB(OFFLINE_DB_NAME);
}
