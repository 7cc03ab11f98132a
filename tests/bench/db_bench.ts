// Issue 4 benchmarks, in-process through the API on in-memory KV:
// a year of minutes uploaded in 31-day requests (every day's figures computed
// and stored with them; target ≥ 1 M minutes/s), a year of daily summaries, a day of minutes.
import process from "node:process";
import { encodeSampleData } from "../../lib/api/sample_data.ts";
import type { ActivitySample } from "../../lib/protocol/activity_sample.ts";
import { addBand, createApiTestApp, signUpOwner } from "../api/harness.ts";

const MIN = 60_000;
const YEAR_START = Date.UTC(2023, 0, 1);
const YEAR_MINUTES = 525_600;
const CHUNK = 31 * 1440;

function makeSamples(count: number, seed: number): ActivitySample[] {
  return Array.from({ length: count }, (_, i) => {
    const x = (i * 2654435761 + seed) >>> 0;
    return {
      kind: [1, 0x50, 9, 11][x % 4],
      intensity: x % 200,
      steps: x % 120,
      heartRate: 50 + (x % 70),
    };
  });
}

const bodies: string[] = [];
for (let from = 0; from < YEAR_MINUTES; from += CHUNK) {
  const count = Math.min(CHUNK, YEAR_MINUTES - from);
  bodies.push(JSON.stringify({
    batches: [{
      start: YEAR_START + from * MIN,
      utcOffsetMinutes: 60,
      data: encodeSampleData(makeSamples(count, from)),
    }],
  }));
}

async function freshBand() {
  const t = await createApiTestApp();
  const agent = await signUpOwner(t);
  return { t, agent, id: await addBand(agent) };
}

async function uploadYear(): Promise<{ wall: number; cpu: number }> {
  const { t, agent, id } = await freshBand();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const body of bodies) {
    const res = await agent.request("POST", `/api/bands/${id}/samples`, {
      body,
    });
    if (res.status !== 200) throw new Error(`upload failed: ${res.status}`);
    await res.body?.cancel();
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  t[Symbol.dispose]();
  return { wall, cpu: (used.user + used.system) / 1000 };
}

{
  await uploadYear();
  const runs = [await uploadYear(), await uploadYear(), await uploadYear()];
  const best = (f: (r: { wall: number; cpu: number }) => number) =>
    Math.min(...runs.map(f));
  const rate = (ms: number) => (YEAR_MINUTES / ms / 1000).toFixed(2);
  console.log(
    `upload a year: best ${best((r) => r.wall).toFixed(0)} ms wall (${
      rate(best((r) => r.wall))
    } M minutes/s), ${best((r) => r.cpu).toFixed(0)} ms CPU (${
      rate(best((r) => r.cpu))
    } M minutes/s) (target ≥ 1 M minutes/s)`,
  );
}

let uploadRuns = 0;
Deno.bench("upload one year of minutes (525,600 samples) through the API", {
  n: 3,
  warmup: 0,
}, async (b) => {
  const { t, agent, id } = await freshBand();
  b.start();
  for (const body of bodies) {
    const res = await agent.request("POST", `/api/bands/${id}/samples`, {
      body,
    });
    if (res.status !== 200) {
      throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    }
    await res.body?.cancel();
  }
  b.end();
  uploadRuns++;
  t[Symbol.dispose]();
});

const loaded = await freshBand();
for (const body of bodies) {
  const res = await loaded.agent.request(
    "POST",
    `/api/bands/${loaded.id}/samples`,
    { body },
  );
  if (res.status !== 200) throw new Error(`upload failed: ${res.status}`);
  await res.body?.cancel();
}

Deno.bench("query a year of daily summaries through the API", async () => {
  const res = await loaded.agent.request(
    "GET",
    `/api/bands/${loaded.id}/summaries/daily?from=2023-01-01&to=2023-12-31`,
  );
  const body = await res.json();
  if (body.days.length !== 365) {
    throw new Error(`expected 365 days, got ${body.days.length}`);
  }
});

Deno.bench("query a day of raw minutes through the API", async () => {
  const res = await loaded.agent.request(
    "GET",
    `/api/bands/${loaded.id}/minutes?day=2023-06-15`,
  );
  const body = await res.json();
  if (body.minutes.length !== 1440) {
    throw new Error(`expected 1440 minutes, got ${body.minutes.length}`);
  }
});

Deno.bench("query a day of hourly summaries through the API", async () => {
  const res = await loaded.agent.request(
    "GET",
    `/api/bands/${loaded.id}/summaries/hourly?day=2023-06-15`,
  );
  await res.json();
});
