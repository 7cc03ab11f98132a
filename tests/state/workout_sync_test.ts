import assert from "node:assert/strict";
import { BleError } from "../../lib/ble/errors.ts";
import { CHARACTERISTIC } from "../../lib/protocol/constants.ts";
import type { ActivityBatch } from "../../lib/protocol/activity_sample.ts";
import type { SimWorkout } from "../../lib/sim/sim_workout.ts";
import {
  runSync,
  type SyncBand,
  type SyncProgress,
} from "../../lib/state/sync_runner.ts";
import {
  toWorkoutReading,
  type WorkoutReading,
} from "../../lib/state/workout_sync.ts";
import { connectSim, NOW } from "../ble/sim_setup.ts";
import { createMemoryServer } from "./memory_sync_server.ts";

const MINUTE = 60_000;
const HOUR = 3_600_000;

// One hour of quiet minutes ending at NOW, so the activity part is one short batch.
const HOUR_OF_HISTORY: ActivityBatch = {
  start: NOW - HOUR,
  utcOffsetMinutes: 0,
  samples: Array.from(
    { length: 60 },
    () => ({ kind: 1, intensity: 10, steps: 0, heartRate: 255 }),
  ),
};

function workout(hoursAgo: number, type: number, steps: number): SimWorkout {
  const start = NOW - hoursAgo * HOUR;
  return {
    type,
    start,
    end: start + 30 * MINUTE,
    steps,
    distanceMeters: 4000 + steps,
    calories: 250,
    averageHeartRate: 131,
    maxHeartRate: 168,
  };
}

const WORKOUTS = [workout(50, 1, 5200), workout(26, 3, 3100)];

// Logs the band's acknowledgements (03 on the fetch control point) in `log`.
async function connectLogged(log: string[]) {
  const rig = await connectSim({
    history: HOUR_OF_HISTORY,
    workouts: WORKOUTS,
  });
  const write = rig.sim.write.bind(rig.sim);
  rig.sim.write = async (service, characteristic, bytes, withResponse) => {
    await write(service, characteristic, bytes, withResponse);
    if (characteristic === CHARACTERISTIC.fetchControl && bytes[0] === 0x03) {
      log.push("ack");
    }
  };
  return rig;
}

function logUploads(
  memory: ReturnType<typeof createMemoryServer>,
  log: string[],
) {
  const upload = memory.server.uploadWorkouts;
  memory.server.uploadWorkouts = async (list) => {
    log.push(`store ${list.map((w) => (w.time - NOW) / HOUR).join(",")}`);
    await upload(list);
    log.push("stored");
  };
}

Deno.test("runSync() stores each workout on the server before acknowledging it on the band", async () => {
  const log: string[] = [];
  const { band } = await connectLogged(log);
  const memory = createMemoryServer();
  logUploads(memory, log);
  const seen: SyncProgress[] = [];
  const result = await runSync(band, memory.server, {
    now: () => NOW,
    onProgress: (p) => seen.push(p),
  });
  // One ack for the hour of minutes, then store → ack for each workout in order.
  assert.deepEqual(log, [
    "ack",
    "store -50",
    "stored",
    "ack",
    "store -26",
    "stored",
    "ack",
  ]);
  assert.equal(result.workoutsDone, 2);
  assert.equal(result.minutesDone, 60);
  assert.deepEqual(result.notes, []);
  assert.deepEqual(seen.map((p) => p.workoutsDone), [0, 0, 1, 2]);
  assert.deepEqual(memory.workouts.get(WORKOUTS[0].start), {
    time: WORKOUTS[0].start,
    end: WORKOUTS[0].end,
    type: 1,
    steps: 5200,
    distanceMeters: 9200,
    calories: 250,
    averageHeartRate: 131,
    maxHeartRate: 168,
    raw: null,
  });
  band.disconnect();
});

Deno.test("runSync() asks only for workouts newer than the server's newest", async () => {
  const log: string[] = [];
  const { band } = await connectLogged(log);
  const memory = createMemoryServer({
    workouts: [toWorkoutReading(summaryOf(WORKOUTS[0]))],
  });
  logUploads(memory, log);
  const result = await runSync(band, memory.server, { now: () => NOW });
  assert.equal(result.workoutsDone, 1);
  assert.deepEqual(log.filter((e) => e.startsWith("store ")), ["store -26"]);
  assert.deepEqual([...memory.workouts.keys()].sort(), [
    WORKOUTS[0].start,
    WORKOUTS[1].start,
  ]);
  band.disconnect();
});

