import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import assert from "node:assert/strict";
import type { PublicBand } from "../../lib/api/band_schemas.ts";
import {
  deleteOfflineDb,
  type OfflineDb,
  openOfflineDb,
} from "../../lib/offline/offline_db.ts";
import {
  forgetBandsNotListed,
  forgetOfflineBand,
  getOfflineBand,
  keepBandOffline,
  readOfflineKey,
  refreshOfflineBand,
} from "../../lib/offline/offline_bands.ts";
import {
  countQueuedChanges,
  flushSettingsChanges,
  foldPatches,
  queueSettingsChange,
} from "../../lib/offline/settings_queue.ts";
import {
  addToOutbox,
  drainOutbox,
  listOutbox,
  type OutboxLocks,
  summarizeOutbox,
} from "../../lib/offline/outbox.ts";
import type { ActivityBatch } from "../../lib/protocol/activity_sample.ts";
import { publicBand } from "./_band.ts";

const KEY = "0123456789abcdef0123456789abcdef";
const T0 = Date.UTC(2026, 10, 30, 8, 0);
const MINUTE = 60_000;

function band(id: string, settings: PublicBand["settings"] = {}): PublicBand {
  return publicBand(id, { settings, createdAt: T0 });
}

function batch(start: number, minutes: number, steps = 10): ActivityBatch {
  return {
    start,
    utcOffsetMinutes: 60,
    samples: Array.from({ length: minutes }, (_, i) => ({
      kind: 1,
      intensity: 20,
      steps: steps + i % 3,
      heartRate: 70,
    })),
  };
}

/** Keeps a band for offline use as person `userId` (default u1). */
function keep(
  db: OfflineDb,
  kept: PublicBand,
  userId = "u1",
) {
  return keepBandOffline(db, {
    band: kept,
    authKey: KEY,
    userId,
    serverCursor: null,
    now: T0,
  });
}

/** A fresh, empty IndexedDB per test. */
async function withDb(fn: (db: OfflineDb) => Promise<void>): Promise<void> {
  globalThis.indexedDB = new IDBFactory();
  const db = await openOfflineDb();
  try {
    await fn(db);
  } finally {
    db.close();
  }
}

