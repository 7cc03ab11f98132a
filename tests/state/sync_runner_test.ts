import assert from "node:assert/strict";
import type { ActivityBatch } from "../../lib/protocol/activity_sample.ts";
import {
  describeProgress,
  FIRST_SYNC_DAYS,
  formatMinutes,
  formatProgress,
  formatZone,
  runSync,
  type SyncProgress,
} from "../../lib/state/sync_runner.ts";
import { generateHistory } from "../../lib/sim/mod.ts";
import { connectSim, NOW } from "../ble/sim_setup.ts";
import { createMemoryServer } from "./memory_sync_server.ts";

const MINUTE = 60_000;

// Exactly `days` whole days of generated minutes ending at NOW.
function history(days: number): ActivityBatch {
  const full = generateHistory({ end: NOW, weeks: 1, seed: 3 }).batch;
  const keep = days * 1440;
  return {
    ...full,
    start: full.start + (full.samples.length - keep) * MINUTE,
    samples: full.samples.slice(-keep),
  };
}

Deno.test("runSync() stores every minute of three days and records battery, device info and band time", async () => {
  const keep = 3 * 1440;
  const { band, sim } = await connectSim({ history: history(3) });
  const memory = createMemoryServer();
  const seen: SyncProgress[] = [];
  const result = await runSync(band, memory.server, {
    now: () => NOW,
    onProgress: (p) => seen.push(p),
  });
  assert.equal(memory.minutes.size, keep);
  assert.equal(memory.cursor(), NOW);
  assert.equal(result.minutesDone, keep);
  assert.equal(result.daysDone, 3);
  assert.equal(result.batches, 3);
  assert.equal(result.fraction, 1);
  assert.equal(sim.state.syncedMinutes, keep);
  assert.deepEqual(memory.calls, [
    `battery ${sim.state.battery.level} false`,
    "info 1.0.9.70 0.25.19.5",
    "time 0 0",
  ]);
  // One report before the first batch and one after each batch, cursor moving forward.
  assert.equal(seen.length, 4);
  assert.equal(seen[0].cursor, NOW - FIRST_SYNC_DAYS * 1440 * MINUTE);
  assert.deepEqual(seen.slice(1).map((p) => p.minutesDone), [1440, 2880, 4320]);
  band.disconnect();
});

Deno.test("runSync() resumes from the server's cursor after a failed upload with no minute lost or duplicated", async () => {
  const batch = history(4);
  const { band, sim } = await connectSim({ history: batch });
  const memory = createMemoryServer({ failUploadAt: 3 });
  await assert.rejects(
    () => runSync(band, memory.server, { now: () => NOW }),
    /server is down/,
  );
  assert.equal(memory.minutes.size, 2 * 1440);
  // The band was not acknowledged for the failed batch.
  assert.equal(sim.state.syncedMinutes, 2 * 1440);
  band.disconnect();
  const again = await connectSim({ history: batch });
  const result = await runSync(again.band, memory.server, { now: () => NOW });
  assert.equal(result.minutesDone, 2 * 1440);
  assert.equal(memory.minutes.size, 4 * 1440);
  const expected = batch.samples.map((s) =>
    `${s.kind}/${s.intensity}/${s.steps}/${s.heartRate}`
  );
  const stored = [...memory.minutes.keys()].sort((a, b) => a - b).map((t) =>
    memory.minutes.get(t)
  );
  assert.deepEqual(stored, expected);
  again.band.disconnect();
});

Deno.test("runSync() stops at once when cancelled and leaves the cursor at the last stored batch", async () => {
  const { band } = await connectSim({ history: history(3) });
  const memory = createMemoryServer();
  const stop = new AbortController();
  await assert.rejects(
    () =>
      runSync(band, memory.server, {
        now: () => NOW,
        signal: stop.signal,
        onProgress: (p) => {
          if (p.minutesDone === 1440) stop.abort();
        },
      }),
    (err: Error & { code?: string }) => err.code === "cancelled",
  );
  assert.equal(memory.minutes.size, 1440);
  assert.equal(memory.cursor(), NOW - 2 * 1440 * MINUTE);
  band.disconnect();
});

Deno.test("describeProgress() computes share, minutes left and rate", () => {
  const since = Date.UTC(2024, 0, 1);
  const p = describeProgress(
    since,
    since + 1440 * MINUTE,
    since,
    since + 4 * 1440 * MINUTE,
    1440,
  );
  assert.deepEqual(p, {
    minutesDone: 1440,
    daysDone: 1,
    minutesLeft: 3 * 1440,
    fraction: 0.25,
    minutesPerSecond: 1440 / (4 * 1440 * 60),
    cursor: since + 1440 * MINUTE,
    workoutsDone: 0,
  });
});

Deno.test("formatProgress() and formatMinutes() put days, hours and the time left in words", () => {
  assert.equal(formatMinutes(0), "0 min");
  assert.equal(formatMinutes(45), "45 min");
  assert.equal(formatMinutes(1440 + 125), "1 day 2 h");
  assert.equal(formatMinutes(3 * 1440), "3 days");
  assert.equal(
    formatProgress({
      minutesDone: 2880,
      daysDone: 2,
      minutesLeft: 90,
      fraction: 0.9,
      minutesPerSecond: 20,
      cursor: 0,
      workoutsDone: 0,
    }, "en"),
    "2 days of history stored · 1 h 30 min to go · about 5 sec left",
  );
  assert.equal(
    formatProgress({
      minutesDone: 60,
      daysDone: 0,
      minutesLeft: 0,
      fraction: 1,
      minutesPerSecond: null,
      cursor: 0,
      workoutsDone: 2,
    }, "en"),
    "1 h of history stored · up to date · 2 workouts stored",
  );
});

Deno.test("formatZone() writes quarter hours as UTC offsets", () => {
  assert.equal(formatZone(0), "UTC+00:00");
  assert.equal(formatZone(22), "UTC+05:30");
  assert.equal(formatZone(-14), "UTC-03:30");
});
