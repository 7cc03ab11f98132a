// A restore writes through the upload path: a whole month of minutes from a
// person in Tokyo, restored into an account in New York, gets New York's day
// figures, the same as if the band had synced there; and the biggest commits a
// restore makes (a 31-day month, 400 workouts of the largest size) fit hosted
// KV's limits (the test app runs under `withKvLimits`).
import assert from "node:assert/strict";
import {
  addBand,
  type Agent,
  createApiTestApp,
  signUpOwner,
} from "../api/harness.ts";
import {
  downloadTakeout,
  makeSamples,
  MIN,
  postRestore,
  uploadMinutes,
  uploadReadings,
} from "./_takeout.ts";

const NOW = Date.UTC(2024, 5, 1, 12, 0);
const MARCH = Date.UTC(2024, 2, 1);
const MARCH_MINUTES = 31 * 1440;
const RANGE = "from=2024-02-28&to=2024-04-02";

async function daily(agent: Agent, bandId: string): Promise<unknown> {
  const res = await agent.request(
    "GET",
    `/api/bands/${bandId}/summaries/daily?${RANGE}`,
  );
  assert.equal(res.status, 200);
  return await res.json();
}

async function onlyBandId(agent: Agent): Promise<string> {
  const res = await agent.request("GET", "/api/bands");
  const { bands } = await res.json();
  assert.equal(bands.length, 1);
  return bands[0].id;
}

Deno.test("[api] POST /api/me/restore computes a month's day figures in the receiving account's zone, as a sync there would", async () => {
  using t = await createApiTestApp({}, () => NOW);
  const tokyo = await signUpOwner(t, "tokyo", "Asia/Tokyo");
  const band = await addBand(tokyo);
  const samples = makeSamples(MARCH_MINUTES, 3);
  await uploadMinutes(tokyo, band, [{ start: MARCH, offset: 540, samples }]);
  const archive = await downloadTakeout(tokyo, "?keys=1");
  assert.equal(archive.res.status, 200);

  using restored = await createApiTestApp({}, () => NOW);
  const newYork = await signUpOwner(restored, "newyork", "America/New_York");
  const res = await postRestore(newYork, archive.bytes);
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal((await res.json()).bands[0].minutes, MARCH_MINUTES);

  using synced = await createApiTestApp({}, () => NOW);
  const direct = await signUpOwner(synced, "newyork", "America/New_York");
  const directBand = await addBand(direct);
  await uploadMinutes(direct, directBand, [
    { start: MARCH, offset: 540, samples },
  ]);

  const figures = await daily(newYork, await onlyBandId(newYork));
  assert.deepEqual(figures, await daily(direct, directBand));
  // The zone matters: Tokyo's days cut the same minutes elsewhere.
  assert.notDeepEqual(figures, await daily(tokyo, band));
});

Deno.test("[api] POST /api/me/restore stores 800 workouts of the largest size within hosted KV's commit limits", async () => {
  using t = await createApiTestApp({}, () => NOW);
  const source = await signUpOwner(t, "source", "Europe/Berlin");
  const band = await addBand(source);
  const raw = btoa(String.fromCharCode(...new Uint8Array(1024).fill(0xa5)));
  assert.equal(raw.length, 1368);
  const workouts = Array.from({ length: 800 }, (_, i) => ({
    time: MARCH + i * 60 * MIN,
    end: MARCH + i * 60 * MIN + 30 * MIN,
    type: 1,
    steps: 1000,
    distanceMeters: 800.5,
    calories: 90.25,
    averageHeartRate: 120,
    maxHeartRate: 160,
    raw,
  }));
  for (let i = 0; i < workouts.length; i += 40) {
    await uploadReadings(source, band, "workouts", workouts.slice(i, i + 40));
  }
  const archive = await downloadTakeout(source, "?keys=1");

  using restored = await createApiTestApp({}, () => NOW);
  const target = await signUpOwner(restored, "target", "Europe/Berlin");
  const res = await postRestore(target, archive.bytes);
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal((await res.json()).bands[0].workouts, 800);
  const list = await target.request(
    "GET",
    `/api/bands/${await onlyBandId(target)}/readings/workouts?limit=5000`,
  );
  assert.equal((await list.json()).readings.length, 800);
});
