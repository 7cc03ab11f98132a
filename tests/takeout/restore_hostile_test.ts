// POST /api/me/restore against archives built to hurt: dated in the future,
// too many bands or entries, oversized documents, names without end. Each is
// refused with a 4xx before anything is stored.
import assert from "node:assert/strict";
import { strToU8, zipSync } from "fflate";
import {
  addBand,
  type Agent,
  type ApiTestApp,
  createApiTestApp,
  signUpMember,
  signUpOwner,
} from "../api/harness.ts";
import {
  downloadTakeout,
  dumpKv,
  MIN,
  postRestore,
  readLines,
  uploadMinutes,
  uploadReadings,
} from "./_takeout.ts";
import { makeSamples } from "./_takeout.ts";
import { TAKEOUT_MAX_BANDS } from "../../lib/api/takeout_schemas.ts";

const NOW = Date.UTC(2024, 5, 1, 12, 0);
const START = Date.UTC(2024, 4, 20, 6, 0);

/** A one-band archive with keys, as text files by name, and its band's id. */
async function sourceFiles(): Promise<
  { files: Map<string, string>; bandId: string }
> {
  using t = await createApiTestApp({}, () => NOW);
  const owner = await signUpOwner(t, "owner", "Europe/Berlin");
  const bandId = await addBand(owner);
  await uploadMinutes(owner, bandId, [
    { start: START, offset: 120, samples: makeSamples(30) },
  ]);
  await uploadReadings(owner, bandId, "heart_rate", [
    { time: START + 17_000, bpm: 70 },
  ]);
  const { files } = await downloadTakeout(owner, "?keys=1");
  return { files, bandId };
}

/** Zips text files, the manifest's line counts made to match (so only the change under test is wrong). */
function zipCounted(files: Map<string, string>): Uint8Array<ArrayBuffer> {
  const manifest = JSON.parse(files.get("manifest.json")!);
  manifest.files = [...files.keys()].filter((n) => n.endsWith(".jsonl")).map((
    name,
  ) => ({ name, lines: files.get(name)!.split("\n").filter(Boolean).length }));
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of files) entries[name] = strToU8(text);
  entries["manifest.json"] = strToU8(JSON.stringify(manifest));
  return zipSync(entries) as Uint8Array<ArrayBuffer>;
}

async function target(): Promise<{ t: ApiTestApp; owner: Agent }> {
  const t = await createApiTestApp({}, () => NOW);
  return { t, owner: await signUpOwner(t, "restorer", "Europe/Berlin") };
}

async function assertRefused(
  t: ApiTestApp,
  owner: Agent,
  body: Uint8Array<ArrayBuffer>,
  status: number,
  message: RegExp,
): Promise<void> {
  const stored = await dumpKv(t.kv);
  const res = await postRestore(owner, body);
  const text = await res.text();
  assert.equal(res.status, status, text.slice(0, 300));
  const error = JSON.parse(text).error.message as string;
  assert.match(error, message);
  assert.ok(error.length < 400, `a short message: ${error.length}`);
  assert.deepEqual(await dumpKv(t.kv), stored);
}

Deno.test("[api] POST /api/me/restore refuses minutes and readings dated after now, as uploads do, with nothing stored", async () => {
  const { files, bandId } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const minutesName = `bands/${bandId}/minutes.jsonl`;
  const readingsName = `bands/${bandId}/readings.jsonl`;
  const minutes = readLines(files.get(minutesName));
  const future = Date.UTC(2200, 0, 1);
  // Year 2200, and past the last instant a Date can hold.
  for (const time of [future, 8.64e15 + 60_000 * 7]) {
    const altered = new Map(files);
    altered.set(
      minutesName,
      [...minutes, { ...minutes[0], time }].map((m) => JSON.stringify(m))
        .join("\n") + "\n",
    );
    await assertRefused(
      t,
      owner,
      zipCounted(altered),
      400,
      new RegExp(
        `^Cannot restore: ${minutesName} line 31 is dated after the current time`,
      ),
    );
  }
  // A workout may not end in the future either, as a Gadgetbridge import checks.
  const workoutsName = `bands/${bandId}/workouts.jsonl`;
  const workout = { time: START, end: future, type: 1 };
  const ending = new Map(files);
  ending.set(workoutsName, JSON.stringify(workout) + "\n");
  await assertRefused(
    t,
    owner,
    zipCounted(ending),
    400,
    new RegExp(
      `^Cannot restore: ${workoutsName} line 1 is dated after the current time`,
    ),
  );
  const altered = new Map(files);
  altered.set(
    readingsName,
    files.get(readingsName) +
      JSON.stringify({ kind: "heart_rate", time: future, bpm: 60 }) + "\n",
  );
  await assertRefused(
    t,
    owner,
    zipCounted(altered),
    400,
    new RegExp(
      `^Cannot restore: ${readingsName} line 2 is dated after the current time`,
    ),
  );
});

