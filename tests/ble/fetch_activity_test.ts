import assert from "node:assert/strict";
import type {
  ActivityBatch,
  ActivitySample,
} from "../../lib/protocol/activity_sample.ts";
import { CHARACTERISTIC } from "../../lib/protocol/constants.ts";
import { BleError } from "../../lib/ble/errors.ts";
import { MiBand4 } from "../../lib/ble/mi_band4.ts";
import { SimTransport } from "../../lib/sim/sim_transport.ts";
import type { VirtualBandOptions } from "../../lib/sim/virtual_band.ts";
import { connectSim, NOW, TEST_KEY } from "./sim_setup.ts";

const MINUTE = 60_000;

/** Deterministic history of `count` minutes ending at NOW, in a UTC+1 band. */
function makeHistory(count: number, utcOffsetMinutes = 60): ActivityBatch {
  const samples: ActivitySample[] = [];
  for (let i = 0; i < count; i++) {
    samples.push({
      kind: (i * 7) % 256,
      intensity: (i * 13) % 256,
      steps: i % 200,
      heartRate: i % 5 === 0 ? 60 + (i % 90) : 0xff,
    });
  }
  return { start: NOW - count * MINUTE, utcOffsetMinutes, samples };
}

/** Collects persisted batches and checks they are contiguous with no overlap. */
class Store {
  batches: ActivityBatch[] = [];
  failOn = -1;
  persist = (batch: ActivityBatch): Promise<void> => {
    if (this.batches.length === this.failOn) {
      return Promise.reject(new Error("Cannot store batch: disk full"));
    }
    this.batches.push(batch);
    return Promise.resolve();
  };
  get samples(): ActivitySample[] {
    for (let i = 1; i < this.batches.length; i++) {
      const prev = this.batches[i - 1];
      assert.equal(
        this.batches[i].start,
        prev.start + prev.samples.length * MINUTE,
        "batches must be contiguous",
      );
    }
    return this.batches.flatMap((b) => b.samples);
  }
}

async function rig(
  count: number,
  behaviour: VirtualBandOptions["behaviour"] = {},
) {
  const history = makeHistory(count);
  const r = await connectSim({
    history,
    utcOffsetMinutes: 60,
    behaviour: { fetchBatchLimit: 1440, ...behaviour },
  });
  return { ...r, history };
}

Deno.test("fetchActivity() gets every minute in band batches, placed in time, and acknowledges each", async () => {
  const { band, sim, history } = await rig(3 * 1440 + 100);
  const store = new Store();
  const progress: number[] = [];
  const result = await band.fetchActivity({
    since: history.start - 5 * 86_400_000,
    persist: store.persist,
    onProgress: (p) => progress.push(p.samples),
  });
  assert.equal(store.batches.length, 4);
  assert.equal(store.batches[0].start, history.start);
  assert.equal(store.batches[0].utcOffsetMinutes, 60);
  assert.deepEqual(store.samples, history.samples);
  assert.deepEqual(progress, [1440, 2880, 4320, 4420]);
  assert.deepEqual(result, { batches: 4, samples: 4420, nextSince: NOW });
  assert.equal(sim.state.syncedMinutes, 4420);
  band.disconnect();
});

Deno.test("fetchActivity() resumes from a given minute and reads the band's time zone", async () => {
  const { band, history } = await rig(500);
  const store = new Store();
  const since = history.start + 123 * MINUTE;
  await band.fetchActivity({ since, persist: store.persist });
  assert.equal(store.batches[0].start, since);
  assert.deepEqual(store.samples, history.samples.slice(123));
  band.disconnect();
});

Deno.test("fetchActivity() splits packets by length when the band sends many samples per packet", async () => {
  const { band, history } = await rig(1000, { samplesPerPacket: 61 });
  const store = new Store();
  await band.fetchActivity({ since: history.start, persist: store.persist });
  assert.deepEqual(store.samples, history.samples);
  band.disconnect();
});

