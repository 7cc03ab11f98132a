import assert from "node:assert/strict";
import { listDailySummaries } from "../../lib/db/history_queries.ts";
import { storeReadings } from "../../lib/db/readings.ts";
import { parseCsvRecords } from "../support/csv_parse.ts";
import { createHistoryApp } from "../history/_history_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";

const TZ = "Europe/Berlin";
// Two weeks of generated minutes ending at local midnight after 2024-03-10.
const END = Date.UTC(2024, 2, 10, 23, 0);
const AUTH_KEY = "8f1e2d3c4b5a69788796a5b4c3d2e1f0";

async function setUp() {
  const kv = await Deno.openKv(":memory:");
  // The app's clock, pinned two days after the history ends.
  const now = END + 2 * 86_400_000;
  const ada = await seedPersonWithBand(kv, {
    timeZone: TZ,
    now,
    weeks: 2,
    end: END,
    utcOffsetMinutes: 60,
    stepGoal: 9000,
  });
  const bob = await seedPersonWithBand(kv, {
    username: "bob",
    role: "member",
    timeZone: "UTC",
    now,
  });
  const app = createHistoryApp(kv, () => now);
  const get = (path: string, cookie = ada.cookie) =>
    app.request(`http://localhost${path}`, {
      headers: { Cookie: cookie, Accept: "text/html" },
    });
  return { kv, ada, bob, get, [Symbol.dispose]: () => kv.close() };
}

Deno.test("[page] GET /devices/:id/history answers 404 for another person's band", async () => {
  using t = await setUp();
  const res = await t.get(`/devices/${t.bob.bandId}/history`);
  assert.equal(res.status, 404);
  assert.match(res.headers.get("Content-Type") ?? "", /text\/html/);
  assert.doesNotMatch(await res.text(), /day-steps/);
});

Deno.test("[page] GET /devices/:id/history asks a visitor to sign in", async () => {
  using t = await setUp();
  const res = await t.get(`/devices/${t.ada.bandId}/history`, "");
  assert.equal(res.status, 401);
  await res.body?.cancel();
});

Deno.test("[page] the day view shows steps, heart rate, activity, totals and completeness", async () => {
  using t = await setUp();
  const res = await t.get(
    `/devices/${t.ada.bandId}/history?view=day&day=2024-03-05`,
  );
  assert.equal(res.status, 200);
  assert.match(res.headers.get("Content-Type") ?? "", /text\/html/);
  const html = await res.text();
  const [summary] = await listDailySummaries(t.kv, t.ada.bandId, {
    from: "2024-03-05",
    to: "2024-03-05",
  });
  const steps = summary.steps.toLocaleString("en-US");
  assert.match(html, new RegExp(`<span class="stat-value">${steps}</span>`));
  assert.match(html, /id="day-steps"/);
  assert.match(html, /id="day-heart-rate"/);
  assert.match(html, /id="day-activity"/);
  assert.match(html, /of the 9,000 goal/);
  assert.match(html, /Data for 100% of this day so far\./);
  assert.match(html, /Tuesday, 5 March 2024/);
  assert.match(html, /aria-current="page"[^>]*>Day</);
  assert.match(html, /name="day" value="2024-03-05"/);
  assert.equal(html.includes(AUTH_KEY), false);
  assert.equal(html.includes("style="), false);
});

Deno.test("[page] week, month and year views chart each day and stay under 150 KB", async () => {
  using t = await setUp();
  for (const view of ["week", "month", "year"]) {
    const res = await t.get(
      `/devices/${t.ada.bandId}/history?view=${view}&day=2024-03-05`,
    );
    assert.equal(res.status, 200, view);
    const html = await res.text();
    for (const id of ["steps", "sleep", "active", "resting", "worn"]) {
      assert.match(html, new RegExp(`id="range-${id}"`), `${view} ${id}`);
    }
    assert.ok(html.length < 150_000, `${view} is ${html.length} bytes`);
  }
  const week = await (await t.get(
    `/devices/${t.ada.bandId}/history?view=week&day=2024-03-05`,
  )).text();
  assert.match(week, /4–10 Mar 2024/);
  assert.equal(
    (week.match(/data-day="2024-03-0[4-9]|data-day="2024-03-10/g) ?? [])
      .length > 0,
    true,
  );
});

