import assert from "node:assert/strict";
import type { TodayView } from "../../lib/api/today_schemas.ts";
import type { OutboxBatch } from "../../lib/offline/offline_db.ts";
import { addOutboxToToday } from "../../lib/offline/outbox_today.ts";
import { encodeSampleData } from "../../lib/api/sample_data.ts";
import { ACTIVITY_KIND } from "../../lib/protocol/activity_kinds.ts";
import { startOfLocalDay } from "../../lib/time/zones.ts";
import { classifyMinute } from "../../lib/minute/minute_class.ts";
import type { ActivitySample } from "../../lib/minute/sample.ts";

const MINUTE = 60_000;
const ZONE = "America/New_York";
// 2026-03-08 is New York's spring-forward day: a 23-hour day.
const DAY = "2026-03-08";
const DAY_START = startOfLocalDay(DAY, ZONE);
const NOW = DAY_START + 20 * 60 * MINUTE;

function outbox(start: number, samples: ActivitySample[]): OutboxBatch {
  return {
    seq: 1,
    bandId: "a",
    start,
    utcOffsetMinutes: -300,
    data: encodeSampleData(samples),
    minutes: samples.length,
    at: NOW,
  };
}

function walk(minutes: number, steps: number): ActivitySample[] {
  return Array.from({ length: minutes }, (_, i) => ({
    kind: i === 0 ? ACTIVITY_KIND.activity : ACTIVITY_KIND.noChange,
    intensity: 30,
    steps: i % 2 === 0 ? steps : 0,
    heartRate: 90 + (i % 5),
  }));
}

const base: TodayView = {
  day: DAY,
  timeZone: ZONE,
  steps: 1000,
  activeMinutes: 12,
  restingHeartRate: 55,
  latestHeartRate: { bpm: 60, time: DAY_START + 60 * MINUTE },
  lastNight: null,
  lastSyncAt: DAY_START + 2 * 60 * MINUTE,
};

Deno.test("today from the outbox: adds only the outbox's minutes of the day after the server's cursor", () => {
  const cursor = DAY_START + 3 * 60 * MINUTE;
  // Starts an hour before the cursor (already counted by the server) and runs on.
  const samples = walk(180, 20);
  const start = cursor - 60 * MINUTE;
  const view = addOutboxToToday(
    { view: base, cursor },
    [outbox(start, samples)],
    { now: NOW, timeZone: ZONE },
  );
  // An independent count: the minutes at or after the cursor, walking with steps.
  const counted = samples.slice(60);
  const steps = counted.reduce((sum, s) => sum + s.steps, 0);
  const active =
    counted.filter((s) =>
      classifyMinute(ACTIVITY_KIND.activity, s.steps) === "active"
    ).length;
  assert.equal(view.steps, 1000 + steps);
  assert.equal(view.activeMinutes, 12 + active);
  assert.equal(
    view.latestHeartRate?.time,
    start + (samples.length - 1) * MINUTE,
  );
  assert.equal(view.restingHeartRate, 55);
});

Deno.test("today from the outbox: a new day starts from zero and leaves yesterday's minutes out", () => {
  const yesterday: TodayView = { ...base, day: "2026-03-07" };
  const samples = walk(120, 10);
  // One hour before midnight and one after.
  const view = addOutboxToToday(
    { view: yesterday, cursor: DAY_START - 60 * MINUTE },
    [outbox(DAY_START - 60 * MINUTE, samples)],
    { now: NOW, timeZone: ZONE },
  );
  assert.equal(view.day, DAY);
  assert.equal(
    view.steps,
    samples.slice(60).reduce((sum, s) => sum + s.steps, 0),
  );
  assert.equal(view.lastNight, null);
});

Deno.test("today from the outbox: a minute in two batches counts once", () => {
  const cursor = DAY_START + 60 * MINUTE;
  const samples = walk(10, 7);
  const view = addOutboxToToday(
    { view: base, cursor },
    [outbox(cursor, samples), outbox(cursor, samples)],
    { now: NOW, timeZone: ZONE },
  );
  assert.equal(view.steps, 1000 + samples.reduce((sum, s) => sum + s.steps, 0));
});
