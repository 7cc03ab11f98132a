// This browser's map from the server's band id to the Bluetooth device id Chrome
// gave it. BluetoothDevice objects cannot be stored and their ids change with every
// new grant (original app's README), so the MAC is kept beside the id to check a
// band picked again in the chooser.

/** What this browser remembers about one band. */
export interface DeviceRecord {
  /** The server's band id (the key). */
  bandId: string;
  /** `BluetoothDevice.id` from the last grant. */
  deviceId: string;
  /** MAC in display order, to check a re-picked device. */
  mac: string;
  /** Epoch ms of the last write. */
  updatedAt: number;
}

/** Storage of device records, one per band. */
export interface DeviceMap {
  /** The record of a band, or null. */
  get(bandId: string): Promise<DeviceRecord | null>;
  /** Stores (or replaces) a band's record. */
  put(record: DeviceRecord): Promise<void>;
  /** Forgets a band. */
  delete(bandId: string): Promise<void>;
}

const DB_NAME = "band-web";
const STORE = "devices";

/** Opens the IndexedDB-backed map; shared by every tab of this origin. */
export function openDeviceMap(factory: IDBFactory = indexedDB): DeviceMap {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    db ??= new Promise((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE, { keyPath: "bandId" });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () =>
        reject(
          new Error(
            `Cannot open this browser's band list: ${request.error?.message}`,
          ),
        );
    });
  const run = async <T>(
    mode: IDBTransactionMode,
    act: (store: IDBObjectStore) => IDBRequest,
  ): Promise<T> => {
    const store = (await open()).transaction(STORE, mode).objectStore(STORE);
    return await new Promise<T>((resolve, reject) => {
      const request = act(store);
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () =>
        reject(
          new Error(
            `Cannot use this browser's band list: ${request.error?.message}`,
          ),
        );
    });
  };
  return {
    async get(bandId) {
      const found = await run<DeviceRecord | undefined>(
        "readonly",
        (s) => s.get(bandId),
      );
      return found ?? null;
    },
    async put(record) {
      await run("readwrite", (s) => s.put(record));
    },
    async delete(bandId) {
      await run("readwrite", (s) => s.delete(bandId));
    },
  };
}

/** A map kept in memory, for browsers without IndexedDB (private windows) and for tests. */
export function createMemoryDeviceMap(): DeviceMap {
  const records = new Map<string, DeviceRecord>();
  return {
    get: (bandId) => Promise.resolve(records.get(bandId) ?? null),
    put: (record) => {
      records.set(record.bandId, { ...record });
      return Promise.resolve();
    },
    delete: (bandId) => {
      records.delete(bandId);
      return Promise.resolve();
    },
  };
}
