import assert from "node:assert/strict";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { HeartRateLine } from "../../components/charts/HeartRateLine.tsx";
import { StepsBars } from "../../components/charts/StepsBars.tsx";
import { toWorkoutSpan } from "../../components/charts/WorkoutBands.tsx";
import { createFormats } from "../../components/formats.ts";
import {
  listWorkoutFigures,
  WorkoutList,
} from "../../components/history/WorkoutList.tsx";

const START = Date.UTC(2024, 2, 5);
const STEPS: (number | null)[] = new Array(1440).fill(0);

function workout(overrides: Record<string, number | null> = {}) {
  return {
    time: START + 7 * 3_600_000 + 10 * 60_000,
    end: START + 7 * 3_600_000 + 55 * 60_000,
    type: 3,
    steps: 4200,
    distanceMeters: 3150,
    calories: 210,
    averageHeartRate: 112,
    maxHeartRate: 141,
    raw: null,
    ...overrides,
  };
}

Deno.test("toWorkoutSpan() turns epoch ms into minute slots from the day's start", () => {
  assert.deepEqual(toWorkoutSpan(workout(), START, "Walking"), {
    start: 430,
    end: 475,
    label: "Walking",
  });
});

Deno.test("StepsBars shades each workout, clipped to the day, and names it in the legend", () => {
  const html = renderToString(
    h(StepsBars, {
      id: "s",
      start: START,
      steps: STEPS,
      timeZone: "UTC",
      workouts: [
        { start: 430, end: 475, label: "Walking 07:10–07:55" },
        { start: 1420, end: 1500, label: "Cycling 23:40–01:00" },
      ],
    }),
  );
  assert.match(
    html,
    /class="chart-fill-workout"[^>]*data-workout-start="430" data-workout-minutes="45"><title>Walking 07:10–07:55<\/title>/,
  );
  assert.match(html, /data-workout-start="1420" data-workout-minutes="20"/);
  assert.match(html, /2 workouts shaded\./);
  assert.match(html, /<\/svg>Workout<\/li>/);
});

Deno.test("StepsBars without workouts draws no band and no workout legend", () => {
  const html = renderToString(
    h(StepsBars, { id: "s", start: START, steps: STEPS, timeZone: "UTC" }),
  );
  assert.equal(html.includes("chart-fill-workout"), false);
  assert.equal(html.includes(">Workout<"), false);
});

Deno.test("HeartRateLine draws on-demand measurements as dots inside the value range", () => {
  const hr: (number | null)[] = new Array(1440).fill(null);
  hr[600] = 70;
  hr[610] = 75;
  const html = renderToString(
    h(HeartRateLine, {
      id: "h",
      start: START,
      heartRate: hr,
      timeZone: "UTC",
      measurements: [{ slot: 300, bpm: 130 }, { slot: 2000, bpm: 40 }],
    }),
  );
  const dots = [
    ...html.matchAll(
      /<circle cx="([\d.]+)" cy="([\d.]+)" r="3.5" data-bpm="(\d+)"/g,
    ),
  ];
  assert.deepEqual(dots.map((d) => d[3]), ["130"]);
  // The line puts a minute's reading at its middle, so the dot does too.
  assert.equal(Number(dots[0][1]), 131.32);
  assert.ok(
    Number(dots[0][2]) >= 14,
    `dot at y=${dots[0][2]} is above the plot`,
  );
  assert.match(html, /2 readings between 70 and 130 bpm/);
  assert.match(html, /1 measured on demand, shown as dots\./);
  assert.match(html, /<\/svg>Measured on demand<\/li>/);
});

Deno.test("WorkoutList shows type, times, duration and only the figures present", () => {
  const html = renderToString(
    h(WorkoutList, {
      workouts: [
        workout(),
        workout({
          time: START + 18 * 3_600_000,
          end: START + 18 * 3_600_000 + 90 * 60_000,
          type: 99,
          steps: null,
          distanceMeters: 850,
          calories: null,
          averageHeartRate: null,
          maxHeartRate: null,
        }),
      ],
      timeZone: "UTC",
    }),
  );
  const items = [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, "|")
  );
  assert.deepEqual(items, [
    "|Walking||07:10 – 07:55, 45 mins||3.15 km · 4,200 steps · 210 kcal · heart rate 112 avg, 141 max|",
    "|Workout (type 99)||18:00 – 19:30, 1 hr, 30 mins||850 m|",
  ]);
  assert.deepEqual(
    listWorkoutFigures(
      workout({
        distanceMeters: null,
        steps: null,
        calories: null,
        averageHeartRate: null,
      }),
      createFormats("en-GB", "UTC"),
    ),
    [],
  );
});

Deno.test("WorkoutList says so when no workout started that day", () => {
  const html = renderToString(
    h(WorkoutList, { workouts: [], timeZone: "UTC" }),
  );
  assert.match(html, /No workouts started on this day\./);
});
