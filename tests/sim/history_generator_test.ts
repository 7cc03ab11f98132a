import assert from "node:assert/strict";
import { generateHistory } from "../../lib/sim/history_generator.ts";

const END = Date.UTC(2024, 2, 10, 12, 0, 30);

Deno.test("generateHistory returns exactly weeks × 10080 minutes ending at the minute before end", () => {
  const { batch } = generateHistory({ end: END, weeks: 8 });
  assert.equal(batch.samples.length, 80_640);
  assert.equal(batch.start, Date.UTC(2024, 2, 10, 12, 0) - 80_640 * 60_000);
  assert.equal(batch.utcOffsetMinutes, 0);
});

Deno.test("generateHistory is deterministic for a seed and differs between seeds", () => {
  const a = generateHistory({ end: END, weeks: 1, seed: 7 });
  const b = generateHistory({ end: END, weeks: 1, seed: 7 });
  const c = generateHistory({ end: END, weeks: 1, seed: 8 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.batch.samples, c.batch.samples);
});

Deno.test("generateHistory keeps every byte in range and plausible per kind", () => {
  const { batch } = generateHistory({ end: END, weeks: 2, seed: 5 });
  for (const s of batch.samples) {
    for (const v of [s.kind, s.intensity, s.steps, s.heartRate]) {
      assert.ok(Number.isInteger(v) && v >= 0 && v <= 255);
    }
    const low = s.kind & 0x0f;
    if (low === 0x09 || low === 0x0b || low === 0x03 || low === 0x06) {
      assert.equal(s.steps, 0);
    }
    if (low === 0x03 || low === 0x06) assert.equal(s.heartRate, 0xff);
    if (s.heartRate !== 0xff) {
      assert.ok(s.heartRate >= 40 && s.heartRate <= 190, `hr ${s.heartRate}`);
    }
    if (low === 0x02) assert.ok(s.steps >= 150 && s.steps <= 180);
  }
});

Deno.test("generateHistory puts a night of light and deep sleep into every day", () => {
  const { batch } = generateHistory({
    end: Date.UTC(2024, 2, 10),
    weeks: 1,
    seed: 11,
    utcOffsetMinutes: 60,
  });
  const samples = batch.samples;
  // Local 03:00 of each day is asleep: the kind of the last explicit class (GB's inheritance).
  for (let day = 1; day < 7; day++) {
    const at = day * 1440 + 3 * 60 - 60;
    let k = 0;
    for (let i = at; i >= 0 && k === 0; i--) {
      const low = samples[i].kind & 0x0f;
      if (low !== 0 && low !== 0x0a) k = low;
    }
    assert.ok(k === 0x09 || k === 0x0b || k === 0x0c, `day ${day}: ${k}`);
  }
  const kinds = new Set(samples.map((s) => s.kind));
  for (const expected of [0x09, 0x0b, 0x70, 0x60, 0x50, 0x01, 0x02, 0x03]) {
    assert.ok(kinds.has(expected), expected.toString(16));
  }
});

Deno.test("generateHistory takes heart rate at the all-day interval when worn", () => {
  const { batch } = generateHistory({
    end: END,
    weeks: 1,
    seed: 2,
    heartRateIntervalMinutes: 10,
  });
  const first = batch.start / 60_000;
  let onGrid = 0;
  batch.samples.forEach((s, i) => {
    if (
      (first + i) % 10 === 0 && (s.kind & 0x0f) !== 3 && (s.kind & 0x0f) !== 6
    ) {
      onGrid++;
      assert.notEqual(s.heartRate, 0xff);
    }
  });
  assert.ok(onGrid > 900);
  const off = generateHistory({
    end: END,
    weeks: 1,
    seed: 2,
    heartRateIntervalMinutes: 0,
  });
  assert.ok(
    off.batch.samples.every((s) =>
      s.heartRate === 0xff || (s.kind & 0x0f) === 2
    ),
  );
});

Deno.test("generateHistory records runs as workouts inside the history, with matching samples", () => {
  const { batch, workouts } = generateHistory({ end: END, weeks: 4, seed: 9 });
  assert.ok(
    workouts.length >= 8 && workouts.length <= 10,
    `${workouts.length} workouts`,
  );
  for (const w of workouts) {
    assert.equal(w.type, 1);
    assert.ok(
      w.start >= batch.start &&
        w.end <= batch.start + batch.samples.length * 60_000,
    );
    const from = (w.start - batch.start) / 60_000;
    const to = (w.end - batch.start) / 60_000;
    const steps = batch.samples.slice(from, to).reduce(
      (n, s) => n + s.steps,
      0,
    );
    assert.ok(Math.abs(steps - w.steps) < 200 * 25, `${steps} vs ${w.steps}`);
    assert.ok(w.maxHeartRate > w.averageHeartRate);
  }
});

Deno.test("generateHistory includes charging every sixth day", () => {
  const { batch } = generateHistory({ end: END, weeks: 2, seed: 4 });
  const charging = batch.samples.filter((s) => s.kind === 0x06).length;
  assert.ok(charging >= 120 && charging <= 300, `${charging} charging minutes`);
});
