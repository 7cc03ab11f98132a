import assert from "node:assert/strict";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { ActivityStrip } from "../../components/charts/ActivityStrip.tsx";
import { DailyBars } from "../../components/charts/DailyBars.tsx";
import { HeartRateLine } from "../../components/charts/HeartRateLine.tsx";
import { RestingHeartRateLine } from "../../components/charts/RestingHeartRateLine.tsx";
import { SleepBars } from "../../components/charts/SleepBars.tsx";
import { StepsBars } from "../../components/charts/StepsBars.tsx";
import { findHourTicks } from "../../components/charts/TimeAxis.tsx";
import { startOfLocalDay } from "../../lib/time/zones.ts";

const BERLIN = "Europe/Berlin";

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

Deno.test("StepsBars draws a bar per minute with steps and a band per gap", () => {
  const steps: (number | null)[] = new Array(1440).fill(0);
  steps[600] = 80;
  steps[601] = 40;
  steps[900] = 120;
  for (let i = 100; i < 160; i++) steps[i] = null;
  const html = renderToString(
    h(StepsBars, {
      id: "s",
      start: startOfLocalDay("2024-01-15", BERLIN),
      steps,
      timeZone: BERLIN,
    }),
  );
  assert.equal(count(html, /<rect x=/g), 3);
  assert.equal(count(html, /data-gap-start="100" data-gap-minutes="60"/g), 1);
  assert.match(html, /role="img"/);
  assert.match(html, /<title id="s-title">Steps per minute<\/title>/);
  assert.match(html, /240 steps in total; the busiest minute had 120 steps/);
  assert.match(html, />06:00<\/text>/);
  assert.match(html, />steps\/min<\/text>/);
  assert.equal(html.includes("style="), false);
});

Deno.test("HeartRateLine breaks the line where there is no reading", () => {
  const hr: (number | null)[] = new Array(1440).fill(null);
  for (let i = 0; i < 10; i++) hr[i] = 60 + i;
  for (let i = 20; i < 25; i++) hr[i] = 70;
  const html = renderToString(
    h(HeartRateLine, {
      id: "h",
      start: startOfLocalDay("2024-01-15", BERLIN),
      heartRate: hr,
      timeZone: BERLIN,
    }),
  );
  const d = html.match(/ d="([^"]+)"/)![1];
  assert.equal(count(d, /M/g), 2);
  assert.equal(count(d, /L/g), 9 + 4);
  // Read the baseline and the value scale from the rendered axes, so a point
  // that drops to zero (or anywhere but its reading) shows up.
  const baseline = Number(
    html.match(
      /<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="\1" stroke="currentColor">/,
    )![1],
  );
  const ticks = [...html.matchAll(
    /<line class="chart-grid" [^>]*y1="([\d.]+)"[^>]*><\/line><text [^>]*>(\d+)<\/text>/g,
  )].map((m) => ({ y: Number(m[1]), bpm: Number(m[2]) }));
  assert.ok(ticks.length >= 2, "the value axis has ticks");
  const [first, last] = [ticks[0], ticks[ticks.length - 1]];
  const toBpm = (y: number) =>
    first.bpm + (y - first.y) * (last.bpm - first.bpm) / (last.y - first.y);
  const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
  assert.equal(ys.length, 15);
  assert.ok(ys.every((y) => y < baseline), "no point drops to the baseline");
  assert.deepEqual(
    ys.map((y) => Math.round(toBpm(y))),
    hr.filter((v) => v !== null),
  );
  assert.match(html, /15 readings between 60 and 70 bpm/);
});

Deno.test("TimeAxis ticks follow the local clock on a 23-hour day", () => {
  const start = startOfLocalDay("2024-03-31", BERLIN);
  const ticks = findHourTicks(start, 1380, BERLIN, 6);
  assert.deepEqual(ticks, [
    { slot: 0, label: "00:00" },
    { slot: 300, label: "06:00" },
    { slot: 660, label: "12:00" },
    { slot: 1020, label: "18:00" },
    { slot: 1380, label: "24:00" },
  ]);
});

Deno.test("ActivityStrip draws one rectangle per run with its class", () => {
  const classes = [
    ...new Array(420).fill("deep_sleep"),
    ...new Array(60).fill("light_sleep"),
    ...new Array(60).fill(null),
    ...new Array(900).fill("active"),
  ];
  const html = renderToString(
    h(ActivityStrip, {
      id: "a",
      start: startOfLocalDay("2024-01-15", BERLIN),
      classes,
      timeZone: BERLIN,
    }),
  );
  assert.equal(count(html, /data-class=/g), 4);
  assert.match(html, /data-class="gap" data-minutes="60"/);
  assert.match(
    html,
    /Light sleep 60 min, Deep sleep 420 min, Active 900 min, no data 60 min/,
  );
  assert.match(html, /Not worn<\/li>/);
  assert.match(html, /Charging<\/li>/);
});

