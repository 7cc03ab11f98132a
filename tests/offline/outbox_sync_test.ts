// A sync into the outbox with the simulator: nothing is acknowledged, a sync
// cut midway keeps what it read and resumes after it, and once the outbox is
// uploaded the next sync online acknowledges the band without storing a
// minute twice.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import assert from "node:assert/strict";
import type { ActivityBatch } from "../../lib/protocol/activity_sample.ts";
import { generateHistory } from "../../lib/sim/mod.ts";
import { runSync } from "../../lib/state/sync_runner.ts";
import {
  catchUp,
  createOnlineSyncServer,
  createOutboxSyncServer,
  forgetEverything,
  openStore,
} from "../../lib/state/offline_band.ts";
import { keepBandOffline } from "../../lib/offline/offline_bands.ts";
import { listOutbox, type OutboxLocks } from "../../lib/offline/outbox.ts";
import type { ApiClient } from "../../lib/api/client.ts";
import type { PublicBand } from "../../lib/api/band_schemas.ts";
import { publicBand } from "./_band.ts";
import { connectSim, NOW } from "../ble/sim_setup.ts";
import { createMemoryServer } from "../state/memory_sync_server.ts";

const MINUTE = 60_000;
const BAND_ID = "band-1";

function history(days: number): ActivityBatch {
  const full = generateHistory({ end: NOW, weeks: 1, seed: 9 }).batch;
  const keep = days * 1440;
  return {
    ...full,
    start: full.start + (full.samples.length - keep) * MINUTE,
    samples: full.samples.slice(-keep),
  };
}

const BAND: PublicBand = publicBand(BAND_ID, { createdAt: NOW });

const oneProcessLocks: OutboxLocks = {
  request: (_name, _options, callback) => callback({}),
};

async function keptStore() {
  await forgetEverything();
  globalThis.indexedDB = new IDBFactory();
  const db = (await openStore())!;
  await keepBandOffline(db, {
    band: BAND,
    authKey: "30313233343536373839404142434445",
    userId: "u1",
    serverCursor: null,
    now: NOW,
  });
  return db;
}

Deno.test("outbox sync: reads without acknowledging, resumes after a cut, and the sync online after the upload acknowledges", async () => {
  const db = await keptStore();
  const days = history(3);
  const first = await connectSim({ history: days });
  const stop = new AbortController();
  await assert.rejects(
    runSync(first.band, await createOutboxSyncServer(BAND_ID, () => NOW), {
      now: () => NOW,
      keepOnBand: true,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.minutesDone === 1440) stop.abort();
      },
    }),
  );
  assert.equal(first.sim.state.syncedMinutes, 0, "nothing acknowledged");
  first.band.disconnect();
  const kept = (await listOutbox(db, BAND_ID)).reduce(
    (n, b) => n + b.minutes,
    0,
  );
  assert.equal(kept, 1440);

  // The band still has everything; the next offline sync goes on after the outbox.
  const second = await connectSim({ history: days });
  const result = await runSync(
    second.band,
    await createOutboxSyncServer(BAND_ID, () => NOW),
    { now: () => NOW, keepOnBand: true },
  );
  assert.equal(result.minutesDone, 2 * 1440);
  assert.equal(second.sim.state.syncedMinutes, 0);
  assert.deepEqual(result.notes, [
    "Workouts stay on the band until a sync reaches the server",
  ]);
  const batches = await listOutbox(db, BAND_ID);
  assert.equal(batches.reduce((n, b) => n + b.minutes, 0), 3 * 1440);

  // Back online: the outbox uploads into the server, once.
  const memory = createMemoryServer({ sameAgainIsUnchanged: true });
  const uploads: number[] = [];
  const api = {
    uploadSamples: async (_id: string, [batch]: ActivityBatch[]) => {
      uploads.push(batch.start);
      await memory.server.uploadBatch(batch);
      return {};
    },
    updateBandSettings: () => Promise.resolve({}),
    getBand: () => Promise.resolve(BAND),
    getSync: async () => ({ cursor: await memory.server.getCursor() }),
    getToday: () => Promise.resolve(null),
  } as unknown as ApiClient;
  const caught = await catchUp(api, {
    bandId: BAND_ID,
    now: () => NOW,
    locks: oneProcessLocks,
  });
  assert.equal(caught.minutesUploaded, 3 * 1440);
  assert.equal(uploads.length, batches.length);
  assert.equal(memory.minutes.size, 3 * 1440);
  assert.deepEqual(await listOutbox(db, BAND_ID), []);

  // The sync online owes the band its acknowledgement: it starts a minute back.
  const online = await createOnlineSyncServer(memory.server, BAND_ID);
  const synced = await runSync(second.band, online, { now: () => NOW });
  await online.settle();
  assert.equal(second.sim.state.syncedMinutes, 3 * 1440);
  assert.equal(synced.minutesDone, 1);
  assert.equal(online.rereadMinutes(), 1);
  assert.equal(memory.minutes.size, 3 * 1440, "no minute stored twice");
  assert.equal(memory.unchanged(), 1, "one minute read again, as unchanged");
  second.band.disconnect();
  await forgetEverything();
});
