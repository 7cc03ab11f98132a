import assert from "node:assert/strict";
import {
  decodeRuns,
  encodeRuns,
  findSlotAtX,
  findSlotCentre,
  formatDetail,
  formatSlotTime,
  formatSlotValue,
  snapToValue,
  stepSlot,
  toViewBoxX,
} from "../../lib/history/chart_details.ts";

// The day charts' plot: viewBox x 42..470 over 1440 minutes.
const DAY_PLOT = { left: 42, right: 470, count: 1440 };
// 2024-03-05 00:00 in Europe/Berlin (UTC+1 in winter).
const BERLIN_DAY = Date.UTC(2024, 2, 4, 23, 0);

Deno.test("encodeRuns() pairs each value with its run length, and decodeRuns() expands them", () => {
  const values = [0, 0, 0, 86, 40, null, null, 0];
  const runs = encodeRuns(values);
  assert.deepEqual(runs, [0, 3, 86, 1, 40, 1, null, 2, 0, 1]);
  assert.deepEqual(decodeRuns(runs), values);
  assert.deepEqual(encodeRuns([]), []);
});

Deno.test("toViewBoxX() scales client pixels to viewBox units", () => {
  assert.equal(toViewBoxX(340, { left: 100, width: 960 }, 480), 120);
  assert.equal(toViewBoxX(100, { left: 100, width: 0 }, 480), 0);
});

Deno.test("findSlotAtX() maps a viewBox x to its minute and clamps outside the plot", () => {
  const x = 42 + (845.5 * 428) / 1440;
  assert.equal(findSlotAtX(x, DAY_PLOT), 845);
  assert.equal(findSlotAtX(10, DAY_PLOT), 0);
  assert.equal(findSlotAtX(479, DAY_PLOT), 1439);
  assert.equal(findSlotAtX(42 + 428 / 7 * 2.1, { ...DAY_PLOT, count: 7 }), 2);
});

Deno.test("findSlotCentre() returns the middle of a day's band", () => {
  assert.equal(findSlotCentre(0, { left: 42, right: 470, count: 7 }), 72.57);
  assert.equal(findSlotCentre(6, { left: 42, right: 470, count: 7 }), 439.43);
});

Deno.test("snapToValue() picks the nearest reading within the radius, earlier first on a tie", () => {
  const values = [null, 72, null, null, null, 75, null];
  assert.equal(snapToValue(values, 3, 2), 1);
  assert.equal(snapToValue(values, 4, 2), 5);
  assert.equal(snapToValue(values, 5, 2), 5);
  assert.equal(snapToValue([null, null, null, 80], 0, 2), 0);
});

Deno.test("stepSlot() moves by the step, clamped, and jumps to the next reading on sparse series", () => {
  const values = [null, 72, null, null, 75, null];
  assert.equal(stepSlot(values, 1, { delta: 1, sparse: true }), 4);
  assert.equal(stepSlot(values, 4, { delta: 1, sparse: true }), 4);
  assert.equal(stepSlot(values, 4, { delta: -1, sparse: true }), 1);
  assert.equal(stepSlot(values, 1, { delta: 1, sparse: false }), 2);
  assert.equal(stepSlot(values, 4, { delta: 60, sparse: true }), 5);
  assert.equal(stepSlot(values, 1, { delta: -7, sparse: false }), 0);
});

Deno.test("formatSlotTime() reads minutes in the person's zone and days as weekday, date and month", () => {
  const axis = {
    kind: "minutes" as const,
    start: BERLIN_DAY,
    timeZone: "Europe/Berlin",
  };
  assert.equal(formatSlotTime(axis, 845), "14:05");
  assert.equal(formatSlotTime(axis, 190), "03:10");
  const days = { kind: "days" as const, first: "2024-02-26" };
  assert.equal(formatSlotTime(days, 8), "Tue 5 Mar");
  assert.equal(formatSlotTime(days, 3), "Thu 29 Feb");
});

Deno.test("formatSlotValue() words counts, goals, durations, classes and missing data", () => {
  assert.equal(
    formatSlotValue({ kind: "count", unit: "steps" }, 86),
    "86 steps",
  );
  assert.equal(
    formatSlotValue({ kind: "count", unit: "steps", goal: 8000 }, 9120),
    "9,120 steps (goal 8,000)",
  );
  assert.equal(
    formatSlotValue({ kind: "duration", suffix: "asleep" }, 425),
    "7 h 05 min asleep",
  );
  assert.equal(
    formatSlotValue({ kind: "duration", suffix: "active" }, 45),
    "45 min active",
  );
  assert.equal(
    formatSlotValue(
      { kind: "class", labels: ["light sleep", "deep sleep"] },
      1,
    ),
    "deep sleep",
  );
  assert.equal(
    formatSlotValue({ kind: "count", unit: "bpm" }, null),
    "no data",
  );
});

Deno.test("formatDetail() joins the time and the value with a middle dot", () => {
  const spec = {
    axis: {
      kind: "minutes" as const,
      start: BERLIN_DAY,
      timeZone: "Europe/Berlin",
    },
    format: { kind: "count" as const, unit: "bpm" },
  };
  assert.equal(formatDetail(spec, 845, 72), "14:05 · 72 bpm");
  assert.equal(
    formatDetail(
      {
        axis: { kind: "days", first: "2024-03-05" },
        format: { kind: "count", unit: "steps", goal: 8000 },
      },
      0,
      9120,
    ),
    "Tue 5 Mar · 9,120 steps (goal 8,000)",
  );
});
