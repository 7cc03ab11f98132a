// POST /api/me/restore: a takeout recreates bands and history exactly, twice
// changes nothing, and anything else is refused with a 4xx and nothing stored.
import assert from "node:assert/strict";
import { strToU8, zipSync } from "fflate";
import {
  addBand,
  type Agent,
  type ApiTestApp,
  createApiTestApp,
  signUpOwner,
  TEST_AUTH_KEY,
} from "../api/harness.ts";
import {
  downloadTakeout,
  dumpKv,
  postRestore,
  readLines,
  seedBand,
} from "./_takeout.ts";
import { restoreTakeoutUpload } from "../../lib/takeout/mod.ts";

const NOW = Date.UTC(2024, 5, 1, 12, 0);
const START = Date.UTC(2024, 4, 1, 6, 0);
const MAC = "C8:0F:10:AA:BB:CC";
const OTHER_MAC = "C8:0F:10:00:00:02";
const DAYS = "from=2024-04-30&to=2024-06-01";

async function source(): Promise<
  { t: ApiTestApp; owner: Agent; first: string; second: string }
> {
  const t = await createApiTestApp({}, () => NOW);
  const owner = await signUpOwner(t, "owner", "Europe/Berlin");
  const first = await addBand(owner);
  const second = await addBand(owner, OTHER_MAC);
  await seedBand(owner, first, START, 0);
  await seedBand(owner, second, START + 3 * 86_400_000, 5);
  const settings = await owner.request(
    "PATCH",
    `/api/bands/${first}/settings`,
    { json: { goal: { steps: 9000, notify: true } } },
  );
  assert.equal(settings.status, 200, await settings.clone().text());
  return { t, owner, first, second };
}

async function fresh(): Promise<{ t: ApiTestApp; owner: Agent }> {
  const t = await createApiTestApp({}, () => NOW + 86_400_000);
  return { t, owner: await signUpOwner(t, "restorer", "Europe/Berlin") };
}

async function json(agent: Agent, path: string) {
  const res = await agent.request("GET", path);
  assert.equal(res.status, 200, path);
  return await res.json();
}

/** A band's history as the API shows it, for comparing two servers. */
async function history(agent: Agent, bandId: string) {
  const readings: Record<string, unknown> = {};
  for (const kind of ["heart_rate", "battery", "band_events", "workouts"]) {
    readings[kind] = await json(
      agent,
      `/api/bands/${bandId}/readings/${kind}?limit=5000`,
    );
  }
  const minutes: unknown[] = [];
  for (let day = 1; day <= 26; day++) {
    const date = `2024-05-${String(day).padStart(2, "0")}`;
    minutes.push(
      (await json(agent, `/api/bands/${bandId}/minutes?day=${date}`)).minutes,
    );
  }
  return {
    minutes,
    daily: await json(agent, `/api/bands/${bandId}/summaries/daily?${DAYS}`),
    readings,
  };
}

async function bandsByMac(agent: Agent) {
  const { bands } = await json(agent, "/api/bands");
  return new Map<string, Record<string, unknown>>(
    bands.map((b: Record<string, unknown>) => [b.mac, b]),
  );
}

Deno.test("[api] POST /api/me/restore recreates bands and history exactly, and a second restore changes nothing", async () => {
  const from = await source();
  using _from = from.t;
  const archive = await downloadTakeout(from.owner, "?keys=1");
  assert.equal(archive.res.status, 200);
  const to = await fresh();
  using _to = to.t;

  const res = await postRestore(to.owner, archive.bytes);
  assert.equal(res.status, 200, await res.clone().text());
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  const result = await res.json();
  assert.equal(result.bands.length, 2);
  assert.ok(result.bands.every((b: { created: boolean }) => b.created));
  assert.deepEqual(
    result.bands.map((b: { minutes: number }) => b.minutes),
    [1100, 1100],
  );

  const before = await bandsByMac(from.owner);
  const after = await bandsByMac(to.owner);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
  for (const [mac, band] of before) {
    const copy = after.get(mac)!;
    for (
      const field of [
        "name",
        "model",
        "settings",
        "createdAt",
        "lastBattery",
        "virtual",
      ]
    ) {
      assert.deepEqual(copy[field], band[field], `${mac} ${field}`);
    }
    const key = await json(to.owner, `/api/bands/${copy.id}/key`);
    assert.equal(key.authKey, TEST_AUTH_KEY);
    const original = await history(from.owner, band.id as string);
    const restored = await history(to.owner, copy.id as string);
    assert.ok(original.minutes.flat().length >= 1100);
    assert.deepEqual(restored, original, mac);
  }

  // The restored account's own takeout holds the same lines.
  const again = await downloadTakeout(to.owner);
  for (const [mac, band] of before) {
    const copy = after.get(mac)!;
    for (const kind of ["minutes", "readings", "workouts"]) {
      assert.deepEqual(
        readLines(again.files.get(`bands/${copy.id}/${kind}.jsonl`)),
        readLines(archive.files.get(`bands/${band.id}/${kind}.jsonl`)),
      );
    }
  }

  const stored = await dumpKv(to.t.kv);
  const second = await postRestore(to.owner, archive.bytes);
  assert.equal(second.status, 200);
  const secondResult = await second.json();
  assert.ok(
    secondResult.bands.every((b: Record<string, unknown>) =>
      b.created === false && b.minutes === 0 && b.readings === 0 &&
      b.workouts === 0
    ),
  );
  assert.deepEqual(await dumpKv(to.t.kv), stored);
});

