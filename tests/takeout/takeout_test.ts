// GET /api/me/takeout: one ZIP of everything the signed-in person owns, the
// auth keys only when asked for by a signed-in session.
import assert from "node:assert/strict";
import {
  addBand,
  createApiTestApp,
  signUpMember,
  signUpOwner,
  TEST_AUTH_KEY,
} from "../api/harness.ts";
import { issueApiToken } from "../../lib/auth/api_tokens.ts";
import { sampleDaysPrefix } from "../../lib/db/keys.ts";
import { visitPackedDay } from "../../lib/db/sample_day.ts";
import {
  TAKEOUT_FORMAT,
  TAKEOUT_VERSION,
} from "../../lib/api/takeout_schemas.ts";
import { downloadTakeout, readLines, seedBand } from "./_takeout.ts";

// 23:30 UTC is already the next day in Berlin: the file name says 2024-06-02.
const NOW = Date.UTC(2024, 5, 1, 23, 30);
const START = Date.UTC(2024, 4, 1, 6, 0);
const OTHER_MAC = "C8:0F:10:00:00:02";
const MEMBER_MAC = "C8:0F:10:00:00:03";

async function setUp() {
  const t = await createApiTestApp({}, () => NOW);
  const owner = await signUpOwner(t, "owner", "Europe/Berlin");
  const first = await addBand(owner);
  const second = await addBand(owner, OTHER_MAC);
  await seedBand(owner, first, START, 0);
  await seedBand(owner, second, START + 3 * 86_400_000, 5);
  const member = await signUpMember(t, owner);
  const theirs = await addBand(member, MEMBER_MAC);
  await seedBand(member, theirs, START, 9);
  return { t, owner, member, first, second, theirs };
}

/** The minutes stored for a band, as the archive should write them. */
async function storedMinutes(kv: Deno.Kv, bandId: string) {
  const out: Record<string, number>[] = [];
  for await (
    const day of kv.list<Uint8Array>({ prefix: sampleDaysPrefix(bandId) })
  ) {
    visitPackedDay(
      day.value,
      day.key[2] as number,
      { start: -Infinity, end: Infinity },
      (time, kind, intensity, steps, heartRate, utcOffsetMinutes) =>
        out.push({
          time,
          utcOffsetMinutes,
          kind,
          intensity,
          steps,
          heartRate,
        }),
    );
  }
  return out;
}

Deno.test("[api] GET /api/me/takeout streams a ZIP of exactly the person's stored history, without secrets", async () => {
  const { t, owner, first, second, theirs } = await setUp();
  using _ = t;
  const { res, files } = await downloadTakeout(owner);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("Content-Type"), "application/zip");
  assert.equal(
    res.headers.get("Content-Disposition"),
    'attachment; filename="band-web-takeout-owner-2024-06-02.zip"',
  );
  assert.equal(res.headers.get("Cache-Control"), "no-store");
  const names = [...files.keys()].sort();
  assert.deepEqual(
    names,
    [
      "bands.jsonl",
      ...[first, second].sort().flatMap((id) => [
        `bands/${id}/minutes.jsonl`,
        `bands/${id}/readings.jsonl`,
        `bands/${id}/workouts.jsonl`,
      ]),
      "manifest.json",
      "profile.json",
    ].sort(),
  );

  const manifest = JSON.parse(files.get("manifest.json")!);
  assert.equal(manifest.format, TAKEOUT_FORMAT);
  assert.equal(manifest.version, TAKEOUT_VERSION);
  assert.equal(manifest.createdAt, new Date(NOW).toISOString());
  assert.equal(manifest.includesAuthKeys, false);
  for (const file of manifest.files) {
    assert.equal(readLines(files.get(file.name)).length, file.lines, file.name);
  }
  assert.equal(manifest.files.length, 7);

  const profile = JSON.parse(files.get("profile.json")!);
  assert.equal(profile.username, "owner");
  assert.equal(profile.timeZone, "Europe/Berlin");

  const bands = readLines(files.get("bands.jsonl"));
  assert.deepEqual(bands.map((b) => b.mac).sort(), [
    OTHER_MAC,
    "C8:0F:10:AA:BB:CC",
  ]);
  assert.ok(bands.every((b) => !("authKey" in b)));

  for (const id of [first, second]) {
    assert.deepEqual(
      readLines(files.get(`bands/${id}/minutes.jsonl`)),
      await storedMinutes(t.kv, id),
    );
    assert.equal(
      readLines(files.get(`bands/${id}/minutes.jsonl`)).length,
      1100,
    );
    const readings = readLines(files.get(`bands/${id}/readings.jsonl`));
    assert.deepEqual(readings.map((r) => r.kind).sort(), [
      "band_events",
      "battery",
      "heart_rate",
      "heart_rate",
    ]);
    const workouts = readLines(files.get(`bands/${id}/workouts.jsonl`));
    assert.equal(workouts.length, 1);
    assert.equal(workouts[0].distanceMeters, 3000);
  }
  const all = [...files.values()].join("\n");
  assert.ok(!all.includes(TEST_AUTH_KEY), "no auth key");
  assert.ok(!/passwordHash|scrypt/i.test(all), "no password hash");
  assert.ok(!all.includes(theirs), "no other person's band");
  assert.ok(!all.includes(MEMBER_MAC), "no other person's band");
});

