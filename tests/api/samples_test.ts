import assert from "node:assert/strict";
import { addBand, createApiTestApp, signUpOwner } from "./harness.ts";
import { encodeSampleData } from "../../lib/api/sample_data.ts";
import type { ActivitySample } from "../../lib/protocol/activity_sample.ts";

const MIN = 60_000;
const T0 = Date.UTC(2024, 5, 10, 6, 0); // 08:00 in Berlin

function samples(count: number, seed = 0): ActivitySample[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: i % 2 ? 0x01 : 0x50,
    intensity: (i + seed) % 200,
    steps: (i * 7 + seed) % 100,
    heartRate: i % 3 ? 60 + (i % 40) : 0xff,
  }));
}

function body(start: number, list: ActivitySample[], offset = 120) {
  return {
    batches: [{
      start,
      utcOffsetMinutes: offset,
      data: encodeSampleData(list),
    }],
  };
}

Deno.test("[api] POST /api/bands/:id/samples stores minutes, is idempotent and advances the cursor", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  assert.deepEqual(
    await (await agent.request("GET", `/api/bands/${id}/sync`)).json(),
    { cursor: null, lastSyncAt: null },
  );
  const list = samples(120);
  const res = await agent.request("POST", `/api/bands/${id}/samples`, {
    json: body(T0, list),
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  assert.deepEqual(await res.json(), {
    added: 120,
    unchanged: 0,
    conflicting: 0,
    storedFrom: T0,
    storedTo: T0 + 120 * MIN,
    cursor: T0 + 120 * MIN,
  });
  const again = await (await agent.request("POST", `/api/bands/${id}/samples`, {
    json: body(T0, list),
  })).json();
  assert.equal(again.added, 0);
  assert.equal(again.unchanged, 120);
  const sync = await (await agent.request("GET", `/api/bands/${id}/sync`))
    .json();
  assert.equal(sync.cursor, T0 + 120 * MIN);
  const day = await (await agent.request(
    "GET",
    `/api/bands/${id}/minutes?day=2024-06-10`,
  )).json();
  assert.equal(day.timeZone, "Europe/Berlin");
  assert.equal(day.start, Date.UTC(2024, 5, 9, 22));
  assert.equal(day.minutes.length, 120);
  assert.deepEqual(day.minutes[1], {
    time: T0 + MIN,
    utcOffsetMinutes: 120,
    ...list[1],
  });
  const hourly = await (await agent.request(
    "GET",
    `/api/bands/${id}/summaries/hourly?day=2024-06-10`,
  )).json();
  assert.equal(hourly.hours.length, 24);
  assert.equal(
    hourly.hours[8].steps,
    list.slice(0, 60).reduce((n, s) => n + s.steps, 0),
  );
  const daily = await (await agent.request(
    "GET",
    `/api/bands/${id}/summaries/daily?from=2024-01-01&to=2024-12-31`,
  )).json();
  assert.equal(daily.days.length, 1);
  assert.equal(daily.days[0].steps, list.reduce((n, s) => n + s.steps, 0));
  const rates = list.map((s) => s.heartRate).filter((r) => r !== 0xff);
  assert.deepEqual(daily.days[0].heartRate, {
    min: Math.min(...rates),
    mean: Math.round(rates.reduce((a, b) => a + b, 0) / rates.length),
    max: Math.max(...rates),
  });
});

Deno.test("[api] concurrent uploads for one band from two tabs lose and duplicate nothing", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const list = samples(600);
  const results = await Promise.all(
    [0, 100, 200, 300].map((from) =>
      agent.request("POST", `/api/bands/${id}/samples`, {
        json: body(T0 + from * MIN, list.slice(from, from + 300)),
      })
        .then((r) => r.json())
    ),
  );
  assert.equal(results.reduce((n, r) => n + r.added, 0), 600);
  assert.equal(results.reduce((n, r) => n + r.conflicting, 0), 0);
  const day = await (await agent.request(
    "GET",
    `/api/bands/${id}/minutes?day=2024-06-10`,
  )).json();
  assert.equal(day.minutes.length, 600);
  assert.equal(
    (await (await agent.request("GET", `/api/bands/${id}/sync`)).json()).cursor,
    T0 + 600 * MIN,
  );
});