Deno.test("[api] POST /api/me/restore without keys fills a band of the same MAC and refuses an unknown one with nothing stored", async () => {
  const from = await source();
  using _from = from.t;
  const archive = await downloadTakeout(from.owner);
  const to = await fresh();
  using _to = to.t;
  const existing = await addBand(to.owner, MAC);
  const stored = await dumpKv(to.t.kv);

  const refused = await postRestore(to.owner, archive.bytes);
  assert.equal(refused.status, 422);
  assert.match(refused.headers.get("Content-Type") ?? "", /application\/json/);
  const body = await refused.json();
  assert.match(
    body.error.message,
    /^Cannot restore: band "Blue band" \(C8:0F:10:00:00:02\) is not on this account and the archive has no auth key for it/,
  );
  assert.deepEqual(await dumpKv(to.t.kv), stored);

  await addBand(to.owner, OTHER_MAC);
  const res = await postRestore(to.owner, archive.bytes);
  assert.equal(res.status, 200);
  const result = await res.json();
  assert.ok(result.bands.every((b: { created: boolean }) => !b.created));
  const original = await history(from.owner, from.first);
  assert.deepEqual(await history(to.owner, existing), original);
});

function zip(files: Record<string, string>): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) {
    entries[name] = strToU8(text);
  }
  return zipSync(entries) as Uint8Array<ArrayBuffer>;
}

/** Replaces files of a downloaded archive (or drops them, for `null`). */
function alter(
  files: Map<string, string>,
  change: Record<string, string | null>,
): Uint8Array<ArrayBuffer> {
  const out: Record<string, string> = Object.fromEntries(files);
  for (const [name, text] of Object.entries(change)) {
    if (text === null) delete out[name];
    else out[name] = text;
  }
  return zip(out);
}

Deno.test("[api] POST /api/me/restore reads an archive unpacked and zipped again, folders and all", async () => {
  const from = await source();
  using _from = from.t;
  const { files } = await downloadTakeout(from.owner, "?keys=1");
  const to = await fresh();
  using _to = to.t;
  const entries: Record<string, Uint8Array> = {};
  for (const name of files.keys()) {
    const parts = name.split("/");
    for (let i = 1; i < parts.length; i++) {
      entries[parts.slice(0, i).join("/") + "/"] = new Uint8Array(0);
    }
  }
  for (const [name, text] of files) entries[name] = strToU8(text);
  assert.ok("bands/" in entries);
  const res = await postRestore(
    to.owner,
    zipSync(entries, { level: 9 }) as Uint8Array<ArrayBuffer>,
  );
  assert.equal(res.status, 200, await res.clone().text());
  const result = await res.json();
  assert.deepEqual(
    result.bands.map((b: { minutes: number }) => b.minutes),
    [1100, 1100],
  );
});

