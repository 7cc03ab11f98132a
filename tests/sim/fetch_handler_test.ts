import assert from "node:assert/strict";
import type { ActivitySample } from "../../lib/protocol/activity_sample.ts";
import {
  CHARACTERISTIC as C,
  SERVICE as S,
} from "../../lib/protocol/constants.ts";
import { parseWorkoutSummary } from "../../lib/protocol/workouts.ts";
import type { BandBehaviour } from "../../lib/sim/band_context.ts";
import { VirtualBand } from "../../lib/sim/virtual_band.ts";
import {
  ANSWER,
  CHALLENGE,
  hex,
  ManualScheduler,
  recordNotifications,
} from "./_helpers.ts";

// §30.8: six samples from 2024-03-10 00:00 local, UTC+1.
const START = Date.UTC(2024, 2, 9, 23, 0);
const SAMPLES = [
  "50 15 00 ff",
  "50 16 00 ff",
  "01 40 0f ff",
  "01 50 21 48",
  "01 64 4c 5f",
  "5a 00 00 ff",
].map(
  (h): ActivitySample => {
    const [kind, intensity, steps, heartRate] = hex(h);
    return { kind, intensity, steps, heartRate };
  },
);

async function authedBand(
  samples: ActivitySample[],
  behaviour: Partial<BandBehaviour> = {},
): Promise<VirtualBand> {
  const band = new VirtualBand({
    now: () => START,
    randomBytes: () => CHALLENGE.slice(),
    scheduler: new ManualScheduler(),
    utcOffsetMinutes: 60,
    history: { start: START, utcOffsetMinutes: 60, samples },
    behaviour,
  });
  band.connect();
  band.startNotifications(S.miBand2, C.auth);
  await band.write(S.miBand2, C.auth, hex("02 00"), false);
  const answer = new Uint8Array(18);
  answer.set([3, 0]);
  answer.set(ANSWER, 2);
  await band.write(S.miBand2, C.auth, answer, false);
  band.startNotifications(S.miBand1, C.fetchControl);
  band.startNotifications(S.miBand1, C.fetchData);
  return band;
}

const write = (band: VirtualBand, bytes: string) =>
  band.write(S.miBand1, C.fetchControl, hex(bytes), false);

Deno.test("fetch replays the §30.8 exchange byte for byte", async () => {
  const band = await authedBand(SAMPLES);
  const log = recordNotifications(band);
  await write(band, "01 01 e8 07 03 0a 00 00 00 04");
  await write(band, "02");
  await write(band, "03");
  assert.deepEqual(log, [
    [C.fetchControl, "10 01 01 06 00 00 00 e8 07 03 0a 00 00 00 04"],
    [C.fetchData, "00 50 15 00 ff 50 16 00 ff 01 40 0f ff 01 50 21 48"],
    [C.fetchData, "01 01 64 4c 5f 5a 00 00 ff"],
    [C.fetchControl, "10 02 01"],
    [C.fetchControl, "10 03 01"],
  ]);
  assert.equal(band.state.syncedMinutes, 6);
});

Deno.test("fetch starts at the first stored minute at or after the request", async () => {
  const band = await authedBand(SAMPLES);
  const log = recordNotifications(band);
  await write(band, "01 01 e8 07 03 0a 00 04 00 04");
  assert.deepEqual(log, [[
    C.fetchControl,
    "10 01 01 02 00 00 00 e8 07 03 0a 00 04 00 04",
  ]]);
});

Deno.test("fetch with nothing newer answers count 0 and the requested stamp", async () => {
  const band = await authedBand(SAMPLES);
  const log = recordNotifications(band);
  await write(band, "01 01 e8 07 03 0a 00 06 00 04");
  assert.deepEqual(log, [[
    C.fetchControl,
    "10 01 01 00 00 00 00 e8 07 03 0a 00 06 00 04",
  ]]);
});

Deno.test("fetch refuses a second start while one is running with 10 01 02", async () => {
  const band = await authedBand(SAMPLES);
  await write(band, "01 01 e8 07 03 0a 00 00 00 04");
  const log = recordNotifications(band);
  await write(band, "01 01 e8 07 03 0a 00 00 00 04");
  assert.deepEqual(log, [[C.fetchControl, "10 01 02"]]);
});