Deno.test("fetchActivity() with keepOnBand never sends the acknowledgement", async () => {
  const { band, sim, history, link } = await rig(2000);
  const acks: number[] = [];
  const unhook = sim.onNotification((_s, c, v) => {
    if (c === CHARACTERISTIC.fetchControl && v[1] === 0x03) acks.push(v[2]);
  });
  const store = new Store();
  await band.fetchActivity({
    since: history.start,
    persist: store.persist,
    keepOnBand: true,
  });
  unhook();
  assert.deepEqual(store.samples, history.samples);
  assert.deepEqual(acks, []);
  assert.equal(sim.state.syncedMinutes, 0);
  assert.equal(link.connected, true);
  band.disconnect();
});

Deno.test("fetchActivity() does not acknowledge a batch whose persist() rejected", async () => {
  const { band, sim, history } = await rig(3000);
  const store = new Store();
  store.failOn = 1;
  await assert.rejects(
    band.fetchActivity({ since: history.start, persist: store.persist }),
    {
      message: "Cannot store batch: disk full",
    },
  );
  assert.equal(sim.state.syncedMinutes, 1440);
  store.failOn = -1;
  const resumed = await band.fetchActivity({
    since: history.start + 1440 * MINUTE,
    persist: store.persist,
  });
  assert.deepEqual(store.samples, history.samples);
  assert.equal(resumed.samples, 3000 - 1440);
  assert.equal(sim.state.syncedMinutes, 3000);
  band.disconnect();
});

Deno.test("fetchActivity() rejects with a disconnected BleError mid-transfer and a resume loses no minute", async () => {
  const { band, sim, history, link } = await rig(3000);
  const store = new Store();
  // 1440 samples = 360 packets per batch; the drop hits the second batch's stream.
  link.faults.dropLinkAfterPackets(360 + 2 + 100);
  await assert.rejects(
    band.fetchActivity({ since: history.start, persist: store.persist }),
    (err: unknown) => {
      assert.ok(err instanceof BleError);
      assert.equal(err.code, "disconnected");
      return true;
    },
  );
  assert.equal(store.batches.length, 1);
  assert.equal(sim.state.syncedMinutes, 1440);
  const again = await MiBand4.connect(new SimTransport(sim), {
    authKey: TEST_KEY,
    now: () => NOW,
  });
  const last = store.batches.at(-1)!;
  await again.fetchActivity({
    since: last.start + last.samples.length * MINUTE,
    persist: store.persist,
  });
  assert.deepEqual(store.samples, history.samples);
  assert.equal(sim.state.syncedMinutes, 3000);
  again.disconnect();
});

for (const fault of ["loseNotification", "duplicateNotification"] as const) {
  Deno.test(`fetchActivity() stops with a protocol BleError on a packet counter fault (${fault}), unacknowledged`, async () => {
    const { band, sim, history, link } = await rig(2000);
    const store = new Store();
    link.faults[fault]({
      characteristic: CHARACTERISTIC.fetchData,
      index: 400,
    });
    await assert.rejects(
      band.fetchActivity({ since: history.start, persist: store.persist }),
      (err: unknown) => {
        assert.ok(err instanceof BleError);
        assert.equal(err.code, "protocol");
        assert.match(
          err.message,
          /^Cannot accumulate activity: (gap|duplicate) in packet sequence/,
        );
        return true;
      },
    );
    assert.equal(store.batches.length, 1);
    assert.equal(sim.state.syncedMinutes, 1440);
    band.disconnect();
  });
}

Deno.test("fetchActivity() reports a busy band as band_busy", async () => {
  const { band, sim, history } = await rig(100);
  sim.refuseNextFetch();
  await assert.rejects(
    band.fetchActivity({
      since: history.start,
      persist: () => Promise.resolve(),
    }),
    {
      code: "band_busy",
      message:
        "Cannot start history fetch: the band is already sending history (status 02)",
    },
  );
  band.disconnect();
});