Deno.test("[page] the day view lists and shades its workouts and dots on-demand heart rate; the week counts workouts", async () => {
  using t = await setUp();
  // Berlin is UTC+1: 07:10–07:55 and 18:00–19:30 local on 2024-03-05.
  await storeReadings(t.kv, "workouts", t.ada.bandId, [
    {
      time: Date.UTC(2024, 2, 5, 6, 10),
      end: Date.UTC(2024, 2, 5, 6, 55),
      type: 3,
      steps: 4200,
      distanceMeters: 3150,
      calories: 210,
      averageHeartRate: 112,
      maxHeartRate: 141,
      raw: null,
    },
    {
      time: Date.UTC(2024, 2, 5, 17, 0),
      end: Date.UTC(2024, 2, 5, 18, 30),
      type: 4,
      steps: null,
      distanceMeters: null,
      calories: null,
      averageHeartRate: null,
      maxHeartRate: null,
      raw: null,
    },
    {
      time: Date.UTC(2024, 2, 8, 9, 0),
      end: Date.UTC(2024, 2, 8, 9, 30),
      type: 1,
      steps: null,
      distanceMeters: null,
      calories: null,
      averageHeartRate: null,
      maxHeartRate: null,
      raw: null,
    },
  ]);
  await storeReadings(t.kv, "heart_rate", t.ada.bandId, [
    { time: Date.UTC(2024, 2, 5, 11, 0), bpm: 131 },
  ]);
  const res = await t.get(
    `/devices/${t.ada.bandId}/history?view=day&day=2024-03-05`,
  );
  assert.equal(res.status, 200);
  assert.match(res.headers.get("Content-Type") ?? "", /text\/html/);
  const html = await res.text();
  const items = [...html.matchAll(/<li class="workout-item"[^>]*>(.*?)<\/li>/g)]
    .map((m) => m[1].replace(/<[^>]+>/g, "|"));
  assert.deepEqual(items, [
    "|Walking||07:10 – 07:55, 45 mins||3.15 km · 4,200 steps · 210 kcal · heart rate 112 avg, 141 max|",
    "|Cycling||18:00 – 19:30, 1 hr, 30 mins|",
  ]);
  assert.equal((html.match(/data-workout-start=/g) ?? []).length, 2);
  assert.match(html, /data-workout-start="430" data-workout-minutes="45"/);
  assert.match(html, /<circle cx="[\d.]+" cy="[\d.]+" r="3.5" data-bpm="131"/);
  const week = await (await t.get(
    `/devices/${t.ada.bandId}/history?view=week&day=2024-03-05`,
  )).text();
  assert.match(
    week,
    /<span class="stat-label">Workouts<\/span><span class="stat-value">3<\/span><span class="history-stat-detail">in 7 days<\/span>/,
  );
});

Deno.test("[page] a day without data explains itself, and a bad view is refused", async () => {
  using t = await setUp();
  const empty = await t.get(
    `/devices/${t.ada.bandId}/history?view=day&day=2023-06-01`,
  );
  assert.equal(empty.status, 200);
  const html = await empty.text();
  assert.match(html, /No data for this day/);
  assert.doesNotMatch(html, /id="day-steps"/);
  const bad = await t.get(`/devices/${t.ada.bandId}/history?view=decade`);
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /view must be day, week, month or year/);
});

Deno.test("[api] GET /api/bands/:id/export streams minutes as CSV that round-trips", async () => {
  using t = await setUp();
  const res = await t.get(
    `/api/bands/${t.ada.bandId}/export?data=minutes&format=csv&from=2024-03-05&to=2024-03-06`,
  );
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("Content-Type"), "text/csv; charset=utf-8");
  assert.match(
    res.headers.get("Content-Disposition") ?? "",
    /band-minutes-2024-03-05-2024-03-06\.csv/,
  );
  const text = await res.text();
  assert.equal(text.includes(AUTH_KEY), false);
  const rows = parseCsvRecords(text);
  assert.equal(rows.length, 2 * 1440);
  const summaries = await listDailySummaries(t.kv, t.ada.bandId, {
    from: "2024-03-05",
    to: "2024-03-06",
  });
  const steps = rows.reduce((sum, r) => sum + Number(r.steps), 0);
  assert.equal(steps, summaries[0].steps + summaries[1].steps);
  assert.equal(rows[0].time_utc, "2024-03-04T23:00:00.000Z");
  assert.equal(rows[0].utc_offset_min, "60");
});

Deno.test("[api] GET /api/bands/:id/export streams daily summaries as JSON Lines", async () => {
  using t = await setUp();
  const res = await t.get(
    `/api/bands/${t.ada.bandId}/export?data=daily&format=jsonl&from=2024-03-01&to=2024-03-31`,
  );
  assert.equal(res.status, 200);
  assert.equal(
    res.headers.get("Content-Type"),
    "application/jsonl; charset=utf-8",
  );
  const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
  const summaries = await listDailySummaries(t.kv, t.ada.bandId, {
    from: "2024-03-01",
    to: "2024-03-31",
  });
  assert.deepEqual(
    lines.map((l) => [l.day, l.steps, l.step_goal]),
    summaries.map((s) => [s.day, s.steps, 9000]),
  );
  assert.ok(lines.every((l) => l.sleep_light_min + l.sleep_deep_min > 0));
});

Deno.test("[api] GET /api/bands/:id/export refuses a reversed range", async () => {
  using t = await setUp();
  const res = await t.get(
    `/api/bands/${t.ada.bandId}/export?data=daily&format=csv&from=2024-03-05&to=2024-03-01`,
  );
  assert.equal(res.status, 400);
  assert.match(res.headers.get("Content-Type") ?? "", /json/);
  const body = await res.json();
  assert.equal(body.error.code, "bad_request");
});
