// `deno task bench`: server render of the history day and year views over a year
// of generated minutes in KV, through the whole app in-process. Targets: under
// 30 ms for a day, under 60 ms for a year, under 150 KB of HTML for either.
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
