// Issue 13: the takeout of a year of minutes of one band (525,600 minutes, a
// heart-rate reading every hour, a workout a day), downloaded through the API
// on in-memory KV, and its restore into a fresh server (check, then write
// through the upload path). Prints wall times and the archive's size.
import { unzipSync } from "fflate";
import {
  addBand,
  type ApiTestApp,
  createApiTestApp,
  signUpOwner,
} from "../api/harness.ts";
import { buildDayMinutes, MINUTE_MS } from "../support/scale_data.ts";
import { storeSamples } from "../../lib/db/samples.ts";
import { storeReadings } from "../../lib/db/readings.ts";

const YEAR_START = Date.UTC(2023, 0, 1);
const NOW = Date.UTC(2024, 0, 2);
const HOUR_MS = 3_600_000;

async function seedYear(t: ApiTestApp, bandId: string): Promise<void> {
  for (let month = 0; month < 12; month++) {
    const start = Date.UTC(2023, month, 1);
    const end = Date.UTC(2023, month + 1, 1);
    await storeSamples(t.kv, bandId, [{
      start,
      utcOffsetMinutes: 60,
      bytes: buildDayMinutes(start, (end - start) / MINUTE_MS),
    }], { timeZone: "Europe/Berlin", now: NOW });
  }
  const heartRate = Array.from({ length: 8760 }, (_, h) => ({
    time: YEAR_START + h * HOUR_MS + 17_000,
    bpm: 60 + (h % 50),
  }));
  for (let i = 0; i < heartRate.length; i += 400) {
    await storeReadings(
      t.kv,
      "heart_rate",
      bandId,
      heartRate.slice(i, i + 400),
    );
  }
  const workouts = Array.from({ length: 365 }, (_, d) => ({
    time: YEAR_START + d * 86_400_000 + 18 * HOUR_MS,
    end: YEAR_START + d * 86_400_000 + 19 * HOUR_MS,
    type: 1,
    steps: 5000,
    distanceMeters: 4000,
    calories: 300,
    averageHeartRate: 130,
    maxHeartRate: 160,
    raw: null,
  }));
  await storeReadings(t.kv, "workouts", bandId, workouts);
}

const source = await createApiTestApp({}, () => NOW);
const owner = await signUpOwner(source, "owner", "Europe/Berlin");
await seedYear(source, await addBand(owner));

let archive = new Uint8Array(0);
const takeoutRuns: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const res = await owner.request("GET", "/api/me/takeout?keys=1");
  archive = new Uint8Array(await res.arrayBuffer());
  takeoutRuns.push(performance.now() - started);
  if (res.status !== 200) throw new Error(`takeout failed: ${res.status}`);
}
const unpacked = Object.values(unzipSync(archive)).reduce(
  (n, f) => n + f.byteLength,
  0,
);
console.log(
  `takeout of a year of minutes: best ${
    Math.min(...takeoutRuns).toFixed(0)
  } ms wall, ${(archive.length / 1e6).toFixed(1)} MB ZIP (${
    (unpacked / 1e6).toFixed(1)
  } MB unpacked)`,
);

const restoreRuns: number[] = [];
for (let run = 0; run < 2; run++) {
  const target = await createApiTestApp({}, () => NOW);
  const agent = await signUpOwner(target, "restorer", "Europe/Berlin");
  const started = performance.now();
  const res = await agent.request("POST", "/api/me/restore", {
    body: archive,
    headers: { "Content-Type": "application/zip" },
  });
  const result = await res.json();
  restoreRuns.push(performance.now() - started);
  if (res.status !== 200 || result.bands[0].minutes !== 525_600) {
    throw new Error(`restore failed: ${res.status} ${JSON.stringify(result)}`);
  }
  if (run === 1) {
    const again = performance.now();
    await agent.request("POST", "/api/me/restore", {
      body: archive,
      headers: { "Content-Type": "application/zip" },
    });
    console.log(
      `restore the same year again (nothing new): ${
        (performance.now() - again).toFixed(0)
      } ms wall`,
    );
  }
  target[Symbol.dispose]();
}
console.log(
  `restore a year of minutes into a fresh server: best ${
    Math.min(...restoreRuns).toFixed(0)
  } ms wall`,
);
source[Symbol.dispose]();