Deno.test("runSync() does not acknowledge a workout the server failed to store and still keeps the activity", async () => {
  const log: string[] = [];
  const { band } = await connectLogged(log);
  const memory = createMemoryServer({ failWorkoutUploadAt: 1 });
  logUploads(memory, log);
  const result = await runSync(band, memory.server, { now: () => NOW });
  assert.deepEqual(log, ["ack", "store -50"]);
  assert.equal(result.minutesDone, 60);
  assert.equal(memory.minutes.size, 60);
  assert.equal(result.workoutsDone, 0);
  assert.deepEqual(result.notes, ["Cannot store readings: server is down"]);
  assert.equal(memory.workouts.size, 0);
  // The next sync starts from the same workout, since nothing was stored.
  const again = await runSync(band, memory.server, { now: () => NOW });
  assert.equal(again.workoutsDone, 2);
  assert.deepEqual(log.slice(2).filter((e) => e !== "stored"), [
    "store -50",
    "ack",
    "store -26",
    "ack",
  ]);
  band.disconnect();
});

Deno.test("runSync() reports a refused workout fetch as a note after storing the activity", async () => {
  const { band } = await connectSim({ history: HOUR_OF_HISTORY });
  const refusing: SyncBand = {
    fetchActivity: (o) => band.fetchActivity(o),
    readBattery: () => band.readBattery(),
    readDeviceInfo: () => band.readDeviceInfo(),
    readTime: () => band.readTime(),
    fetchWorkouts: () =>
      Promise.reject(
        new BleError(
          "protocol",
          "Cannot fetch workouts: band answered 10 01 04",
        ),
      ),
  };
  const memory = createMemoryServer();
  const result = await runSync(refusing, memory.server, { now: () => NOW });
  assert.equal(memory.minutes.size, 60);
  assert.equal(result.workoutsDone, 0);
  assert.deepEqual(result.notes, [
    "Cannot fetch workouts: band answered 10 01 04",
  ]);
  band.disconnect();
});

Deno.test("runSync() rethrows a cancel during the workouts instead of noting it", async () => {
  const { band } = await connectSim({
    history: HOUR_OF_HISTORY,
    workouts: WORKOUTS,
  });
  const memory = createMemoryServer();
  const stop = new AbortController();
  await assert.rejects(
    () =>
      runSync(band, memory.server, {
        now: () => NOW,
        signal: stop.signal,
        onProgress: (p) => {
          if (p.workoutsDone === 1) stop.abort();
        },
      }),
    (err: Error & { code?: string }) => err.code === "cancelled",
  );
  assert.equal(memory.workouts.size, 1);
  band.disconnect();
});

Deno.test("toWorkoutReading() keeps the summary's figures and turns unmeasured heart rates into null", () => {
  const reading: WorkoutReading = toWorkoutReading({
    ...summaryOf(WORKOUTS[1]),
    averageHeartRate: 0,
    maxHeartRate: null,
  });
  assert.deepEqual(reading, {
    time: WORKOUTS[1].start,
    end: WORKOUTS[1].end,
    type: 3,
    steps: 3100,
    distanceMeters: 7100,
    calories: 250,
    averageHeartRate: null,
    maxHeartRate: null,
    raw: null,
  });
});

function summaryOf(w: SimWorkout) {
  return {
    version: 512,
    type: "unknown" as const,
    typeCode: w.type,
    start: w.start,
    end: w.end,
    baseLongitude: 0,
    baseLatitude: 0,
    baseAltitude: 0,
    steps: w.steps,
    activeSeconds: (w.end - w.start) / 1000,
    calories: w.calories,
    distanceMeters: w.distanceMeters,
    ascentMeters: 0,
    descentMeters: 0,
    averageHeartRate: w.averageHeartRate,
    maxHeartRate: w.maxHeartRate,
    minHeartRate: null,
    averagePaceSecondsPerKm: 0,
    averageStrideCm: 0,
  };
}
