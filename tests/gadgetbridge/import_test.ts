// The Gadgetbridge import through the API: preview, import, merge rule, the
// realtime readings that share the samples table, ZIP backups and bad files.
import assert from "node:assert/strict";
import { zipSync } from "fflate";
import {
  addBand,
  type Agent,
  createApiTestApp,
  signUpOwner,
} from "../api/harness.ts";
import { readPacks } from "../../lib/db/samples.ts";
import { readMinute, toUtcDay } from "../../lib/db/sample_day.ts";
import { readingsPrefix, sampleDaysPrefix } from "../../lib/db/keys.ts";
import {
  makeMinutes,
  TEST_MAC,
  type TestDatabase,
  writeGadgetbridgeDb,
} from "./_gadgetbridge_db.ts";

const NOW = Date.UTC(2024, 5, 1, 12, 0);
const MARCH_1 = Date.UTC(2024, 2, 1) / 1000;

function post(
  agent: Agent,
  bandId: string,
  query: string,
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
) {
  return agent.request(
    "POST",
    `/api/bands/${bandId}/imports/gadgetbridge?${query}`,
    {
      body,
      headers: { "Content-Type": "application/octet-stream", ...headers },
    },
  );
}

async function setUp() {
  const t = await createApiTestApp({}, () => NOW);
  const owner = await signUpOwner(t, "owner", "UTC");
  const bandId = await addBand(owner);
  return { t, owner, bandId };
}

function fileOf(content: TestDatabase): Uint8Array<ArrayBuffer> {
  const { path, bytes } = writeGadgetbridgeDb(content);
  Deno.removeSync(path);
  return bytes;
}

async function countKeys(kv: Deno.Kv, prefix: Deno.KvKey): Promise<number> {
  let n = 0;
  for await (const _ of kv.list({ prefix })) n++;
  return n;
}

const DEVICES = [
  { id: 1, mac: TEST_MAC, name: "Mi Smart Band 4", type: 16 },
  { id: 2, mac: "E1:22:33:44:55:66", name: "Amazfit Bip", type: 12 },
  { id: 3, mac: "AA:00:00:00:00:01", name: "Pebble", type: 1 },
];

Deno.test("[api] POST /api/bands/:id/imports/gadgetbridge?dryRun=true lists devices with their minutes and span", async () => {
  const { t, owner, bandId } = await setUp();
  using _ = t;
  const minutes = makeMinutes(MARCH_1, 90);
  const file = fileOf({
    devices: DEVICES,
    samples: [
      ...minutes,
      // A realtime reading between minutes: not a minute.
      { t: MARCH_1 + 61 * 60 + 17, kind: 1, intensity: -1, steps: 0, hr: 71 },
      ...makeMinutes(MARCH_1 + 86400, 3).map((s) => ({ ...s, device: 2 })),
    ],
  });
  const res = await post(owner, bandId, "dryRun=true", file);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  const body = await res.json();
  assert.deepEqual(body.devices, [
    {
      identifier: TEST_MAC,
      name: "Mi Smart Band 4",
      type: "MIBAND4",
      model: null,
      minutes: 90,
      steps: minutes.reduce((n, s) => n + s.steps, 0),
      first: "2024-03-01T00:00:00.000Z",
      last: "2024-03-01T01:29:00.000Z",
    },
    {
      identifier: "E1:22:33:44:55:66",
      name: "Amazfit Bip",
      type: "AMAZFITBIP",
      model: null,
      minutes: 3,
      steps: makeMinutes(0, 3).reduce((n, s) => n + s.steps, 0),
      first: "2024-03-02T00:00:00.000Z",
      last: "2024-03-02T00:02:00.000Z",
    },
  ]);
  assert.equal(await countKeys(t.kv, sampleDaysPrefix(bandId)), 0);
});

