// Issue 13: a year of minutes (525,600 rows, plus a realtime heart-rate reading
// every hour) imported from a Gadgetbridge database through the API on
// in-memory KV (target < 3 s), and exported back. The upload streams to a temp file on the
// server; only the decoded 4-byte minutes (about 2 MB) are held in memory.
import {
  addBand,
  type Agent,
  createApiTestApp,
  signUpOwner,
} from "../api/harness.ts";
import {
  makeMinutes,
  TEST_MAC,
  writeGadgetbridgeDb,
} from "../gadgetbridge/_gadgetbridge_db.ts";

const YEAR_START = Date.UTC(2023, 0, 1) / 1000;
const YEAR_MINUTES = 525_600;
const NOW = Date.UTC(2024, 0, 2);

const { path, bytes } = writeGadgetbridgeDb({
  samples: [
    ...makeMinutes(YEAR_START, YEAR_MINUTES),
    ...Array.from({ length: 8760 }, (_, h) => ({
      t: YEAR_START + h * 3600 + 17,
      kind: 1,
      intensity: -1,
      steps: 0,
      hr: 60 + (h % 50),
    })),
  ],
});
Deno.removeSync(path);

async function importYear(
  then?: (agent: Agent, id: string) => Promise<void>,
): Promise<number> {
  const t = await createApiTestApp({}, () => NOW);
  const agent = await signUpOwner(t, "owner", "Europe/Berlin");
  const id = await addBand(agent);
  const started = performance.now();
  const res = await agent.request(
    "POST",
    `/api/bands/${id}/imports/gadgetbridge?device=${TEST_MAC}`,
    { body: bytes, headers: { "Content-Type": "application/octet-stream" } },
  );
  const result = await res.json();
  const wall = performance.now() - started;
  if (res.status !== 200 || result.minutes !== YEAR_MINUTES) {
    throw new Error(`import failed: ${res.status} ${JSON.stringify(result)}`);
  }
  await then?.(agent, id);
  t[Symbol.dispose]();
  return wall;
}

{
  await importYear();
  const runs = [await importYear(), await importYear()];
  console.log(
    `import a year from Gadgetbridge (${
      (bytes.length / 1e6).toFixed(1)
    } MB file): best ${
      Math.min(...runs).toFixed(0)
    } ms wall (target < 3000 ms)`,
  );
}

async function exportYear(agent: Agent, id: string): Promise<void> {
  const started = performance.now();
  const res = await agent.request(
    "GET",
    `/api/bands/${id}/export?format=gadgetbridge`,
  );
  const size = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`export failed: ${res.status}`);
  console.log(
    `export a year to Gadgetbridge: ${
      (performance.now() - started).toFixed(0)
    } ms wall, ${(size / 1e6).toFixed(1)} MB`,
  );
}

await importYear(exportYear);

Deno.bench(
  "import one year of minutes from a Gadgetbridge database through the API",
  {
    n: 3,
    warmup: 0,
  },
  async () => {
    await importYear();
  },
);
