// Stored daily summaries (lib/db) checked against a recomputation written here from
// the raw minutes alone, with local days found by Intl directly rather than lib/time.
import assert from "node:assert/strict";
import { listDailySummaries } from "../../lib/db/history_queries.ts";
import type { ActivitySample } from "../../lib/protocol/activity_sample.ts";
import { storeSampleRun } from "./_seed_history.ts";

const MINUTE_MS = 60_000;

function makeLocalDayReader(timeZone: string): (t: number) => string {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return (t) => format.format(t);
}

interface Expected {
  minutesRecorded: number;
  steps: number;
  lightSleepMinutes: number;
  deepSleepMinutes: number;
  wornMinutes: number;
  heartMin: number | null;
  heartMax: number | null;
}

function recompute(
  start: number,
  samples: readonly ActivitySample[],
  timeZone: string,
): Map<string, Expected> {
  const dayOf = makeLocalDayReader(timeZone);
  const days = new Map<string, Expected>();
  const get = (day: string) => {
    let e = days.get(day);
    if (!e) {
      e = {
        minutesRecorded: 0,
        steps: 0,
        lightSleepMinutes: 0,
        deepSleepMinutes: 0,
        wornMinutes: 0,
        heartMin: null,
        heartMax: null,
      };
      days.set(day, e);
    }
    return e;
  };
  // The kind carries across midnight (the data here has no day-long gaps).
  let lastKind: number | null = null;
  // A night: sleeping minutes less than two hours apart, more than five of them,
  // counted for the day of its last sleeping minute.
  let night: { light: number; deep: number; last: number } | null = null;
  const closeNight = () => {
    if (night && night.light + night.deep > 5) {
      const e = get(dayOf(night.last));
      e.lightSleepMinutes += night.light;
      e.deepSleepMinutes += night.deep;
    }
    night = null;
  };
  samples.forEach((s, i) => {
    const time = start + i * MINUTE_MS;
    const low = s.kind & 0x0f;
    if (low !== 0 && low !== 10) lastKind = low;
    const e = get(dayOf(time));
    e.minutesRecorded++;
    e.steps += s.steps;
    if (lastKind === 9 || lastKind === 11) {
      if (night && time - night.last > 121 * MINUTE_MS) closeNight();
      night ??= { light: 0, deep: 0, last: time };
      if (lastKind === 9) night.light++;
      else night.deep++;
      night.last = time;
    }
    if (lastKind !== null && [1, 2, 4, 9, 11, 12].includes(lastKind)) {
      e.wornMinutes++;
    }
    if (s.heartRate !== 0 && s.heartRate !== 0xff) {
      e.heartMin = Math.min(e.heartMin ?? 999, s.heartRate);
      e.heartMax = Math.max(e.heartMax ?? 0, s.heartRate);
    }
  });
  closeNight();
  return days;
}

// A varied but fixed pattern: sleep kinds with continuations, walking, off-wrist.
function makeSamples(count: number): ActivitySample[] {
  const cycle = [0x09, 0x70, 0x70, 0x0b, 0x60, 0x01, 0x50, 0x03, 0x50, 0x06];
  return Array.from({ length: count }, (_, i) => ({
    kind: cycle[Math.floor(i / 37) % cycle.length],
    intensity: i % 200,
    steps: (i * 7) % 23,
    heartRate: i % 4 === 0 ? 0xff : 50 + (i % 60),
  }));
}

async function checkRange(
  timeZone: string,
  start: number,
  minutes: number,
  days: string[],
  dayLengths: number[],
) {
  const kv = await Deno.openKv(":memory:");
  try {
    const samples = makeSamples(minutes);
    await storeSampleRun(kv, "band-1", {
      start,
      utcOffsetMinutes: 60,
      samples,
    }, { timeZone, now: start + minutes * MINUTE_MS });
    const expected = recompute(start, samples, timeZone);
    const stored = await listDailySummaries(kv, "band-1", {
      from: days[0],
      to: days[days.length - 1],
    });
    assert.deepEqual(stored.map((d) => d.day), days);
    stored.forEach((summary, i) => {
      const e = expected.get(summary.day)!;
      assert.equal(summary.minutesRecorded, e.minutesRecorded, summary.day);
      assert.equal(summary.minutesRecorded, dayLengths[i], summary.day);
      assert.equal(summary.steps, e.steps, summary.day);
      assert.equal(summary.lightSleepMinutes, e.lightSleepMinutes);
      assert.equal(summary.deepSleepMinutes, e.deepSleepMinutes);
      assert.equal(summary.wornMinutes, e.wornMinutes);
      assert.equal(summary.heartRate?.min ?? null, e.heartMin);
      assert.equal(summary.heartRate?.max ?? null, e.heartMax);
      assert.equal((summary.end - summary.start) / MINUTE_MS, dayLengths[i]);
    });
  } finally {
    kv.close();
  }
}

Deno.test("stored summaries match recomputation across the spring DST change (23-hour day)", async () => {
  // Berlin local midnight of 2024-03-30 is 23:00 UTC on the 29th; three whole local days.
  const start = Date.UTC(2024, 2, 29, 23, 0);
  await checkRange(
    "Europe/Berlin",
    start,
    (24 + 23 + 24) * 60,
    ["2024-03-30", "2024-03-31", "2024-04-01"],
    [1440, 1380, 1440],
  );
});

Deno.test("stored summaries match recomputation across the autumn DST change (25-hour day)", async () => {
  const start = Date.UTC(2024, 9, 25, 22, 0);
  await checkRange(
    "Europe/Berlin",
    start,
    (24 + 25 + 24) * 60,
    ["2024-10-26", "2024-10-27", "2024-10-28"],
    [1440, 1500, 1440],
  );
});

Deno.test("stored summaries follow the person's quarter-hour zone, not the server's", async () => {
  // Kathmandu (+05:45) midnight of 2024-05-10 is 18:15 UTC on the 9th; on a
  // machine that itself runs in Kathmandu, Eucla (+08:45) proves the same.
  const machineOffset = new Date(Date.UTC(2024, 4, 9, 18, 15))
    .getTimezoneOffset();
  const [zone, start] = machineOffset === -345
    ? ["Australia/Eucla", Date.UTC(2024, 4, 9, 15, 15)]
    : ["Asia/Kathmandu", Date.UTC(2024, 4, 9, 18, 15)];
  assert.notEqual(
    new Date(start).getTimezoneOffset(),
    zone === "Asia/Kathmandu" ? -345 : -525,
  );
  await checkRange(
    zone,
    start,
    2 * 1440,
    ["2024-05-10", "2024-05-11"],
    [1440, 1440],
  );
});
