// `deno task bench`: requests per second for the history year page, served on
// 127.0.0.1 by Deno.serve over a year of generated minutes, with 16 clients
// each keeping one request in flight. Warm: every route has been hit first.
// Target (issue 9): at least 10× the 35 req/s measured before the stored figures.
// The printed CPU time per request is the load-independent figure.
import process from "node:process";
import { createHistoryApp } from "../history/_history_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";

const CLIENTS = 16;
const REQUESTS = 480;

const kv = await Deno.openKv(":memory:");
// Sessions expire against the real clock, so the history ends now.
const now = Date.now();
const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
const seeded = await seedPersonWithBand(kv, {
  timeZone: "Europe/Berlin",
  now,
  weeks: 53,
  utcOffsetMinutes: 120,
  stepGoal: 8000,
});
const app = createHistoryApp(kv);
const server = Deno.serve(
  { hostname: "127.0.0.1", port: 0, onListen() {} },
  app.fetch,
);
const url = `http://127.0.0.1:${server.addr.port}/devices/${seeded.bandId}` +
  `/history?view=year&day=${yesterday}`;
const init = { headers: { Cookie: seeded.cookie, Accept: "text/html" } };

async function fetchYear(): Promise<void> {
  const res = await fetch(url, init);
  if (res.status !== 200) throw new Error(`Cannot load year: ${res.status}`);
  await res.arrayBuffer();
}

/** Fires `total` requests from `clients` concurrent loops; returns requests per second. */
async function measureThroughput(clients: number, total: number) {
  let left = total;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) await fetchYear();
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    perSecond: total / ((performance.now() - started) / 1000),
    cpuMs: (used.user + used.system) / 1000 / total,
  };
}

for (let i = 0; i < 20; i++) await fetchYear();
const { perSecond, cpuMs } = await measureThroughput(CLIENTS, REQUESTS);
console.log(
  `year page over HTTP, ${CLIENTS} clients: ${
    perSecond.toFixed(0)
  } requests/s, ${
    cpuMs.toFixed(2)
  } ms CPU a request, server and clients (target ≥ 350 requests/s)`,
);

Deno.bench({
  name: "year page over HTTP, one request at a time",
  group: "load",
  async fn() {
    await fetchYear();
  },
});

globalThis.addEventListener("unload", () => {
  server.shutdown();
  kv.close();
});
