import assert from "node:assert/strict";
import { loadTodayView } from "../../lib/history/today_view.ts";
import { loadDayView } from "../../lib/history/day_view_data.ts";
import type { ActivitySample } from "../../lib/protocol/activity_sample.ts";
import { storeSampleRun } from "./_seed_history.ts";

const TZ = "Europe/Berlin";
const MINUTE = 60_000;

function run(kind: number, count: number, steps = 0): ActivitySample[] {
  return Array.from({ length: count }, () => ({
    kind,
    intensity: 5,
    steps,
    heartRate: 60,
  }));
}

// 2024-01-14 20:00 Berlin: 3 h awake, 5 h light sleep (one light minute, then
// minutes that carry its kind forward), 3 h deep across midnight, 1 h walking.
const START = Date.UTC(2024, 0, 14, 19, 0);
const NIGHT: ActivitySample[] = [
  ...run(0x01, 180),
  ...run(0x09, 1),
  ...run(0x70, 299),
  ...run(0x0b, 180),
  ...run(0x01, 60, 50),
];

Deno.test("loadTodayView() gives today's stored steps, last night's stages and the latest heart rate", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    await storeSampleRun(kv, "b", {
      start: START,
      utcOffsetMinutes: 60,
      samples: NIGHT,
    }, { timeZone: TZ, now: START + NIGHT.length * MINUTE });
    const now = Date.UTC(2024, 0, 15, 9, 0);
    const today = await loadTodayView(kv, "b", { timeZone: TZ, now });
    const day = await loadDayView(kv, "b", {
      day: "2024-01-15",
      timeZone: TZ,
      now,
    });
    assert.equal(today.day, "2024-01-15");
    assert.equal(today.steps, day.summary?.steps);
    assert.equal(today.steps, 3000);
    const bedtime = START + 180 * MINUTE;
    assert.deepEqual(today.lastNight, {
      bedtime,
      wakeTime: bedtime + 480 * MINUTE,
      asleepMinutes: 480,
      deepMinutes: 180,
      lightMinutes: 300,
      stages: [
        { start: bedtime, minutes: 300, stage: "light" },
        { start: bedtime + 300 * MINUTE, minutes: 180, stage: "deep" },
      ],
    });
    assert.deepEqual(today.latestHeartRate, {
      bpm: 60,
      time: START + (NIGHT.length - 1) * MINUTE,
    });
  } finally {
    kv.close();
  }
});

Deno.test("loadTodayView() reports an empty day without minutes", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const today = await loadTodayView(kv, "b", {
      timeZone: "UTC",
      now: Date.UTC(2026, 10, 30, 12),
    });
    assert.deepEqual(today, {
      day: "2026-11-30",
      timeZone: "UTC",
      steps: 0,
      activeMinutes: 0,
      restingHeartRate: null,
      latestHeartRate: null,
      lastNight: null,
      lastSyncAt: null,
    });
  } finally {
    kv.close();
  }
});
