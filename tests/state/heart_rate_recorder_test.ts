import assert from "node:assert/strict";
import {
  type HeartRateReading,
  startHeartRateRecorder,
} from "../../lib/state/heart_rate_recorder.ts";
import { connectSim, NOW } from "../ble/sim_setup.ts";

// A band stand-in whose readings the test emits, and a timer the test ticks.
function createRig(options: { failStores?: number } = {}) {
  const listeners = new Set<(r: { bpm: number }) => void>();
  const source = {
    onHeartRate(listener: (r: { bpm: number }) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  let clock = NOW;
  let tick: (() => void) | null = null;
  let timerStopped = false;
  const stores: HeartRateReading[][] = [];
  const errors: string[] = [];
  let failures = options.failStores ?? 0;
  const recorder = startHeartRateRecorder(source, {
    now: () => clock,
    repeat: (task, ms) => {
      assert.equal(ms, 60_000);
      tick = task;
      return () => (timerStopped = true);
    },
    store: (readings) => {
      stores.push(readings);
      if (failures > 0) {
        failures--;
        return Promise.reject(new Error("Cannot store readings: offline"));
      }
      return Promise.resolve();
    },
    onError: (error) => errors.push((error as Error).message),
  });
  return {
    recorder,
    stores,
    errors,
    emit(bpm: number, at: number) {
      clock = at;
      for (const listener of listeners) listener({ bpm });
    },
    tick: () => tick?.(),
    listeners,
    timerStopped: () => timerStopped,
  };
}

Deno.test("HeartRateRecorder stores the minute's readings in one batch, once, keyed by whole second", async () => {
  const rig = createRig();
  rig.emit(72, NOW + 200);
  rig.emit(74, NOW + 900); // same second as 72: the first reading of a second stays
  rig.emit(0, NOW + 1500); // no skin contact: not a measurement
  rig.emit(80, NOW + 2300);
  assert.equal(rig.stores.length, 0);
  assert.equal(rig.recorder.pending, 2);
  rig.tick();
  assert.equal(await rig.recorder.flush(), 0);
  assert.deepEqual(rig.stores, [[
    { time: NOW, bpm: 72 },
    { time: NOW + 2000, bpm: 80 },
  ]]);
  assert.equal(rig.recorder.pending, 0);
  rig.tick();
  await rig.recorder.flush();
  assert.equal(rig.stores.length, 1);
});

Deno.test("HeartRateRecorder keeps a batch the server refused and sends it with the next", async () => {
  const rig = createRig({ failStores: 1 });
  rig.emit(65, NOW);
  await assert.rejects(() => rig.recorder.flush(), /offline/);
  assert.deepEqual(rig.errors, ["Cannot store readings: offline"]);
  assert.equal(rig.recorder.pending, 1);
  rig.emit(66, NOW + 60_000);
  assert.equal(await rig.recorder.flush(), 2);
  assert.deepEqual(rig.stores, [
    [{ time: NOW, bpm: 65 }],
    [{ time: NOW, bpm: 65 }, { time: NOW + 60_000, bpm: 66 }],
  ]);
});

Deno.test("HeartRateRecorder stop() stores what waits, stops the timer and ignores later readings", async () => {
  const rig = createRig();
  rig.emit(90, NOW + 5000);
  assert.equal(await rig.recorder.stop(), 1);
  assert.equal(rig.timerStopped(), true);
  assert.equal(rig.listeners.size, 0);
  rig.emit(91, NOW + 9000);
  assert.equal(rig.recorder.pending, 0);
  assert.deepEqual(rig.stores, [[{ time: NOW + 5000, bpm: 90 }]]);
});

Deno.test("HeartRateRecorder splits more than 200 readings into several requests", async () => {
  const rig = createRig();
  for (let i = 0; i < 250; i++) rig.emit(60 + (i % 50), NOW + i * 1000);
  assert.equal(await rig.recorder.flush(), 250);
  assert.deepEqual(rig.stores.map((s) => s.length), [200, 50]);
  assert.equal(rig.stores[1][49].time, NOW + 249_000);
});

Deno.test("HeartRateRecorder records the band's unsolicited readings over the simulated link", async () => {
  const { band, sim } = await connectSim();
  const stored: HeartRateReading[][] = [];
  const recorder = startHeartRateRecorder(band, {
    now: () => NOW,
    repeat: () => () => {},
    store: (readings) => {
      stored.push(readings);
      return Promise.resolve();
    },
  });
  sim.emitHeartRate(77);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(await recorder.stop(), 1);
  assert.deepEqual(stored, [[{ time: NOW, bpm: 77 }]]);
  band.disconnect();
});