Deno.test("[api] POST /api/me/restore refuses newer, foreign, malformed and truncated archives with a 4xx and nothing stored", async () => {
  const from = await source();
  using _from = from.t;
  const archive = await downloadTakeout(from.owner, "?keys=1");
  const { files } = archive;
  const manifest = JSON.parse(files.get("manifest.json")!);
  const minutesName = `bands/${from.first}/minutes.jsonl`;
  const minuteLines = files.get(minutesName)!.split("\n");
  const to = await fresh();
  using _to = to.t;
  const stored = await dumpKv(to.t.kv);

  const cases: [string, Uint8Array<ArrayBuffer>, number, RegExp][] = [
    [
      "a newer format",
      alter(files, {
        "manifest.json": JSON.stringify({ ...manifest, version: 2 }),
        // A newer line this server cannot read is not what it complains about.
        [minutesName]: '{"time":1,"future":true}\n',
      }),
      422,
      /^Cannot restore: this archive comes from a newer Band Web \(format 2\); update this server first/,
    ],
    [
      "not a ZIP",
      new TextEncoder().encode("time,steps\n1,2\n") as Uint8Array<ArrayBuffer>,
      400,
      /^Cannot restore: the file is not a ZIP archive$/,
    ],
    [
      "a ZIP without a manifest",
      alter(files, { "manifest.json": null }),
      400,
      /^Cannot restore: the archive has no manifest\.json/,
    ],
    [
      "another format",
      alter(files, { "manifest.json": '{"format":"gadgetbridge"}' }),
      400,
      /not a Band Web takeout/,
    ],
    [
      "a line that is not JSON",
      alter(files, {
        [minutesName]: [minuteLines[0], "{oops", ...minuteLines.slice(2)]
          .join("\n"),
      }),
      400,
      new RegExp(`^Cannot restore: ${minutesName} line 2 is not JSON$`),
    ],
    [
      "a minute out of range",
      alter(files, {
        [minutesName]: [
          JSON.stringify({ ...JSON.parse(minuteLines[0]), steps: 300 }),
          ...minuteLines.slice(1),
        ].join("\n"),
      }),
      400,
      new RegExp(`^Cannot restore: ${minutesName} line 1 is malformed: steps`),
    ],
    [
      "minutes out of order",
      alter(files, {
        [minutesName]: [minuteLines[1], minuteLines[0], ...minuteLines.slice(2)]
          .join("\n"),
      }),
      400,
      /line 2 is not after the minute before it/,
    ],
    [
      "a file with fewer lines than the manifest says",
      alter(files, {
        [minutesName]: minuteLines.slice(0, 500).join("\n"),
      }),
      400,
      /has 500 lines and manifest\.json says 1100/,
    ],
    [
      "an unexpected file",
      alter(files, { "notes.txt": "hello" }),
      400,
      /unexpected file notes\.txt/,
    ],
    ...[0.1, 0.5, 0.9].map((share): [
      string,
      Uint8Array<ArrayBuffer>,
      number,
      RegExp,
    ] => [
      `a ZIP cut at ${share * 100}%`,
      archive.bytes.slice(0, Math.floor(archive.bytes.length * share)),
      400,
      /^Cannot restore: (the ZIP file is damaged or truncated|the archive ends inside|the archive has no manifest)/,
    ]),
    [
      "an empty body",
      new Uint8Array(0),
      400,
      /^Cannot restore: the body is empty$/,
    ],
  ];
  for (const [what, body, status, message] of cases) {
    const res = await postRestore(to.owner, body);
    assert.equal(res.status, status, what);
    assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
    const error = (await res.json()).error.message;
    assert.match(error, message, `${what}: ${error}`);
    assert.deepEqual(await dumpKv(to.t.kv), stored, what);
  }
});

Deno.test("restoreTakeoutUpload() refuses an upload past its byte limit and a ZIP that unpacks past its limit, storing nothing", async () => {
  const from = await source();
  using _from = from.t;
  const archive = await downloadTakeout(from.owner, "?keys=1");
  const to = await fresh();
  using _to = to.t;
  const { user } = await json(to.owner, "/api/me");
  const stored = await dumpKv(to.t.kv);
  const options = { userId: user.id, timeZone: "UTC", now: NOW };
  await assert.rejects(
    restoreTakeoutUpload(to.t.kv, new Blob([archive.bytes]).stream(), {
      ...options,
      maxBytes: archive.bytes.length - 1,
    }),
    (e: Error & { status?: number }) =>
      e.status === 413 &&
      e.message ===
        `Cannot restore: the upload is larger than ${
          archive.bytes.length - 1
        } bytes`,
  );
  await assert.rejects(
    restoreTakeoutUpload(to.t.kv, new Blob([archive.bytes]).stream(), {
      ...options,
      maxBytes: archive.bytes.length,
      limits: { maxUnpackedBytes: 100_000 },
    }),
    (e: Error & { status?: number }) =>
      e.status === 413 && /unpacks to more than 100000 bytes/.test(e.message),
  );
  assert.deepEqual(await dumpKv(to.t.kv), stored);
});

Deno.test("[api] POST /api/me/restore answers 413 for a body over its limit before reading it", async () => {
  using t = await createApiTestApp({}, () => NOW);
  const owner = await signUpOwner(t);
  const res = await owner.request("POST", "/api/me/restore", {
    body: new Uint8Array(4),
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(513 * 1024 * 1024),
    },
  });
  assert.equal(res.status, 413);
});
