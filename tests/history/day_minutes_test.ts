import assert from "node:assert/strict";
import {
  placeDayMinutes,
  summarizeDayMinutes,
} from "../../lib/history/day_minutes.ts";
import type { HistoryMinute } from "../../lib/history/history_minute.ts";

function everyMinute(from: number, to: number): HistoryMinute[] {
  const minutes: HistoryMinute[] = [];
  for (let t = from, i = 0; t < to; t += 60_000, i++) {
    minutes.push({
      time: t,
      kind: 1,
      intensity: 5,
      steps: i % 3,
      heartRate: 55 + (i % 40),
    });
  }
  return minutes;
}

Deno.test("placeDayMinutes() gives Berlin's fall-back day 1500 slots and matches a recount", () => {
  const raw = everyMinute(Date.UTC(2024, 9, 26, 12), Date.UTC(2024, 9, 28, 12));
  const day = placeDayMinutes("2024-10-27", "Europe/Berlin", raw);
  assert.equal(day.steps.length, 1500);
  const inside = raw.filter((m) =>
    m.time >= Date.UTC(2024, 9, 26, 22) && m.time < Date.UTC(2024, 9, 27, 23)
  );
  const totals = summarizeDayMinutes(day);
  assert.equal(totals.steps, inside.reduce((a, m) => a + m.steps, 0));
  assert.equal(totals.recordedMinutes, 1500);
  assert.equal(totals.activeMinutes, inside.filter((m) => m.steps > 0).length);
  const calm = inside.filter((m) => m.steps === 0).map((m) => m.heartRate!)
    .sort((a, b) => a - b);
  const lowest = calm.slice(0, Math.floor(calm.length / 10));
  assert.equal(
    totals.restingHeartRate,
    Math.round(lowest.reduce((a, b) => a + b) / lowest.length),
  );
});

Deno.test("placeDayMinutes() uses the person's zone and leaves missing minutes null", () => {
  // New York day 2024-03-10 (23 hours) starts at 05:00 UTC whatever the server's zone.
  const raw = everyMinute(Date.UTC(2024, 2, 10, 5), Date.UTC(2024, 2, 10, 6));
  const day = placeDayMinutes("2024-03-10", "America/New_York", raw);
  assert.equal(day.classes.length, 1380);
  assert.equal(day.steps[0], 0);
  assert.equal(day.steps[59], 2);
  assert.equal(day.steps[60], null);
  assert.equal(day.heartRate[60], null);
  assert.deepEqual(summarizeDayMinutes(day), {
    steps: 60,
    activeMinutes: 40,
    wornMinutes: 60,
    recordedMinutes: 60,
    dayMinutes: 1380,
    // Calm minutes are every third; their five lowest readings are 55, 57, 58, 60, 61.
    restingHeartRate: 58,
  });
});