Deno.test("fetchActivity() can be cancelled and acknowledges nothing it did not store", async () => {
  const { band, sim, history } = await rig(3000);
  const controller = new AbortController();
  const store = new Store();
  const persist = async (batch: ActivityBatch) => {
    await store.persist(batch);
    controller.abort();
  };
  await assert.rejects(
    band.fetchActivity({
      since: history.start,
      persist,
      signal: controller.signal,
    }),
    { code: "cancelled" },
  );
  assert.equal(store.batches.length, 1);
  assert.ok(sim.state.syncedMinutes <= 1440);
  band.disconnect();
});

Deno.test("fetchActivity() on an empty band stores nothing", async () => {
  const { band } = await rig(0);
  const store = new Store();
  const result = await band.fetchActivity({
    since: NOW - 86_400_000,
    persist: store.persist,
  });
  assert.deepEqual(result, {
    batches: 0,
    samples: 0,
    nextSince: NOW - 86_400_000,
  });
  assert.equal(store.batches.length, 0);
  band.disconnect();
});

Deno.test("fetchActivity(): a drop on the ack write leaves the batch stored, unacknowledged, and a resume duplicates nothing", async () => {
  const { band, sim, history, link } = await rig(2000);
  const store = new Store();
  link.faults.dropLinkOnWrite({
    characteristic: CHARACTERISTIC.fetchControl,
    prefix: [0x03],
  });
  await assert.rejects(
    band.fetchActivity({ since: history.start, persist: store.persist }),
    { code: "disconnected" },
  );
  assert.equal(store.batches.length, 1);
  assert.equal(sim.state.syncedMinutes, 0);
  const again = await MiBand4.connect(new SimTransport(sim), {
    authKey: TEST_KEY,
    now: () => NOW,
  });
  const last = store.batches.at(-1)!;
  await again.fetchActivity({
    since: last.start + last.samples.length * MINUTE,
    persist: store.persist,
  });
  assert.deepEqual(store.samples, history.samples);
  again.disconnect();
});

Deno.test("fetchActivity(): a drop on the start write rejects with disconnected before anything is stored", async () => {
  const { band, sim, history, link } = await rig(500);
  const store = new Store();
  link.faults.dropLinkOnWrite({
    characteristic: CHARACTERISTIC.fetchControl,
    prefix: [0x01],
  });
  await assert.rejects(
    band.fetchActivity({ since: history.start, persist: store.persist }),
    { code: "disconnected" },
  );
  assert.equal(store.batches.length, 0);
  assert.equal(sim.state.syncedMinutes, 0);
});

Deno.test("fetchActivity(): a lost end-of-transfer reply ends in a timeout and that batch is not acknowledged", async () => {
  const { band, sim, history, link } = await rig(3000);
  const store = new Store();
  // Control replies: start, end, ack (round 1), start, end (round 2) — lose the second end.
  link.faults.loseNotification({
    characteristic: CHARACTERISTIC.fetchControl,
    index: 4,
  });
  await assert.rejects(
    band.fetchActivity({
      since: history.start,
      persist: store.persist,
      timeoutMs: 40,
    }),
    {
      code: "timeout",
      message:
        "Cannot get the end of the transfer from the band: no answer within 40 ms",
    },
  );
  assert.equal(store.batches.length, 1);
  assert.equal(sim.state.syncedMinutes, 1440);
  band.disconnect();
});

Deno.test("fetchActivity(): replies slower than the timeout end in a timeout before anything is stored", async () => {
  const { band, sim, history, link } = await rig(500);
  link.faults.delayReplies(100);
  const store = new Store();
  await assert.rejects(
    band.fetchActivity({
      since: history.start,
      tzQuarterHours: 4,
      persist: store.persist,
      timeoutMs: 30,
    }),
    { code: "timeout" },
  );
  assert.equal(store.batches.length, 0);
  assert.equal(sim.state.syncedMinutes, 0);
  await new Promise((r) => setTimeout(r, 150));
  band.disconnect();
});