Deno.test("[api] POST /api/me/restore refuses an archive of more bands than it takes, before adding any", async () => {
  const { files } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const [band] = readLines(files.get("bands.jsonl"));
  const lines: string[] = [];
  for (let i = 0; i <= TAKEOUT_MAX_BANDS; i++) {
    const hex = i.toString(16).padStart(4, "0").toUpperCase();
    lines.push(JSON.stringify({
      ...band,
      id: crypto.randomUUID(),
      mac: `C8:0F:10:00:${hex.slice(0, 2)}:${hex.slice(2)}`,
    }));
  }
  const altered = new Map(
    [...files].filter(([name]) => !name.startsWith("bands/")),
  );
  altered.set("bands.jsonl", lines.join("\n") + "\n");
  await assertRefused(
    t,
    owner,
    zipCounted(altered),
    413,
    new RegExp(
      `^Cannot restore: the archive holds more than ${TAKEOUT_MAX_BANDS} bands`,
    ),
  );
});

Deno.test("[api] POST /api/me/restore refuses an archive of too many entries, and names an overlong one briefly", async () => {
  const { files } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < 20_000; i++) entries[`x/${i}/`] = new Uint8Array(0);
  for (const [name, text] of files) entries[name] = strToU8(text);
  await assertRefused(
    t,
    owner,
    zipSync(entries, { level: 0 }) as Uint8Array<ArrayBuffer>,
    413,
    /^Cannot restore: the archive holds more than \d+ files/,
  );

  const long = new Map(files);
  long.set("../".repeat(5000) + "etc/passwd", "root\n");
  await assertRefused(
    t,
    owner,
    zipCounted(long),
    400,
    /^Cannot restore: the archive holds a file name longer than 200 characters: (\.\.\/){26}\.\.…$/,
  );
  const unexpected = new Map(files);
  unexpected.set("../".repeat(50) + "etc/passwd", "root\n");
  await assertRefused(
    t,
    owner,
    zipCounted(unexpected),
    400,
    /^Cannot restore: the archive holds an unexpected file (\.\.\/){26}\.\.…$/,
  );
});

Deno.test("[api] POST /api/me/restore refuses a manifest or profile too long to be one, without holding it", async () => {
  const { files } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  // Lines under the line limit and fewer than a document may have, far over
  // any document's size.
  const line = JSON.stringify("x".repeat(1000)) + ",";
  const padding = Array.from({ length: 19_000 }, () => line).join("\n");
  const altered = new Map(files);
  altered.set("profile.json", `{"pad":[\n${padding}\n"x"]}\n`);
  await assertRefused(
    t,
    owner,
    zipCounted(altered),
    413,
    /^Cannot restore: profile\.json is longer than \d+ characters/,
  );
});

Deno.test("[api] POST /api/me/restore stores no minute a minute ahead of now, but one at now", async () => {
  const { files, bandId } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const minutesName = `bands/${bandId}/minutes.jsonl`;
  const minutes = readLines(files.get(minutesName));
  const altered = new Map(files);
  altered.set(
    minutesName,
    [...minutes, { ...minutes[0], time: NOW - MIN }].map((m) =>
      JSON.stringify(m)
    ).join("\n") + "\n",
  );
  const res = await postRestore(owner, zipCounted(altered));
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal((await res.json()).bands[0].minutes, 31);
});