/** Web Locks in one process: a held name is unavailable. */
function createLocks(): OutboxLocks & { held: Set<string> } {
  const held = new Set<string>();
  return {
    held,
    async request(name, _options, callback) {
      if (held.has(name)) return await callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

Deno.test("offline store: the key is kept wrapped, reads back, and the wrapping key cannot be exported", async () => {
  await withDb(async (db) => {
    const record = await keep(db, band("a"));
    assert.equal(record.key.wrappingKey.extractable, false);
    await assert.rejects(
      crypto.subtle.exportKey("raw", record.key.wrappingKey),
    );
    const stored = await getOfflineBand(db, "a");
    assert.ok(stored);
    assert.ok(
      !JSON.stringify([...new Uint8Array(stored.key.data)]).includes(KEY),
    );
    assert.notDeepEqual(
      new Uint8Array(stored.key.data).slice(0, 16),
      new TextEncoder().encode(KEY).slice(0, 16),
    );
    assert.equal(await readOfflineKey(db, "a"), KEY);
    assert.equal(await readOfflineKey(db, "b"), null);
  });
});

Deno.test("offline store: queued changes apply at once, fold last writer per field, and flush once", async () => {
  await withDb(async (db) => {
    await keep(db, band("a", { goal: { steps: 8000, notify: true } }));
    await queueSettingsChange(db, {
      bandId: "a",
      patch: { goal: { steps: 9000 } },
      at: T0 + 1,
    });
    await queueSettingsChange(db, {
      bandId: "a",
      patch: { general: { nightMode: "off" } },
      at: T0 + 2,
    });
    const kept = await queueSettingsChange(db, {
      bandId: "a",
      patch: { goal: { steps: 10000 }, general: { wearWrist: "right" } },
      at: T0 + 3,
    });
    assert.deepEqual(kept.goal, { steps: 10000, notify: true });
    assert.deepEqual(kept.general, { nightMode: "off", wearWrist: "right" });
    assert.equal(await countQueuedChanges(db, "a"), 3);

    // Someone changed the server's notify meanwhile: a field this browser never touched stays.
    const sent: unknown[] = [];
    assert.deepEqual(
      await flushSettingsChanges(db, "a", (patch) => {
        sent.push(patch);
        return Promise.resolve();
      }),
      { sent: 3, refused: 0 },
    );
    assert.deepEqual(sent, [{
      goal: { steps: 10000 },
      general: { nightMode: "off", wearWrist: "right" },
    }]);
    assert.equal(await countQueuedChanges(db, "a"), 0);
    assert.deepEqual(
      await flushSettingsChanges(db, "a", () => Promise.reject()),
      { sent: 0, refused: 0 },
    );
  });
});

Deno.test("offline store: a failed flush keeps every change for the next attempt", async () => {
  await withDb(async (db) => {
    await keep(db, band("a"));
    await queueSettingsChange(db, {
      bandId: "a",
      patch: { alarms: [] },
      at: T0,
    });
    await assert.rejects(
      flushSettingsChanges(db, "a", () => Promise.reject(new Error("down"))),
      /down/,
    );
    assert.equal(await countQueuedChanges(db, "a"), 1);
  });
});

Deno.test("offline store: a refresh takes the server's settings with the queued changes on top", async () => {
  await withDb(async (db) => {
    await keep(db, band("a"));
    await queueSettingsChange(db, {
      bandId: "a",
      patch: { goal: { steps: 12000 } },
      at: T0,
    });
    const refreshed = await refreshOfflineBand(db, {
      bandId: "a",
      band: band("a", { goal: { steps: 5000, notify: false } }),
      serverCursor: T0 + 5 * MINUTE,
      now: T0 + 10,
    });
    assert.deepEqual(refreshed?.settings.goal, { steps: 12000, notify: false });
    assert.equal(refreshed?.serverCursor, T0 + 5 * MINUTE);
    assert.equal(
      await refreshOfflineBand(db, {
        bandId: "zzz",
        band: band("zzz"),
        serverCursor: null,
        now: T0,
      }),
      null,
    );
  });
});

Deno.test("offline store: queueing for a band not kept offline is refused", async () => {
  await withDb(async (db) => {
    await assert.rejects(
      queueSettingsChange(db, { bandId: "x", patch: { alarms: [] }, at: T0 }),
      /not kept for offline use/,
    );
    assert.equal(await countQueuedChanges(db, "x"), 0);
  });
});

Deno.test("outbox: batches sum up, drain oldest first, and leave what failed", async () => {
  await withDb(async (db) => {
    await addToOutbox(db, { bandId: "a", batch: batch(T0, 30), at: T0 });
    await addToOutbox(db, {
      bandId: "a",
      batch: batch(T0 + 30 * MINUTE, 20),
      at: T0,
    });
    await addToOutbox(db, { bandId: "b", batch: batch(T0, 5), at: T0 });
    const summary = await summarizeOutbox(db, "a");
    assert.equal(summary.minutes, 50);
    assert.equal(summary.batches, 2);
    assert.equal(summary.nextSince, T0 + 50 * MINUTE);
    assert.ok(summary.bytes > 0);

    const uploaded: ActivityBatch[] = [];
    let fail = true;
    const locks = createLocks();
    await assert.rejects(
      drainOutbox(db, "a", (b) => {
        if (uploaded.length === 1 && fail) {
          return Promise.reject(new Error("server gone"));
        }
        uploaded.push(b);
        return Promise.resolve();
      }, locks),
      /server gone/,
    );
    assert.equal((await summarizeOutbox(db, "a")).minutes, 20);
    fail = false;
    const result = await drainOutbox(db, "a", (b) => {
      uploaded.push(b);
      return Promise.resolve();
    }, locks);
    assert.deepEqual(result, { kind: "drained", minutes: 20, refused: 0 });
    assert.deepEqual(uploaded, [batch(T0, 30), batch(T0 + 30 * MINUTE, 20)]);
    assert.deepEqual(await listOutbox(db, "a"), []);
    assert.equal((await summarizeOutbox(db, "b")).minutes, 5);
  });
});

Deno.test("outbox: while another holder has the band's lock, a drain steps aside and uploads nothing", async () => {
  await withDb(async (db) => {
    await addToOutbox(db, { bandId: "a", batch: batch(T0, 3), at: T0 });
    const locks = createLocks();
    let inner: unknown;
    const outer = await drainOutbox(db, "a", async () => {
      inner = await drainOutbox(db, "a", () => {
        throw new Error("second uploader ran");
      }, locks);
    }, locks);
    assert.deepEqual(inner, { kind: "busy" });
    assert.deepEqual(outer, { kind: "drained", minutes: 3, refused: 0 });
  });
});

Deno.test("offline store: forgetting a band removes its record, queue and outbox, and only its own", async () => {
  await withDb(async (db) => {
    for (const id of ["a", "b", "c"]) {
      await keep(db, band(id), id === "c" ? "u2" : "u1");
      await queueSettingsChange(db, {
        bandId: id,
        patch: { alarms: [] },
        at: T0,
      });
      await addToOutbox(db, { bandId: id, batch: batch(T0, 2), at: T0 });
    }
    await forgetOfflineBand(db, "a");
    assert.equal(await getOfflineBand(db, "a"), null);
    assert.equal(await countQueuedChanges(db, "a"), 0);
    assert.equal((await summarizeOutbox(db, "a")).minutes, 0);
    assert.equal(await countQueuedChanges(db, "b"), 1);
    // The server lists only b for u1: c (another person's) goes too.
    assert.deepEqual(
      await forgetBandsNotListed(db, { userId: "u1", bandIds: ["b"] }),
      ["c"],
    );
    assert.ok(await getOfflineBand(db, "b"));
    assert.equal(await getOfflineBand(db, "c"), null);
    assert.equal((await summarizeOutbox(db, "c")).minutes, 0);
  });
});

Deno.test("offline store: deleting the store (sign-out) leaves no key behind", async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openOfflineDb();
  await keep(db, band("a"));
  // The open connection lets go when another deletes the store.
  await deleteOfflineDb();
  const fresh = await openOfflineDb();
  try {
    assert.equal(await readOfflineKey(fresh, "a"), null);
  } finally {
    fresh.close();
  }
});

Deno.test("foldPatches: object sections fold field by field, arrays and the weather place come whole", () => {
  const alarm = {
    index: 0,
    enabled: true,
    hour: 7,
    minute: 0,
    days: 31,
    smart: false,
  };
  assert.deepEqual(
    foldPatches(
      {
        alarms: [alarm, { ...alarm, index: 1 }],
        display: { items: ["steps"] },
        weatherLocation: { name: "A", latitude: 1, longitude: 2 },
      },
      {
        alarms: [alarm],
        display: { shortcuts: [] },
        weatherLocation: null,
      },
    ),
    {
      alarms: [alarm],
      display: { items: ["steps"], shortcuts: [] },
      weatherLocation: null,
    },
  );
});

Deno.test("offline store: changes the server refuses for good leave the queue with the reason; others wait", async () => {
  await withDb(async (db) => {
    await keep(db, band("a"));
    await queueSettingsChange(db, {
      bandId: "a",
      patch: { goal: { steps: 1 } },
      at: T0,
    });
    const refused = (error: unknown) =>
      error instanceof Error && error.message.startsWith("refused");
    await assert.rejects(
      flushSettingsChanges(
        db,
        "a",
        () => Promise.reject(new Error("signed out")),
        refused,
      ),
      /signed out/,
    );
    assert.equal(await countQueuedChanges(db, "a"), 1);
    assert.deepEqual(
      await flushSettingsChanges(
        db,
        "a",
        () => Promise.reject(new Error("refused: steps too low")),
        refused,
      ),
      { sent: 0, refused: 1, reason: "refused: steps too low" },
    );
    assert.equal(await countQueuedChanges(db, "a"), 0);
  });
});

Deno.test("outbox: a batch the server refuses for good goes, the drain goes on, and the rest upload", async () => {
  await withDb(async (db) => {
    await addToOutbox(db, { bandId: "a", batch: batch(T0, 4), at: T0 });
    await addToOutbox(db, {
      bandId: "a",
      batch: batch(T0 + 4 * MINUTE, 6),
      at: T0,
    });
    const uploaded: number[] = [];
    const result = await drainOutbox(
      db,
      "a",
      (b) => {
        if (b.start === T0) return Promise.reject(new Error("refused: bad"));
        uploaded.push(b.start);
        return Promise.resolve();
      },
      createLocks(),
      (error) => error instanceof Error && error.message.startsWith("refused"),
    );
    assert.deepEqual(result, {
      kind: "drained",
      minutes: 6,
      refused: 4,
      reason: "refused: bad",
    });
    assert.deepEqual(uploaded, [T0 + 4 * MINUTE]);
    assert.deepEqual(await listOutbox(db, "a"), []);
  });
});
