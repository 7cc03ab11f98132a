// `deno task bench`: server render of the history day and year views over a year
// of generated minutes in KV, through the whole app in-process. Targets: under
// 30 ms for a day, under 60 ms for a year, under 150 KB of HTML for either.
// Every day also carries two workouts and 24 on-demand heart-rate measurements,
// more than a person takes, so the day list, bands and dots are in the figure.
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

Deno.bench({
  name: "history day view render (target < 30 ms)",
  group: "history",
  async fn() {
    await render(`view=day&day=${yesterday}`);
  },
});

Deno.bench({
  name: "history year view render (target < 60 ms)",
  group: "history",
  async fn() {
    await render(`view=year&day=${yesterday}`);
  },
});
