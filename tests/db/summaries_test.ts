import assert from "node:assert/strict";
import { computeDayFigures } from "../../lib/db/summaries.ts";
import {
  countReadings,
  estimateRestingHeartRate,
} from "../../lib/minute/heart_rate_figures.ts";
import {
  createEmptyDay,
  mergeMinute,
  readMinute,
  toUtcDay,
} from "../../lib/db/sample_day.ts";

const DAY = Date.UTC(2024, 0, 15);

function packOf(
  minutes: [number, number, number, number, number][],
  utcDay = toUtcDay(DAY),
  packs = new Map<number, Uint8Array>(),
) {
  const pack = packs.get(utcDay) ?? createEmptyDay();
  for (const [index, kind, intensity, steps, hr] of minutes) {
    mergeMinute(
      pack,
      index,
      new Uint8Array([kind, intensity, steps, hr]),
      0,
      0,
    );
  }
  packs.set(utcDay, pack);
  return packs;
}

function summarizeDay(
  packs: Map<number, Uint8Array>,
  day: string,
  timeZone: string,
) {
  const [figures] = computeDayFigures(packs, { from: day, to: day, timeZone });
  return figures ?? null;
}

Deno.test("computeDayFigures() resolves inherited kinds and counts activity and wear", () => {
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
  const result = summarizeDay(packs, "2024-01-15", "UTC")!;
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
    // Four sleeping minutes are no session: a day's sleep counts sessions only.
    lightSleepMinutes: 0,
    deepSleepMinutes: 0,
    heartRate: { min: 50, mean: 68, max: 100 },
    restingHeartRate: null,
    sleep: [],
  });
  assert.equal(result.hours.length, 24);
  assert.equal(result.hours[0].lightSleepMinutes, 2);
  assert.equal(result.hours[1].steps, 45);
  assert.equal(result.hours[1].start, DAY + 3_600_000);
  assert.equal(result.hours[2].minutesRecorded, 0);
});

Deno.test("computeDayFigures() has no figures for a day with no minutes", () => {
  assert.equal(summarizeDay(new Map(), "2024-01-15", "UTC"), null);
});

Deno.test("estimateRestingHeartRate() averages the lowest tenth, at least five, of calm readings", () => {
  const twenty = Array.from({ length: 20 }, (_, i) => 79 - i);
  assert.equal(estimateRestingHeartRate(countReadings(twenty), 20), 62);
  const hundred = Array.from({ length: 100 }, (_, i) => 50 + i);
  // Lowest ten: 50..59, mean 54.5, rounded.
  assert.equal(estimateRestingHeartRate(countReadings(hundred), 100), 55);
  assert.equal(
    estimateRestingHeartRate(countReadings([60, 61, 62, 63]), 4),
    null,
  );
});

Deno.test("computeDayFigures() counts a night for the morning it ends, from the evening before", () => {
  // 2024-01-14 22:00 to 2024-01-15 06:00 UTC: 4 h light, 4 h deep, then walking.
  const packs = new Map<number, Uint8Array>();
  const evening: [number, number, number, number, number][] = [];
  for (let i = 22 * 60; i < 1440; i++) {
    evening.push([i, i === 1320 ? 0x09 : 0x70, 0, 0, 0xff]);
  }
  packOf(evening, toUtcDay(DAY) - 1, packs);
  const morning: [number, number, number, number, number][] = [];
  for (let i = 0; i < 8 * 60; i++) {
    morning.push([
      i,
      i === 120 ? 0x0b : i === 360 ? 0x01 : 0x60,
      0,
      i >= 360 ? 20 : 0,
      i < 360 ? 48 + (i % 5) : 0xff,
    ]);
  }
  packOf(morning, toUtcDay(DAY), packs);
  const [before, day] = computeDayFigures(packs, {
    from: "2024-01-14",
    to: "2024-01-15",
    timeZone: "UTC",
  });
  assert.equal(before.day.lightSleepMinutes, 0);
  assert.deepEqual(before.day.sleep, []);
  assert.equal(day.day.lightSleepMinutes, 240);
  assert.equal(day.day.deepSleepMinutes, 240);
  assert.equal(day.day.sleep.length, 1);
  assert.equal(day.day.sleep[0].bedtime, DAY - 2 * 3_600_000);
  assert.equal(day.day.activeMinutes, 120);
  // Calm readings 48..52, 72 of each: the lowest 36 are all 48.
  assert.equal(day.day.restingHeartRate, 48);
});

Deno.test("computeDayFigures() counts a minute with no kind before it as unknown, not worn", () => {
  const packs = packOf([
    [0, 0x50, 0, 0, 0xff], // nothing explicit in the day before: unknown
    [1, 0x01, 0, 0, 0xff], // idle
  ]);
  const figures = summarizeDay(packs, "2024-01-15", "UTC")!;
  assert.equal(figures.day.minutesRecorded, 2);
  assert.equal(figures.day.wornMinutes, 1);
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

Deno.test("computeDayFigures() counts idle walking-kind minutes as worn, not active", () => {
  const packs = packOf([
    [600, 0x01, 20, 0, 0xff], // activity kind but no steps: sitting
    [601, 0x50, 5, 0, 0xff], // inherits activity, still no steps
    [602, 0x50, 80, 30, 0xff], // inherits activity, walking
    [603, 0x02, 120, 0, 0xff], // running (no step count this minute)
    [604, 0x04, 90, 0, 0xff], // cycling
    [605, 0x0c, 40, 12, 0xff], // woke up and walked
  ]);
  const result = summarizeDay(packs, "2024-01-15", "UTC")!;
  assert.equal(result.day.activeMinutes, 4);
  assert.equal(result.day.wornMinutes, 6);
});