Deno.test("[api] GET /api/me/takeout?keys=1 adds the bands' auth keys for a signed-in session", async () => {
  const { t, owner } = await setUp();
  using _ = t;
  const { res, files } = await downloadTakeout(owner, "?keys=1");
  assert.equal(res.status, 200);
  const bands = readLines(files.get("bands.jsonl"));
  assert.deepEqual(bands.map((b) => b.authKey), [TEST_AUTH_KEY, TEST_AUTH_KEY]);
  assert.equal(JSON.parse(files.get("manifest.json")!).includesAuthKeys, true);
});

Deno.test("[api] GET /api/me/takeout?keys=1 refuses a link from another site, and only the keys", async () => {
  const { t, owner } = await setUp();
  using _ = t;
  const fromAfar = (query: string) =>
    owner.request("GET", `/api/me/takeout${query}`, {
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
  const keys = await fromAfar("?keys=1");
  assert.equal(keys.status, 403);
  assert.match(
    (await keys.json()).error.message,
    /^Cannot download the auth keys from a link on another site/,
  );
  // Without the keys a download is no secret: the link works.
  const plain = await fromAfar("");
  assert.equal(plain.status, 200);
  await plain.body?.cancel();
  const typed = await owner.request("GET", "/api/me/takeout?keys=1", {
    headers: { "Sec-Fetch-Site": "none" },
  });
  assert.equal(typed.status, 200);
  await typed.body?.cancel();
});

Deno.test("[api] GET /api/me/takeout answers an API token without keys and refuses it the keys", async () => {
  const { t, owner } = await setUp();
  using _ = t;
  const me = await (await owner.request("GET", "/api/me")).json();
  const { token } = await issueApiToken(t.kv, {
    userId: me.user.id,
    name: "script",
    now: NOW,
  });
  const get = (path: string) =>
    t.app.request(`http://localhost${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  const plain = await get("/api/me/takeout");
  assert.equal(plain.status, 200);
  assert.equal(plain.headers.get("Content-Type"), "application/zip");
  assert.ok(
    !new TextDecoder().decode(await plain.arrayBuffer()).includes(
      TEST_AUTH_KEY,
    ),
  );
  const keys = await get("/api/me/takeout?keys=1");
  assert.equal(keys.status, 403);
  assert.match(keys.headers.get("Content-Type") ?? "", /application\/json/);
  const body = await keys.json();
  assert.match(body.error.message, /API token/);
  assert.ok(!JSON.stringify(body).includes(TEST_AUTH_KEY));
  const restore = await t.app.request("http://localhost/api/me/restore", {
    method: "POST",
    headers: { Authorization: `Bearer ${token}` },
    body: new Uint8Array([0x50, 0x4b, 3, 4]),
  });
  assert.equal(restore.status, 403);
});

Deno.test("[api] GET /api/me/takeout refuses an unknown query and anyone signed out", async () => {
  const { t, owner } = await setUp();
  using _ = t;
  const bad = await owner.request("GET", "/api/me/takeout?keys=yes");
  assert.equal(bad.status, 400);
  assert.match(bad.headers.get("Content-Type") ?? "", /application\/json/);
  const anonymous = await t.agent().request("GET", "/api/me/takeout");
  assert.equal(anonymous.status, 401);
});