Deno.test("[api] POST /api/bands/:id/imports/gadgetbridge?device= stores minutes byte for byte, once", async () => {
  const { t, owner, bandId } = await setUp();
  using _ = t;
  const minutes = makeMinutes(MARCH_1 + 23 * 3600, 120); // crosses a UTC day
  const file = fileOf({ samples: minutes });
  const steps = minutes.reduce((n, s) => n + s.steps, 0);
  const res = await post(owner, bandId, `device=${TEST_MAC}`, file);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  assert.deepEqual(await res.json(), {
    minutes: 120,
    steps,
    unchanged: 0,
    conflicting: 0,
    heartRateReadings: 0,
    batteryReadings: 0,
    workouts: 0,
  });
  const packs = await readPacks(t.kv, bandId, [
    toUtcDay(MARCH_1 * 1000),
    toUtcDay(MARCH_1 * 1000) + 1,
  ]);
  for (const s of minutes) {
    const ms = s.t * 1000;
    const stored = readMinute(
      packs.get(toUtcDay(ms))!,
      (ms % 86_400_000) / 60_000,
    );
    assert.deepEqual(stored, {
      kind: s.kind,
      intensity: s.intensity,
      steps: s.steps,
      heartRate: s.hr,
      utcOffsetMinutes: 0,
    });
  }
  const again = await post(owner, bandId, `device=${TEST_MAC}`, file);
  assert.equal(again.status, 200);
  const second = await again.json();
  assert.equal(second.minutes, 0);
  assert.equal(second.steps, 0);
  assert.equal(second.unchanged, 120);
});

Deno.test("[api] Gadgetbridge import keeps stored minutes and maps -1 and realtime rows", async () => {
  const { t, owner, bandId } = await setUp();
  using _ = t;
  const first = fileOf({ samples: makeMinutes(MARCH_1, 2) });
  assert.equal(
    (await post(owner, bandId, `device=${TEST_MAC}`, first)).status,
    200,
  );
  const file = fileOf({
    samples: [
      // Stored already with other bytes: the stored minute wins.
      { t: MARCH_1, kind: 0x50, intensity: 9, steps: 99, hr: 99 },
      // New minutes with "no value" in steps and heart rate.
      { t: MARCH_1 + 120, kind: 0x01, intensity: 3, steps: -1, hr: -1 },
      { t: MARCH_1 + 180, kind: 0x01, intensity: 3, steps: 4, hr: 0 },
      // Realtime readings: off the minute, or flagged by RAW_INTENSITY = -1.
      { t: MARCH_1 + 200, kind: 1, intensity: -1, steps: 0, hr: 88 },
      { t: MARCH_1 + 240, kind: 1, intensity: -1, steps: 0, hr: 92 },
      { t: MARCH_1 + 250, kind: 1, intensity: -1, steps: 0, hr: -1 },
      { t: MARCH_1 + 260, kind: 1, intensity: -1, steps: 0, hr: 0 },
    ],
    battery: [{ t: MARCH_1 + 30, level: 80 }, { t: MARCH_1 + 90, level: -1 }],
    workouts: [{
      start: MARCH_1 * 1000 + 60_000,
      end: MARCH_1 * 1000 + 1_860_000,
      kind: 0x10,
    }],
  });
  const res = await post(owner, bandId, `device=${TEST_MAC}`, file);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    minutes: 2,
    steps: 4,
    unchanged: 0,
    conflicting: 1,
    heartRateReadings: 2,
    batteryReadings: 1,
    workouts: 1,
  });
  const pack = (await readPacks(t.kv, bandId, [toUtcDay(MARCH_1 * 1000)]))
    .get(toUtcDay(MARCH_1 * 1000))!;
  assert.deepEqual(
    readMinute(pack, 0)?.steps,
    makeMinutes(MARCH_1, 1)[0].steps,
  );
  assert.deepEqual(readMinute(pack, 2), {
    kind: 1,
    intensity: 3,
    steps: 0,
    heartRate: 0xff,
    utcOffsetMinutes: 0,
  });
  assert.equal(readMinute(pack, 4), null, "a realtime reading is not a minute");
  const rates = [];
  for await (
    const e of t.kv.list<{ time: number; bpm: number }>({
      prefix: readingsPrefix("heart_rate", bandId),
    })
  ) rates.push(e.value);
  assert.deepEqual(rates, [
    { time: (MARCH_1 + 200) * 1000, bpm: 88 },
    { time: (MARCH_1 + 240) * 1000, bpm: 92 },
  ]);
  const workouts = [];
  for await (
    const e of t.kv.list<{ time: number; end: number; type: number }>({
      prefix: readingsPrefix("workouts", bandId),
    })
  ) workouts.push(e.value);
  assert.equal(workouts.length, 1);
  assert.equal(
    workouts[0].type,
    1,
    "Gadgetbridge's running is the band's outdoor running",
  );
  assert.equal(workouts[0].end - workouts[0].time, 1_800_000);
});