Deno.test("[api] POST /api/me/restore never touches another person's band of the same MAC or id", async () => {
  const source = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const other = await signUpMember(t, owner, "neighbour");
  const theirs = await addBand(other); // The archive's MAC.
  await uploadMinutes(other, theirs, [
    { start: START - 1440 * MIN, offset: 0, samples: makeSamples(90, 4) },
  ]);
  const theirsBefore = await downloadTakeout(other, "?keys=1");
  const { user } = await (await other.request("GET", "/api/me")).json();
  const touchesThem = (key: string) =>
    key.includes(theirs) || key.includes(user.id);
  const kvOf = async () =>
    [...(await dumpKv(t.kv))].filter(([key]) => touchesThem(key));
  const before = await kvOf();
  assert.ok(before.length > 3);
  // The archive names its band with their band's id too.
  const files = new Map(
    [...source.files].map((
      [name, text],
    ) => [
      name.replace(source.bandId, theirs),
      text.replace(source.bandId, theirs),
    ]),
  );

  // Without keys, their band does not count as the restorer's.
  const keyless = new Map(files);
  keyless.set(
    "bands.jsonl",
    readLines(files.get("bands.jsonl")).map(({ authKey: _, ...b }) =>
      JSON.stringify(b)
    ).join("\n") + "\n",
  );
  await assertRefused(t, owner, zipCounted(keyless), 422, /no auth key/);

  const res = await postRestore(owner, zipCounted(files));
  assert.equal(res.status, 200, await res.clone().text());
  const [restored] = (await res.json()).bands;
  assert.equal(restored.created, true);
  assert.equal(restored.minutes, 30);
  assert.deepEqual(await kvOf(), before);
  assert.deepEqual(
    (await downloadTakeout(other, "?keys=1")).files,
    theirsBefore.files,
  );
});

Deno.test("[api] POST /api/me/restore refuses a session without its CSRF token, storing nothing", async () => {
  const { files } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const token = owner.csrfToken;
  owner.csrfToken = undefined;
  await assertRefused(t, owner, zipCounted(files), 403, /X-CSRF-Token/);
  owner.csrfToken = token;
  const res = await postRestore(owner, zipCounted(files));
  assert.equal(res.status, 200, await res.clone().text());
});

Deno.test("[api] POST /api/me/restore refuses a minute of 1970, a reading family that does not exist, and band settings outside their schema", async () => {
  const { files, bandId } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const minutesName = `bands/${bandId}/minutes.jsonl`;
  const readingsName = `bands/${bandId}/readings.jsonl`;
  const [minute] = readLines(files.get(minutesName));
  const [band] = readLines(files.get("bands.jsonl"));
  const cases: [string, string, RegExp][] = [
    [
      minutesName,
      JSON.stringify({ ...minute, time: 0 }) + "\n" +
      files.get(minutesName)!.split("\n").slice(1).join("\n"),
      new RegExp(`^Cannot restore: ${minutesName} line 1 is malformed: time`),
    ],
    [
      readingsName,
      files.get(readingsName) +
      JSON.stringify({ kind: "steps", time: START, steps: 5 }) + "\n",
      new RegExp(`^Cannot restore: ${readingsName} line 2 is malformed: kind`),
    ],
    [
      "bands.jsonl",
      JSON.stringify({ ...band, settings: { goal: { steps: "many" } } }) +
      "\n",
      /^Cannot restore: bands\.jsonl line 1 is malformed: settings\.goal/,
    ],
  ];
  for (const [name, text, message] of cases) {
    const altered = new Map(files);
    altered.set(name, text);
    await assertRefused(t, owner, zipCounted(altered), 400, message);
  }
});

Deno.test("[api] POST /api/me/restore reads an archive zipped again on a Mac, skipping its __MACOSX and .DS_Store entries", async () => {
  const { files } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const entries: Record<string, Uint8Array> = {};
  // AppleDouble resource forks: binary, not UTF-8.
  const fork = new Uint8Array([0x00, 0x05, 0x16, 0x07, 0xff, 0xfe, 0x80]);
  entries["__MACOSX/"] = new Uint8Array(0);
  for (const [name, text] of files) {
    entries[name] = strToU8(text);
    entries[`__MACOSX/${name.replace(/[^/]+$/, "._$&")}`] = fork;
  }
  entries[".DS_Store"] = fork;
  const res = await postRestore(
    owner,
    zipSync(entries) as Uint8Array<ArrayBuffer>,
  );
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal((await res.json()).bands[0].minutes, 30);
});

Deno.test("[api] POST /api/me/restore says so when the archive's files sit in a folder", async () => {
  const { files } = await sourceFiles();
  const { t, owner } = await target();
  using _ = t;
  const entries: Record<string, Uint8Array> = {
    "band-web-takeout-owner/": new Uint8Array(0),
  };
  for (const [name, text] of files) {
    entries[`band-web-takeout-owner/${name}`] = strToU8(text);
  }
  await assertRefused(
    t,
    owner,
    zipSync(entries) as Uint8Array<ArrayBuffer>,
    400,
    /^Cannot restore: the archive's files are in the folder band-web-takeout-owner\/: zip the files themselves, not their folder$/,
  );
});
