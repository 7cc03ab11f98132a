import assert from "node:assert/strict";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { DailyBars } from "../../components/charts/DailyBars.tsx";
import { joinReadings } from "../../components/charts/HeartRateLine.tsx";
import { buildBarsPath } from "../../components/charts/bar_path.ts";
import { HistoryNav } from "../../components/history/HistoryNav.tsx";
import { DataStatus } from "../../components/history/DataStatus.tsx";

const YEAR = Array.from(
  { length: 366 },
  (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
);

Deno.test("DailyBars draws a year as three paths and leaves future days unshaded", () => {
  const values = YEAR.map((_, i) => i >= 300 ? null : i % 2 ? 9000 : 4000);
  const html = renderToString(
    h(DailyBars, {
      id: "y",
      title: "Daily steps",
      unit: "steps",
      days: YEAR,
      values,
      goal: 8000,
      lastDay: "2024-11-30",
    }),
  );
  assert.match(html, /class="chart-fill-gap"[^>]*data-days="35"/);
  assert.match(html, /class="chart-fill-steps"[^>]*data-days="150"/);
  assert.match(html, /class="chart-fill-goal_met"[^>]*data-days="150"/);
  assert.equal(html.includes("data-day="), false);
  assert.ok(html.length < 30_000, `${html.length} bytes`);
});

Deno.test("buildBarsPath() closes one rectangle per bar and skips empty ones", () => {
  assert.equal(
    buildBarsPath([
      { x: 1, width: 2, top: 10, bottom: 30 },
      { x: 5, width: 2, top: 30, bottom: 30 },
    ]),
    "M1 30V10h2V30z",
  );
});

Deno.test("joinReadings() joins readings ten minutes apart and breaks longer gaps", () => {
  const hr: (number | null)[] = new Array(60).fill(null);
  hr[0] = 60;
  hr[10] = 62;
  hr[31] = 70;
  assert.deepEqual(joinReadings(hr, 10), [[0, 60], [10, 62], null, [31, 70]]);
});

Deno.test("HistoryNav links views and neighbours and offers a GET date form", () => {
  const html = renderToString(
    h(HistoryNav, {
      bandId: "b1",
      view: "month",
      day: "2024-03-31",
      today: "2024-04-10",
    }),
  );
  assert.match(
    html,
    /href="\/devices\/b1\/history\?view=month&amp;day=2024-02-29"[^>]*rel="prev"/,
  );
  assert.match(
    html,
    /href="\/devices\/b1\/history\?view=month&amp;day=2024-04-30"[^>]*rel="next"/,
  );
  assert.match(html, /aria-current="page"[^>]*>Month</);
  assert.match(html, /<form class="history-picker" method="get">/);
  assert.match(
    html,
    /type="date" name="day" value="2024-03-31" max="2024-04-10"/,
  );
});

Deno.test("DataStatus states completeness and the last sync in the person's zone", () => {
  const html = renderToString(
    h(DataStatus, {
      completeness: {
        recordedMinutes: 1300,
        expectedMinutes: 1440,
        lastSyncAt: Date.UTC(2024, 2, 5, 13, 2),
      },
      period: "day",
      timeZone: "Europe/Berlin",
      now: Date.UTC(2024, 2, 5, 16, 10),
    }),
  );
  assert.match(
    html,
    /Data for 90% of this day so far \(2 hrs, 20 mins missing\)\./,
  );
  assert.match(html, /Last synced 3 hours ago, 5 Mar 2024, 14:02\./);
});
