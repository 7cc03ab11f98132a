import assert from "node:assert/strict";
import { type DecodedBatch, storeSamples } from "../../lib/db/samples.ts";
import {
  listDailySummaries,
  listHourlySummaries,
  listMinutes,
} from "../../lib/db/history_queries.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import { computeDayFigures } from "../../lib/db/summaries.ts";
import { readPacks } from "../../lib/db/samples.ts";
import { sampleDaysPrefix } from "../../lib/db/keys.ts";

const MIN = 60_000;
const T0 = Date.UTC(2024, 5, 10, 8, 0); // 2024-06-10 08:00 UTC

function makeBatch(
  start: number,
  count: number,
  seed = 1,
  offset = 120,
): DecodedBatch {
  const bytes = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    const x = (i * 31 + seed * 7) % 251;
    bytes.set([[1, 0x50, 9, 11, 3][x % 5], x, x % 120, 50 + (x % 60)], i * 4);
  }
  return { start, utcOffsetMinutes: offset, bytes };
}

const opts = { timeZone: "Europe/Berlin", now: T0 + 10 * 86_400_000 };

Deno.test("storeSamples() stores minutes and reports them on a second identical upload as unchanged", async () => {
  using kv = await Deno.openKv(":memory:");
  const batch = makeBatch(T0, 90);
  const first = await storeSamples(kv, "b1", [batch], opts);
  assert.equal(first.added, 90);
  assert.equal(first.cursor, T0 + 90 * MIN);
  const before = await Array.fromAsync(kv.list({ prefix: [] }));
  const second = await storeSamples(kv, "b1", [batch], opts);
  assert.deepEqual(second, {
    added: 0,
    unchanged: 90,
    conflicting: 0,
    storedFrom: T0,
    storedTo: T0 + 90 * MIN,
    cursor: T0 + 90 * MIN,
  });
  const after = await Array.fromAsync(kv.list({ prefix: [] }));
  assert.deepEqual(
    after.map((e) => e.versionstamp),
    before.map((e) => e.versionstamp),
  );
});

Deno.test("storeSamples() merges overlapping uploads without replacing stored values", async () => {
  using kv = await Deno.openKv(":memory:");
  await storeSamples(kv, "b1", [makeBatch(T0, 60, 1)], opts);
  const res = await storeSamples(
    kv,
    "b1",
    [makeBatch(T0 + 30 * MIN, 60, 1)],
    opts,
  );
  // Batch 2 re-indexes from its own start, so its first 30 minutes differ from what is stored.
  assert.equal(res.added, 30);
  assert.equal(res.unchanged + res.conflicting, 30);
  const minutes = await listMinutes(kv, "b1", {
    day: "2024-06-10",
    timeZone: "Europe/Berlin",
  });
  assert.equal(minutes.length, 90);
  assert.equal(minutes[0].time, T0);
  assert.equal(minutes[0].intensity, 7);
  assert.equal(minutes[0].utcOffsetMinutes, 120);
  assert.equal(minutes[89].time, T0 + 89 * MIN);
});

Deno.test("storeSamples() leaves holes as missing minutes", async () => {
  using kv = await Deno.openKv(":memory:");
  await storeSamples(kv, "b1", [
    makeBatch(T0, 10),
    makeBatch(T0 + 20 * MIN, 10),
  ], opts);
  const minutes = await listMinutes(kv, "b1", {
    day: "2024-06-10",
    timeZone: "Europe/Berlin",
  });
  assert.deepEqual(
    minutes.map((m) => (m.time - T0) / MIN),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29],
  );
});

Deno.test("storeSamples() never moves the cursor back", async () => {
  using kv = await Deno.openKv(":memory:");
  await storeSamples(kv, "b1", [makeBatch(T0 + 600 * MIN, 10)], opts);
  const res = await storeSamples(kv, "b1", [makeBatch(T0, 10)], opts);
  assert.equal(res.cursor, T0 + 610 * MIN);
  assert.equal((await getSyncState(kv, "b1")).cursor, T0 + 610 * MIN);
});

Deno.test("storeSamples() loses nothing when two uploads for one band run at once", async () => {
  using kv = await Deno.openKv(":memory:");
  const results = await Promise.all([
    storeSamples(kv, "b1", [makeBatch(T0, 200, 1)], opts),
    storeSamples(kv, "b1", [makeBatch(T0 + 100 * MIN, 200, 2)], opts),
    storeSamples(kv, "b1", [makeBatch(T0 + 250 * MIN, 100, 3)], opts),
  ]);
  assert.equal(results.reduce((n, r) => n + r.added, 0), 350);
  const minutes = await listMinutes(kv, "b1", {
    day: "2024-06-10",
    timeZone: "Europe/Berlin",
  });
  assert.equal(minutes.length, 350);
  assert.equal((await getSyncState(kv, "b1")).cursor, T0 + 350 * MIN);
});

