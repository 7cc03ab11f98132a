import assert from "node:assert/strict";
import { DayMinutesBuilder } from "../../lib/minute/day_minutes.ts";

const MIN = 60_000;

Deno.test("DayMinutesBuilder gives Berlin's fall-back day 1500 slots", () => {
  const builder = new DayMinutesBuilder("2024-10-27", "Europe/Berlin");
  for (let t = builder.window.start; t < builder.window.end; t += MIN) {
    builder.push(t, 0x01, 2, 70);
  }
  const day = builder.finish();
  assert.equal(day.start, Date.UTC(2024, 9, 26, 22));
  assert.equal(day.classes.length, 1500);
  assert.ok(day.classes.every((c) => c === "active"));
  assert.ok(day.heartRate.every((bpm) => bpm === 70));
});

Deno.test("DayMinutesBuilder resolves the first minutes from the evening before and leaves missing minutes null", () => {
  // New York day 2024-03-10 (23 hours) starts at 05:00 UTC.
  const builder = new DayMinutesBuilder("2024-03-10", "America/New_York");
  const start = Date.UTC(2024, 2, 10, 5);
  builder.push(start - 60 * MIN, 0x09, 0, 0xff);
  builder.push(start, 0x70, 0, 52);
  builder.push(start + MIN, 0x50, 0, 0);
  const day = builder.finish();
  assert.equal(day.classes.length, 1380);
  assert.deepEqual(day.classes.slice(0, 3), [
    "light_sleep",
    "light_sleep",
    null,
  ]);
  assert.deepEqual(day.heartRate.slice(0, 2), [52, null]);
  assert.equal(day.steps[2], null);
});
