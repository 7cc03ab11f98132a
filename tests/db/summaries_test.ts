import assert from "node:assert/strict";
import {
  estimateRestingHeartRate,
  summarizeLocalDay,
} from "../../lib/db/summaries.ts";
import {
  createEmptyDay,
  mergeMinute,
  readMinute,
  toUtcDay,
} from "../../lib/db/sample_day.ts";

const DAY = Date.UTC(2024, 0, 15);

function packOf(minutes: [number, number, number, number, number][]) {
  const pack = createEmptyDay();
  for (const [index, kind, intensity, steps, hr] of minutes) {
    mergeMinute(
      pack,
      index,
      new Uint8Array([kind, intensity, steps, hr]),
      0,
      0,
    );
  }
  return new Map([[toUtcDay(DAY), pack]]);
}

Deno.test("summarizeLocalDay() resolves inherited kinds and counts sleep, activity and wear", () => {
  const packs = packOf([
    [0, 0x09, 0, 0, 55], // light sleep
    [1, 0x50, 0, 0, 0xff], // no change: still light sleep
    [2, 0x0b, 0, 0, 50], // deep sleep
    [3, 0x5a, 0, 0, 0], // ignore: still deep sleep
    [60, 0x01, 90, 40, 100], // activity in hour 1
    [61, 0x10, 10, 5, 0xff], // no change: activity
    [62, 0x03, 0, 0, 0xff], // not worn
    [63, 0x06, 0, 0, 0xff], // charging
  ]);
  const result = summarizeLocalDay(packs, "2024-01-15", "UTC")!;
  assert.deepEqual(result.day, {
    day: "2024-01-15",
    start: DAY,
    end: DAY + 86_400_000,
    minutesRecorded: 8,
    steps: 45,
    distanceMeters: null,
    calories: null,
    activeMinutes: 2,
    wornMinutes: 6,
    lightSleepMinutes: 2,
    deepSleepMinutes: 2,
    heartRate: { min: 50, mean: 68, max: 100 },
    restingHeartRate: null,
  });
  assert.equal(result.hours.length, 24);
  assert.equal(result.hours[0].lightSleepMinutes, 2);
  assert.equal(result.hours[1].steps, 45);
  assert.equal(result.hours[1].start, DAY + 3_600_000);
  assert.equal(result.hours[2].minutesRecorded, 0);
});

Deno.test("summarizeLocalDay() returns null for a day with no minutes", () => {
  assert.equal(summarizeLocalDay(new Map(), "2024-01-15", "UTC"), null);
});

Deno.test("estimateRestingHeartRate() takes the 10th percentile of at least 10 readings", () => {
  assert.equal(
    estimateRestingHeartRate([70, 60, 90, 80, 55, 65, 75, 85, 95, 100]),
    55,
  );
  assert.equal(
    estimateRestingHeartRate([70, 60, 90, 80, 55, 65, 75, 85, 95, 100, 52]),
    55,
  );
  assert.equal(estimateRestingHeartRate([60, 61, 62]), null);
});

Deno.test("mergeMinute() fills a missing minute once and keeps the first real value", () => {
  const pack = createEmptyDay();
  assert.equal(readMinute(pack, 5), null);
  assert.equal(
    mergeMinute(pack, 5, new Uint8Array([1, 2, 3, 4]), 0, -300),
    "added",
  );
  assert.equal(
    mergeMinute(pack, 5, new Uint8Array([1, 2, 3, 4]), 0, -300),
    "unchanged",
  );
  assert.equal(
    mergeMinute(pack, 5, new Uint8Array([9, 9, 9, 9]), 0, -300),
    "conflicting",
  );
  assert.deepEqual(readMinute(pack, 5), {
    kind: 1,
    intensity: 2,
    steps: 3,
    heartRate: 4,
    utcOffsetMinutes: -300,
  });
});

Deno.test("summarizeLocalDay() counts idle walking-kind minutes as worn, not active", () => {
  const packs = packOf([
    [600, 0x01, 20, 0, 0xff], // activity kind but no steps: sitting
    [601, 0x50, 5, 0, 0xff], // inherits activity, still no steps
    [602, 0x50, 80, 30, 0xff], // inherits activity, walking
    [603, 0x02, 120, 0, 0xff], // running (no step count this minute)
    [604, 0x04, 90, 0, 0xff], // cycling
    [605, 0x0c, 40, 12, 0xff], // woke up and walked
  ]);
  const result = summarizeLocalDay(packs, "2024-01-15", "UTC")!;
  assert.equal(result.day.activeMinutes, 4);
  assert.equal(result.day.wornMinutes, 6);
});