Deno.test("DailyBars marks days that met the goal and days without data", () => {
  const days = ["2024-03-25", "2024-03-26", "2024-03-27"];
  const html = renderToString(
    h(DailyBars, {
      id: "d",
      title: "Daily steps",
      unit: "steps",
      days,
      values: [9000, null, 4000],
      goal: 8000,
    }),
  );
  assert.match(
    html,
    /class="chart-fill-goal_met"[^>]*data-day="2024-03-25" data-value="9000"/,
  );
  assert.match(
    html,
    /class="chart-fill-steps"[^>]*data-day="2024-03-27" data-value="4000"/,
  );
  assert.match(html, /data-day="2024-03-26" data-gap="true"/);
  assert.match(html, /goal met on 1 days/);
  assert.match(html, />Goal \(8,000 steps\)</);
  assert.match(html, />Mon<\/text>/);
  assert.equal(count(html, /chart-goal-mark/g), 1);
});

Deno.test("SleepBars stacks deep under light", () => {
  const html = renderToString(
    h(SleepBars, {
      id: "z",
      days: ["2024-03-25", "2024-03-26"],
      lightMinutes: [300, null],
      deepMinutes: [120, null],
    }),
  );
  assert.match(html, /data-day="2024-03-25" data-light="300" data-deep="120"/);
  assert.equal(html.includes('data-day="2024-03-26"'), false);
  assert.match(html, /average 7 h 00/);
});

Deno.test("RestingHeartRateLine gaps days without a value and labels months for a year", () => {
  const html = renderToString(
    h(RestingHeartRateLine, {
      id: "r",
      days: ["2024-03-25", "2024-03-26", "2024-03-27"],
      values: [58, null, 60],
    }),
  );
  const d = html.match(/ d="([^"]+)"/)![1];
  assert.equal(count(d, /M/g), 2);
  assert.equal(count(html, /<circle/g), 2);
  const year = Array.from(
    { length: 366 },
    (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
  );
  const yearHtml = renderToString(
    h(RestingHeartRateLine, {
      id: "y",
      days: year,
      values: year.map(() => 60),
    }),
  );
  assert.equal(
    count(
      yearHtml,
      />(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)<\/text>/g,
    ),
    12,
  );
});

Deno.test("StepsBars marks the rest of today 'not yet', not 'no data'", () => {
  const start = startOfLocalDay("2024-01-15", BERLIN);
  const steps: (number | null)[] = new Array(1440).fill(null);
  for (let i = 0; i < 600; i++) steps[i] = i % 7;
  const html = renderToString(
    h(StepsBars, {
      id: "s",
      start,
      steps,
      timeZone: BERLIN,
      now: start + 600 * 60_000 + 30_000,
    }),
  );
  assert.match(html, /class="chart-fill-future"[^>]*data-future-start="601"/);
  assert.equal(
    count(html, /data-gap-start=/g),
    1,
    "only minute 600 is missing",
  );
  assert.match(html, /Not yet/);
  const past = renderToString(
    h(StepsBars, { id: "s", start, steps, timeZone: BERLIN }),
  );
  assert.equal(past.includes("Not yet"), false);
  assert.match(past, /data-gap-start="600" data-gap-minutes="840"/);
});

Deno.test("ActivityStrip leaves the rest of today 'not yet'", () => {
  const start = startOfLocalDay("2024-01-15", BERLIN);
  const classes = new Array(1440).fill(null).map((_, i) =>
    i < 300 ? "deep_sleep" as const : null
  );
  const html = renderToString(
    h(ActivityStrip, {
      id: "a",
      start,
      classes,
      timeZone: BERLIN,
      now: start + 300 * 60_000,
    }),
  );
  assert.match(html, /data-future-start="300"/);
  assert.equal(html.includes('data-class="gap"'), false);
  assert.match(html, /Not yet/);
});

Deno.test("axis titles sit above the top tick label, never on it", () => {
  const steps = new Array(1440).fill(0);
  steps[700] = 118;
  const html = renderToString(
    h(StepsBars, {
      id: "s",
      start: startOfLocalDay("2024-01-15", BERLIN),
      steps,
      timeZone: BERLIN,
    }),
  );
  const unitY = Number(/class="chart-unit" x="2" y="([\d.]+)"/.exec(html)?.[1]);
  const tickYs = [...html.matchAll(/<text x="38" y="([\d.]+)" dy="0.32em"/g)]
    .map((m) => Number(m[1]));
  const topTick = Math.min(...tickYs);
  // 11-unit text: the unit's baseline plus descenders against the tick's cap height.
  assert.ok(
    unitY + 3 < topTick - 5.5,
    `unit at ${unitY}, top tick at ${topTick}`,
  );
});