Deno.test("[api] POST /api/bands/:id/samples answers 400 for bad minutes and stores nothing", async () => {
  const now = Date.UTC(2024, 5, 12, 9, 30);
  using t = await createApiTestApp({}, () => now);
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const cases: [unknown, RegExp][] = [
    [
      { batches: [{ start: T0 + 1, utcOffsetMinutes: 0, data: "AAAAAA==" }] },
      /^Cannot read request: batches\.0\.start: Start on a whole minute/,
    ],
    [
      { batches: [{ start: T0, utcOffsetMinutes: 7, data: "AAAAAA==" }] },
      /utcOffsetMinutes: Use a whole number of quarter hours/,
    ],
    [
      { batches: [{ start: T0, utcOffsetMinutes: 0, data: "AAAAAAA=" }] },
      /^Cannot read batch 0: 5 bytes is not a whole number of 4-byte minutes$/,
    ],
    [
      { batches: [{ start: T0, utcOffsetMinutes: 0, data: "!!!!" }] },
      /^Cannot read batch 0: not valid base64$/,
    ],
    [
      { batches: [{ start: "today", utcOffsetMinutes: 0, data: "AAAAAA==" }] },
      /batches\.0\.start/,
    ],
    [{ batches: [] }, /batches/],
    [
      // Ten minutes from 55 minutes ahead of the app's clock.
      body(now + 55 * MIN, samples(10)),
      /^Cannot store batch 0: its minutes run past the current time$/,
    ],
    [body(Date.UTC(2010, 0, 1), samples(1)), /batches\.0\.start/],
  ];
  for (const [json, message] of cases) {
    const res = await agent.request("POST", `/api/bands/${id}/samples`, {
      json,
    });
    assert.equal(res.status, 400, JSON.stringify(json));
    assert.match((await res.json()).error.message, message);
  }
  assert.deepEqual(
    await (await agent.request("GET", `/api/bands/${id}/sync`)).json(),
    { cursor: null, lastSyncAt: null },
  );
});

Deno.test("[api] POST /api/bands/:id/samples answers 413 for too many minutes or too many days", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const tooMany = await agent.request("POST", `/api/bands/${id}/samples`, {
    json: body(Date.UTC(2024, 0, 1), samples(31 * 1440 + 1)),
  });
  assert.equal(tooMany.status, 413);
  const scattered = {
    batches: Array.from(
      { length: 33 },
      (_, i) =>
        body(Date.UTC(2024, 0, 1) + i * 86_400_000, samples(1)).batches[0],
    ),
  };
  const res = await agent.request("POST", `/api/bands/${id}/samples`, {
    json: scattered,
  });
  assert.equal(res.status, 413);
  assert.equal(
    (await res.json()).error.message,
    "Cannot store samples: the upload touches 33 UTC days, at most 32",
  );
});

Deno.test("[api] summary queries answer 400 for impossible days and ranges", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const bad = [
    `/api/bands/${id}/minutes`,
    `/api/bands/${id}/minutes?day=2024-02-30`,
    `/api/bands/${id}/summaries/hourly?day=yesterday`,
    `/api/bands/${id}/summaries/daily?from=2024-02-01&to=2024-01-01`,
    `/api/bands/${id}/summaries/daily?from=2000-01-01&to=2024-01-01`,
  ];
  for (const path of bad) {
    const res = await agent.request("GET", path);
    assert.equal(res.status, 400, path);
    assert.equal((await res.json()).error.code, "bad_request");
  }
});

Deno.test("[api] changing the person's time zone rebuilds the daily summaries for the new zone", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  // 2024-06-10 20:00 to 2024-06-11 04:00 UTC: one Berlin day (22:00–06:00 local spans two days).
  const start = Date.UTC(2024, 5, 10, 20);
  const list = samples(8 * 60);
  await agent.request("POST", `/api/bands/${id}/samples`, {
    json: body(start, list),
  });
  const berlin = await (await agent.request(
    "GET",
    `/api/bands/${id}/summaries/daily?from=2024-06-01&to=2024-06-30`,
  ))
    .json();
  assert.deepEqual(
    berlin.days.map((
      d: { day: string; minutesRecorded: number },
    ) => [d.day, d.minutesRecorded]),
    [
      ["2024-06-10", 120],
      ["2024-06-11", 360],
    ],
  );
  await agent.request("PATCH", "/api/me", { json: { timeZone: "UTC" } });
  const utc = await (await agent.request(
    "GET",
    `/api/bands/${id}/summaries/daily?from=2024-06-01&to=2024-06-30`,
  ))
    .json();
  assert.equal(utc.timeZone, "UTC");
  assert.deepEqual(
    utc.days.map((
      d: { day: string; minutesRecorded: number },
    ) => [d.day, d.minutesRecorded]),
    [
      ["2024-06-10", 240],
      ["2024-06-11", 240],
    ],
  );
  const hours = await (await agent.request(
    "GET",
    `/api/bands/${id}/summaries/hourly?day=2024-06-10`,
  )).json();
  assert.equal(hours.hours[20].start, start);
  assert.equal(hours.hours[20].minutesRecorded, 60);
});
