// Helpers of the takeout tests: history stored through the API's own write
// paths, the archive downloaded and unpacked, and the whole KV listed to
// compare before and after.
import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import type { Agent } from "../api/harness.ts";
import { encodeSampleData } from "../../lib/api/sample_data.ts";
import type { ActivitySample } from "../../lib/minute/sample.ts";

/** One minute in ms. */
export const MIN = 60_000;

/** Varied minutes: both heart-rate "no reading" bytes, steps, kinds with flags. */
export function makeSamples(count: number, seed = 0): ActivitySample[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: i % 5 === 0 ? 0x50 : (i + seed) % 7,
    intensity: (i * 3 + seed) % 250,
    steps: (i * 7 + seed) % 120,
    heartRate: i % 4 === 0 ? 0xff : i % 9 === 0 ? 0 : 55 + ((i + seed) % 60),
  }));
}

/** Uploads minutes through `POST /api/bands/:id/samples`. */
export async function uploadMinutes(
  agent: Agent,
  bandId: string,
  batches: { start: number; offset: number; samples: ActivitySample[] }[],
): Promise<void> {
  const res = await agent.request("POST", `/api/bands/${bandId}/samples`, {
    json: {
      batches: batches.map((b) => ({
        start: b.start,
        utcOffsetMinutes: b.offset,
        data: encodeSampleData(b.samples),
      })),
    },
  });
  assert.equal(res.status, 200, await res.clone().text());
}

/** Stores readings through `POST /api/bands/:id/readings/:kind`. */
export async function uploadReadings(
  agent: Agent,
  bandId: string,
  kind: string,
  readings: unknown[],
): Promise<void> {
  const res = await agent.request(
    "POST",
    `/api/bands/${bandId}/readings/${kind}`,
    { json: { readings } },
  );
  assert.ok(res.status === 200 || res.status === 201, await res.clone().text());
}

/** Stores a few days of history of every kind for a band, starting at `start`. */
export async function seedBand(
  agent: Agent,
  bandId: string,
  start: number,
  seed: number,
): Promise<void> {
  await uploadMinutes(agent, bandId, [
    { start, offset: 120, samples: makeSamples(600, seed) },
    // A second run after a gap, with another offset (travel).
    { start: start + 1440 * MIN, offset: 60, samples: makeSamples(300, seed) },
  ]);
  // Into the next UTC month, so a restore writes more than one month.
  await uploadMinutes(agent, bandId, [
    {
      start: start + 20 * 1440 * MIN,
      offset: 120,
      samples: makeSamples(200, seed + 1),
    },
  ]);
  await uploadReadings(agent, bandId, "heart_rate", [
    { time: start + 17_000, bpm: 71 + seed },
    { time: start + 3_600_000, bpm: 88 },
  ]);
  await uploadReadings(agent, bandId, "battery", [
    { time: start + 60_000, level: 80 - seed, charging: false },
  ]);
  await uploadReadings(agent, bandId, "band_events", [
    { time: start + 120_000, type: "connected", detail: null },
  ]);
  await uploadReadings(agent, bandId, "workouts", [
    {
      time: start + 2 * 3_600_000,
      end: start + 3 * 3_600_000,
      type: 1,
      steps: 4000 + seed,
      distanceMeters: 3000,
      calories: 210,
      averageHeartRate: 120,
      maxHeartRate: 150,
      raw: null,
    },
  ]);
}

/** Downloads a takeout; answers the response and its files as text by name. */
export async function downloadTakeout(
  agent: Agent,
  query = "",
): Promise<
  { res: Response; bytes: Uint8Array<ArrayBuffer>; files: Map<string, string> }
> {
  const res = await agent.request("GET", `/api/me/takeout${query}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const files = new Map<string, string>();
  if (res.status === 200) {
    const decoder = new TextDecoder();
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      files.set(name, decoder.decode(data));
    }
  }
  return { res, bytes, files };
}

/** Parses a JSON Lines file. */
export function readLines(text: string | undefined): Record<string, unknown>[] {
  assert.ok(text !== undefined, "the file is missing");
  return text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
}

/** Posts an archive to `POST /api/me/restore`. */
export function postRestore(
  agent: Agent,
  body: Uint8Array<ArrayBuffer>,
): Promise<Response> {
  return agent.request("POST", "/api/me/restore", {
    body,
    headers: { "Content-Type": "application/zip" },
  });
}

/** Every KV entry as `key => [value, versionstamp]`, to compare whole stores. */
export async function dumpKv(
  kv: Deno.Kv,
): Promise<Map<string, [unknown, string]>> {
  const out = new Map<string, [unknown, string]>();
  for await (const e of kv.list({ prefix: [] })) {
    out.set(JSON.stringify(e.key), [e.value, e.versionstamp]);
  }
  return out;
}
