import assert from "node:assert/strict";
import { loadDayView } from "../../lib/history/day_view_data.ts";
import { loadRangeView } from "../../lib/history/range_view_data.ts";
import { streamMinuteRows } from "../../lib/history/export_rows.ts";
import { countPastMinutes, toPercent } from "../../lib/history/completeness.ts";
import { streamCsv } from "../../lib/history/export_stream.ts";
import { MINUTE_COLUMNS } from "../../lib/history/export_columns.ts";
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

// 2024-01-14 20:00 Berlin: 3 h awake, 8 h asleep across midnight, then 1 h walking
// with 50 steps a minute and 30 idle minutes that inherit "activity" without steps.
const START = Date.UTC(2024, 0, 14, 19, 0);
const NIGHT: ActivitySample[] = [
  ...run(0x01, 180),
  ...run(0x09, 1),
  ...run(0x70, 299),
  ...run(0x0b, 180),
  ...run(0x01, 60, 50),
  ...run(0x50, 30),
];

async function withNight(fn: (kv: Deno.Kv) => Promise<void>) {
  const kv = await Deno.openKv(":memory:");
  try {
    await storeSampleRun(kv, "b", {
      start: START,
      utcOffsetMinutes: 60,
      samples: NIGHT,
    }, { timeZone: TZ, now: START + NIGHT.length * MINUTE });
    await fn(kv);
  } finally {
    kv.close();
  }
}

Deno.test("loadDayView() gives a night crossing midnight to the morning it ends", async () => {
  await withNight(async (kv) => {
    const now = Date.UTC(2024, 0, 16);
    const evening = await loadDayView(kv, "b", {
      day: "2024-01-14",
      timeZone: TZ,
      now,
    });
    assert.deepEqual(evening.sleep, []);
    const morning = await loadDayView(kv, "b", {
      day: "2024-01-15",
      timeZone: TZ,
      now,
    });
    assert.equal(morning.sleep.length, 1);
    assert.equal(morning.sleep[0].bedtime, START + 180 * MINUTE);
    assert.equal(morning.sleep[0].lightMinutes, 300);
    assert.equal(morning.sleep[0].deepMinutes, 180);
    assert.equal(morning.summary?.activeMinutes, 60);
    assert.equal(morning.summary?.steps, 3000);
    // 00:00 to 08:30 on the 15th is stored; the rest of the day is a gap.
    assert.equal(morning.completeness.recordedMinutes, 8 * 60 + 30);
    assert.equal(morning.completeness.expectedMinutes, 1440);
    assert.equal(morning.minutes.steps[0], 0);
    assert.equal(morning.minutes.steps[600], null);
    assert.equal(morning.minutes.classes[0], "light_sleep");
  });
});

Deno.test("loadRangeView() sums sleep by waking day and counts only moving minutes as active", async () => {
  await withNight(async (kv) => {
    const data = await loadRangeView(kv, "b", {
      from: "2024-01-13",
      to: "2024-01-15",
      timeZone: TZ,
      now: Date.UTC(2024, 0, 15, 12),
    });
    assert.deepEqual(data.days, ["2024-01-13", "2024-01-14", "2024-01-15"]);
    assert.deepEqual(data.steps, [null, 0, 3000]);
    assert.deepEqual(data.lightSleepMinutes, [null, null, 300]);
    assert.deepEqual(data.deepSleepMinutes, [null, null, 180]);
    assert.deepEqual(data.activeMinutes, [null, 0, 60]);
    assert.equal(data.completeness.recordedMinutes, NIGHT.length);
    assert.equal(data.completeness.expectedMinutes, 2 * 1440 + 13 * 60);
  });
});

Deno.test("streamMinuteRows() streams a year of minutes a week at a time", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const start = Date.UTC(2023, 0, 1) - 3_600_000;
    const samples = Array.from({ length: 365 * 1440 }, (_, i) => ({
      kind: 0x01,
      intensity: 1,
      steps: i % 3,
      heartRate: 0xff,
    }));
    await storeSampleRun(kv, "y", { start, utcOffsetMinutes: 60, samples }, {
      timeZone: TZ,
      now: Date.UTC(2024, 0, 1),
    });
    const stream = streamCsv(
      streamMinuteRows(kv, "y", {
        from: "2023-01-01",
        to: "2023-12-31",
        timeZone: TZ,
      }),
      MINUTE_COLUMNS,
      { rowsPerChunk: 1000 },
    );
    let lines = 0;
    let chunks = 0;
    let largest = 0;
    const decoder = new TextDecoder();
    for await (const chunk of stream) {
      chunks++;
      largest = Math.max(largest, chunk.byteLength);
      lines += decoder.decode(chunk).split("\n").length - 1;
    }
    assert.equal(lines, 1 + 365 * 1440);
    assert.ok(chunks > 500, `only ${chunks} chunks`);
    assert.ok(largest < 100_000, `a chunk of ${largest} bytes`);
  } finally {
    kv.close();
  }
});

Deno.test("countPastMinutes() stops at now and toPercent() floors", () => {
  const now = Date.UTC(2024, 2, 31, 10, 0); // 12:00 in Berlin on the 23-hour day
  assert.equal(
    countPastMinutes({ from: "2024-03-31", to: "2024-03-31" }, TZ, now),
    11 * 60,
  );
  assert.equal(
    countPastMinutes({ from: "2024-04-01", to: "2024-04-02" }, TZ, now),
    0,
  );
  assert.equal(
    toPercent({ recordedMinutes: 199, expectedMinutes: 200, lastSyncAt: null }),
    99,
  );
  assert.equal(
    toPercent({ recordedMinutes: 0, expectedMinutes: 0, lastSyncAt: null }),
    null,
  );
});