Deno.test("[api] Gadgetbridge import reads the database out of a ZIP backup", async () => {
  const { t, owner, bandId } = await setUp();
  using _ = t;
  const db = fileOf({ samples: makeMinutes(MARCH_1, 30) });
  const zip = zipSync({
    "gadgetbridge.json": new TextEncoder().encode("{}"),
    "preferences/prefs.json": new TextEncoder().encode("{}"),
    "database/Gadgetbridge": db,
  }) as Uint8Array<ArrayBuffer>;
  const preview = await post(owner, bandId, "dryRun=true", zip);
  assert.equal(preview.status, 200);
  assert.equal((await preview.json()).devices[0].minutes, 30);
  const res = await post(owner, bandId, `device=${TEST_MAC}`, zip);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).minutes, 30);
});

Deno.test("[api] Gadgetbridge import refuses bad files with a clear 4xx and stores nothing", async () => {
  const { t, owner, bandId } = await setUp();
  using _ = t;
  const good = fileOf({ samples: makeMinutes(MARCH_1, 600) });
  const cases: [string, Uint8Array<ArrayBuffer>, number, RegExp][] = [
    [
      "not SQLite",
      new TextEncoder().encode("timestamp,steps\n1,2\n".repeat(20)),
      400,
      /not a SQLite database/,
    ],
    [
      "truncated",
      good.slice(0, Math.floor(good.length / 2)),
      400,
      /truncated/,
    ],
    [
      "not Gadgetbridge's",
      fileOf({ without: ["MI_BAND_ACTIVITY_SAMPLE"] }),
      422,
      /no MI_BAND_ACTIVITY_SAMPLE table/,
    ],
    [
      "ZIP without the database",
      zipSync({ "notes.txt": new Uint8Array(10) }) as Uint8Array<ArrayBuffer>,
      400,
      /ZIP file has no database\/Gadgetbridge/,
    ],
    [
      "ZIP cut short",
      (zipSync({ "database/Gadgetbridge": good }) as Uint8Array<ArrayBuffer>)
        .slice(0, 2000),
      400,
      /ZIP file (ends inside|is damaged)/,
    ],
    ["empty", new Uint8Array(0), 400, /empty/],
  ];
  for (const [what, body, status, message] of cases) {
    for (const query of ["dryRun=true", `device=${TEST_MAC}`]) {
      const res = await post(owner, bandId, query, body);
      assert.equal(res.status, status, `${what} ${query}`);
      assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
      assert.match((await res.json()).error.message, message, what);
    }
  }
  const unknown = await post(owner, bandId, "device=11:22:33:44:55:66", good);
  assert.equal(unknown.status, 404);
  assert.match((await unknown.json()).error.message, /no device 11:22/);
  const badQuery = await post(owner, bandId, "device=nope", good);
  assert.equal(badQuery.status, 400);
  const huge = await post(owner, bandId, "dryRun=true", good, {
    "Content-Length": String(1024 ** 3),
  });
  assert.equal(huge.status, 413);
  assert.equal(await countKeys(t.kv, sampleDaysPrefix(bandId)), 0);
  assert.equal(await countKeys(t.kv, readingsPrefix("heart_rate", bandId)), 0);
});

Deno.test("spoolUpload() refuses a streamed body past its limit and leaves no temp file", async () => {
  const { spoolUpload } = await import(
    "../../lib/gadgetbridge/spool_upload.ts"
  );
  const before = [...Deno.readDirSync(Deno.env.get("TMPDIR") ?? "/tmp")]
    .filter((e) => e.name.startsWith("band-web-gadgetbridge-")).length;
  const chunk = new Uint8Array(4096).fill(7);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent++;
      controller.enqueue(chunk);
    },
  });
  await assert.rejects(spoolUpload(body, 10_000), (error: Error) => {
    assert.match(error.message, /larger than 10000 bytes/);
    return true;
  });
  assert.ok(sent <= 4, `read ${sent} chunks`);
  const after = [...Deno.readDirSync(Deno.env.get("TMPDIR") ?? "/tmp")]
    .filter((e) => e.name.startsWith("band-web-gadgetbridge-")).length;
  assert.equal(after, before);
});