Deno.test("fetch answers 02 without a pending start with 10 02 04", async () => {
  const band = await authedBand(SAMPLES);
  const log = recordNotifications(band);
  await write(band, "02");
  assert.deepEqual(log, [[C.fetchControl, "10 02 04"]]);
});

Deno.test("fetch limits a batch to fetchBatchLimit samples", async () => {
  const samples = Array.from(
    { length: 3000 },
    (): ActivitySample => ({ kind: 1, intensity: 2, steps: 3, heartRate: 255 }),
  );
  const band = await authedBand(samples);
  const log = recordNotifications(band);
  await write(band, "01 01 e8 07 03 0a 00 00 00 04");
  await write(band, "02");
  assert.equal(log[0][1], "10 01 01 a0 05 00 00 e8 07 03 0a 00 00 00 04");
  const packets = log.filter(([c]) => c === C.fetchData);
  assert.equal(packets.length, 360);
  assert.equal(packets[256][1].slice(0, 2), "00");
  assert.deepEqual(log.at(-1), [C.fetchControl, "10 02 01"]);
});

Deno.test("fetch packs 61 samples per packet when configured for MTU 247", async () => {
  const samples = Array.from(
    { length: 130 },
    (): ActivitySample => ({ kind: 1, intensity: 2, steps: 3, heartRate: 255 }),
  );
  const band = await authedBand(samples, { samplesPerPacket: 61 });
  const log = recordNotifications(band);
  await write(band, "01 01 e8 07 03 0a 00 00 00 04");
  await write(band, "02");
  const lengths = log.filter(([c]) => c === C.fetchData).map(([, h]) =>
    hex(h).length
  );
  assert.deepEqual(lengths, [245, 245, 33]);
});

Deno.test("fetch of workout summaries answers count 0 when none are stored", async () => {
  const band = await authedBand(SAMPLES);
  const log = recordNotifications(band);
  await write(band, "01 05 e8 07 03 0a 00 00 00 04");
  assert.deepEqual(log, [[
    C.fetchControl,
    "10 01 01 00 00 00 00 e8 07 03 0a 00 00 00 04",
  ]]);
});

Deno.test("refuseNextFetch makes one start answer busy", async () => {
  const band = await authedBand(SAMPLES);
  band.refuseNextFetch();
  const log = recordNotifications(band);
  await write(band, "01 01 e8 07 03 0a 00 00 00 04");
  await write(band, "01 01 e8 07 03 0a 00 00 00 04");
  assert.deepEqual(log.map(([, h]) => h.slice(0, 8)), ["10 01 02", "10 01 01"]);
});

Deno.test("fetch of sports summaries streams one workout per round", async () => {
  const band = await authedBand(SAMPLES);
  band.state.workouts = [{
    type: 1,
    start: START + 3_600_000,
    end: START + 5_400_000,
    steps: 4800,
    distanceMeters: 5000,
    calories: 330,
    averageHeartRate: 150,
    maxHeartRate: 172,
  }];
  const log = recordNotifications(band);
  await write(band, "01 05 e8 07 03 0a 00 00 00 04");
  await write(band, "02");
  assert.equal(log[0][1], "10 01 01 8c 00 00 00 e8 07 03 0a 01 00 00 04");
  const data = log.filter(([c]) => c === C.fetchData).map(([, h]) => hex(h));
  assert.deepEqual(data.map((p) => p[0]), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  const blob = new Uint8Array(data.flatMap((p) => [...p.subarray(1)]));
  const summary = parseWorkoutSummary(blob);
  assert.equal(summary.type, "outdoorRunning");
  assert.equal(summary.start, START + 3_600_000);
  assert.equal(summary.steps, 4800);
  assert.equal(summary.distanceMeters, 5000);
  assert.equal(summary.maxHeartRate, 172);
  assert.deepEqual(log.at(-1), [C.fetchControl, "10 02 01"]);
  log.length = 0;
  await write(band, "01 05 e8 07 03 0a 01 01 00 04");
  assert.deepEqual(log, [[
    C.fetchControl,
    "10 01 01 00 00 00 00 e8 07 03 0a 01 01 00 04",
  ]]);
});
