// `deno task bench`: server render of the history day, month and year views over
// a year of generated minutes in KV, through the whole app in-process. Targets
// (issue 9): under 5 ms for a day, 3 ms for a month, 5 ms for a year, and under
// 150 KB of HTML. On a shared machine the wall time swings with the load, so
// the CPU time per render (process.cpuUsage) is printed too.
// Every day also carries two workouts and 24 on-demand heart-rate measurements,
// more than a person takes, so the day list, bands and dots are in the figure.
import process from "node:process";
import { storeReadings } from "../../lib/db/readings.ts";
import { createHistoryApp } from "../history/_history_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";

const kv = await Deno.openKv(":memory:");
const now = Date.now();
const seeded = await seedPersonWithBand(kv, {
  timeZone: "Europe/Berlin",
  now,
  weeks: 53,
  utcOffsetMinutes: 60,
  stepGoal: 8000,
});
const HOUR = 3_600_000;
const firstDay = Math.floor(now / 86_400_000) * 86_400_000 - 371 * 86_400_000;
for (let day = firstDay; day < now - 86_400_000; day += 20 * 86_400_000) {
  const workouts = [];
  const measurements = [];
  for (
    let d = day;
    d < day + 20 * 86_400_000 && d < now - 86_400_000;
    d += 86_400_000
  ) {
    for (const hour of [7, 18]) {
      workouts.push({
        time: d + hour * HOUR,
        end: d + hour * HOUR + 45 * 60_000,
        type: hour === 7 ? 1 : 4,
        steps: 5200,
        distanceMeters: 6400,
        calories: 380,
        averageHeartRate: 138,
        maxHeartRate: 171,
        raw: null,
      });
    }
    for (let hour = 0; hour < 24; hour++) {
      measurements.push({
        time: d + hour * HOUR + 30 * 60_000,
        bpm: 60 + hour,
      });
    }
  }
  await storeReadings(kv, "workouts", seeded.bandId, workouts);
  await storeReadings(kv, "heart_rate", seeded.bandId, measurements);
}
const app = createHistoryApp(kv);
const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);

async function render(query: string): Promise<number> {
  const res = await app.request(
    `http://localhost/devices/${seeded.bandId}/history?${query}`,
    { headers: { Cookie: seeded.cookie, Accept: "text/html" } },
  );
  if (res.status !== 200) {
    throw new Error(`Cannot render ${query}: ${res.status}`);
  }
  return (await res.text()).length;
}

const dayBytes = await render(`view=day&day=${yesterday}`);
const yearBytes = await render(`view=year&day=${yesterday}`);
console.log(
  `history HTML: day ${(dayBytes / 1024).toFixed(1)} KB, year ${
    (yearBytes / 1024).toFixed(1)
  } KB (target < 150 KB)`,
);

const VIEWS = [
  ["day", 5],
  ["month", 3],
  ["year", 5],
] as const;

for (const [view, target] of VIEWS) {
  const query = `view=${view}&day=${yesterday}`;
  for (let i = 0; i < 20; i++) await render(query);
  const runs = 100;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await render(query);
  const used = process.cpuUsage(cpu);
  console.log(
    `history ${view} view: ${
      ((used.user + used.system) / 1000 / runs).toFixed(2)
    } ms CPU, ${
      ((performance.now() - started) / runs).toFixed(2)
    } ms wall per render (target < ${target} ms)`,
  );
  Deno.bench({
    name: `history ${view} view render (target < ${target} ms)`,
    group: "history",
    async fn() {
      await render(query);
    },
  });
}