Deno.test("storeSamples() keeps stored summaries equal to a recomputation from raw minutes", async () => {
  using kv = await Deno.openKv(":memory:");
  const start = Date.UTC(2024, 5, 9, 20, 0);
  await storeSamples(kv, "b1", [makeBatch(start, 3000, 5)], opts);
  await storeSamples(kv, "b1", [makeBatch(start + 3100 * MIN, 50, 6)], opts);
  const days = ["2024-06-09", "2024-06-10", "2024-06-11", "2024-06-12"];
  const utcDays =
    (await Array.fromAsync(kv.list({ prefix: sampleDaysPrefix("b1") })))
      .map((e) => e.key[2] as number);
  const packs = await readPacks(kv, "b1", utcDays);
  const stored = await listDailySummaries(kv, "b1", {
    from: days[0],
    to: days[3],
  });
  const expected = computeDayFigures(packs, {
    from: days[0],
    to: days[3],
    timeZone: "Europe/Berlin",
  });
  assert.equal(expected.length, 4);
  assert.deepEqual(stored, expected.map((s) => s.day));
  const steps = (await listMinutes(kv, "b1", {
    day: "2024-06-10",
    timeZone: "Europe/Berlin",
  }))
    .reduce((n, m) => n + m.steps, 0);
  assert.equal(stored[1].day, "2024-06-10");
  assert.equal(stored[1].steps, steps);
  assert.equal(stored[1].minutesRecorded, 1440);
  assert.deepEqual(
    await listHourlySummaries(kv, "b1", "2024-06-10"),
    expected[1].hours,
  );
});

Deno.test("storeSamples() sums a 23-hour DST day in the person's zone without overlap", async () => {
  using kv = await Deno.openKv(":memory:");
  // 2024-03-31 in Berlin runs from 23:00Z on the 30th to 22:00Z on the 31st.
  const dayStart = Date.UTC(2024, 2, 30, 23, 0);
  await storeSamples(
    kv,
    "b1",
    [makeBatch(dayStart - 60 * MIN, 25 * 60, 3, 60)],
    opts,
  );
  const [day] = await listDailySummaries(kv, "b1", {
    from: "2024-03-31",
    to: "2024-03-31",
  });
  assert.equal(day.start, dayStart);
  assert.equal(day.end, dayStart + 23 * 60 * MIN);
  assert.equal(day.minutesRecorded, 23 * 60);
  const hours = await listHourlySummaries(kv, "b1", "2024-03-31");
  assert.equal(hours.length, 23);
  const minutes = await listMinutes(kv, "b1", {
    day: "2024-03-31",
    timeZone: "Europe/Berlin",
  });
  assert.equal(minutes.length, 23 * 60);
});

Deno.test("storeSamples() gives a 25-hour DST day 25 hourly summaries", async () => {
  using kv = await Deno.openKv(":memory:");
  // 2024-10-27 in Berlin runs from 22:00Z on the 26th to 23:00Z on the 27th.
  const dayStart = Date.UTC(2024, 9, 26, 22, 0);
  await storeSamples(kv, "b1", [makeBatch(dayStart, 25 * 60, 4)], opts);
  const hours = await listHourlySummaries(kv, "b1", "2024-10-27");
  assert.equal(hours.length, 25);
  assert.equal(hours[24].start, dayStart + 24 * 60 * MIN);
  assert.equal(hours.reduce((n, h) => n + h.minutesRecorded, 0), 1500);
});

Deno.test("storeSamples() refuses an upload touching more than 32 days and stores nothing", async () => {
  using kv = await Deno.openKv(":memory:");
  const batches = Array.from(
    { length: 33 },
    (_, i) => makeBatch(T0 + i * 86_400_000, 1),
  );
  await assert.rejects(() => storeSamples(kv, "b1", batches, opts), RangeError);
  assert.equal((await Array.fromAsync(kv.list({ prefix: [] }))).length, 0);
});

Deno.test("storeSamples() refuses minutes scattered over too many days of figures and stores nothing", async () => {
  using kv = await Deno.openKv(":memory:");
  // Twenty single minutes ten days apart: each reaches three or four days of figures.
  const batches = Array.from(
    { length: 20 },
    (_, i) => makeBatch(T0 + i * 10 * 86_400_000, 1),
  );
  await assert.rejects(
    () => storeSamples(kv, "b1", batches, opts),
    /spread over \d+ days of figures, at most 60/,
  );
  assert.equal((await Array.fromAsync(kv.list({ prefix: [] }))).length, 0);
});

Deno.test("storeSamples() moves a night to the morning when the morning arrives in a later upload", async () => {
  using kv = await Deno.openKv(":memory:");
  const zone = { timeZone: "UTC", now: Date.UTC(2024, 5, 12) };
  const sleep = (start: number, count: number): DecodedBatch => {
    const bytes = new Uint8Array(count * 4);
    for (let i = 0; i < count; i++) {
      bytes.set([i ? 0x70 : 0x09, 0, 0, 55], i * 4);
    }
    return { start, utcOffsetMinutes: 0, bytes };
  };
  const evening = Date.UTC(2024, 5, 10, 22);
  await storeSamples(kv, "b1", [sleep(evening, 120)], zone);
  const range = { from: "2024-06-10", to: "2024-06-11" };
  assert.equal((await listDailySummaries(kv, "b1", range))[0].sleep.length, 1);
  await storeSamples(kv, "b1", [sleep(evening + 120 * MIN, 360)], zone);
  const [night, morning] = await listDailySummaries(kv, "b1", range);
  assert.deepEqual(night.sleep, []);
  assert.equal(morning.lightSleepMinutes, 480);
  assert.equal(morning.sleep[0].bedtime, evening);
});
