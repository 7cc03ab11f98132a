import assert from "node:assert/strict";
import { storeReadings } from "../../lib/db/readings.ts";
import { loadDayView } from "../../lib/history/day_view_data.ts";
import { loadRangeView } from "../../lib/history/range_view_data.ts";
import { labelWorkoutType } from "../../lib/history/workout_label.ts";

const TZ = "Europe/Berlin";
const NOW = Date.UTC(2024, 2, 20);

function workout(time: number, minutes: number, type: number) {
  return {
    time,
    end: time + minutes * 60_000,
    type,
    steps: null,
    distanceMeters: null,
    calories: null,
    averageHeartRate: null,
    maxHeartRate: null,
    raw: null,
  };
}

// Berlin is UTC+1 in early March: local 2024-03-05 runs 23:00 UTC on the 4th
// to 23:00 UTC on the 5th.
const BEFORE = workout(Date.UTC(2024, 2, 4, 22, 30), 45, 1);
const EARLY = workout(Date.UTC(2024, 2, 4, 23, 10), 20, 3);
const EVENING = workout(Date.UTC(2024, 2, 5, 17, 0), 60, 4);
const NEXT_WEEK = workout(Date.UTC(2024, 2, 11, 8, 0), 30, 1);

async function withReadings(fn: (kv: Deno.Kv) => Promise<void>) {
  const kv = await Deno.openKv(":memory:");
  try {
    await storeReadings(kv, "workouts", "b", [
      EVENING,
      BEFORE,
      EARLY,
      NEXT_WEEK,
    ]);
    await storeReadings(kv, "heart_rate", "b", [
      { time: Date.UTC(2024, 2, 5, 9, 15), bpm: 72 },
      { time: Date.UTC(2024, 2, 4, 22, 59), bpm: 58 },
      { time: Date.UTC(2024, 2, 5, 6, 2), bpm: 64 },
    ]);
    await fn(kv);
  } finally {
    kv.close();
  }
}

Deno.test("loadDayView() lists the workouts that started that local day, earliest first", async () => {
  await withReadings(async (kv) => {
    const day = await loadDayView(kv, "b", {
      day: "2024-03-05",
      timeZone: TZ,
      now: NOW,
    });
    assert.deepEqual(day.workouts, [EARLY, EVENING]);
  });
});

Deno.test("loadDayView() lists the day's on-demand heart-rate measurements, earliest first", async () => {
  await withReadings(async (kv) => {
    const day = await loadDayView(kv, "b", {
      day: "2024-03-05",
      timeZone: TZ,
      now: NOW,
    });
    assert.deepEqual(day.measurements, [
      { time: Date.UTC(2024, 2, 5, 6, 2), bpm: 64 },
      { time: Date.UTC(2024, 2, 5, 9, 15), bpm: 72 },
    ]);
  });
});

Deno.test("loadRangeView() counts the workouts that started in the period", async () => {
  await withReadings(async (kv) => {
    const week = await loadRangeView(kv, "b", {
      from: "2024-03-04",
      to: "2024-03-10",
      timeZone: TZ,
      now: NOW,
    });
    assert.equal(week.workoutCount, 3);
    const next = await loadRangeView(kv, "b", {
      from: "2024-03-11",
      to: "2024-03-17",
      timeZone: TZ,
      now: NOW,
    });
    assert.equal(next.workoutCount, 1);
  });
});

Deno.test("labelWorkoutType() names known codes and keeps the number of unknown ones", () => {
  assert.equal(labelWorkoutType(1), "Outdoor running");
  assert.equal(labelWorkoutType(0x15), "Jump rope");
  assert.equal(labelWorkoutType(99), "Workout (type 99)");
});
