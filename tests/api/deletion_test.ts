// Finding 11 of issue 10 and "real deletion" of issue 13: deleting a band or an
// account removes every key it owns (the tests list ALL keys before and after),
// survives a crash midway, and an upload racing the delete cannot write after it.
import assert from "node:assert/strict";
import {
  addBand,
  type Agent,
  type ApiTestApp,
  createApiTestApp,
  signUpMember,
  signUpOwner,
} from "./harness.ts";
import { encodeSampleData } from "../../lib/api/sample_data.ts";
import type { ActivitySample } from "../../lib/protocol/activity_sample.ts";
import { getForecastCached } from "../../lib/weather/forecast_cache.ts";
import type { BandForecast } from "../../lib/weather/forecast.ts";
import { deleteBand } from "../../lib/db/bands.ts";
import { deleteAccount, runPendingPurges } from "../../lib/db/purge.ts";
import { storeSamples } from "../../lib/db/samples.ts";
import { GoneError } from "../../lib/db/errors.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 5, 1, 6, 0);
const PLACE = { name: "Oslo", latitude: 59.91, longitude: 10.75 };

function samples(count: number, seed = 0): ActivitySample[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: i % 2 ? 0x01 : 0x50,
    intensity: (i + seed) % 200,
    steps: (i * 7 + seed) % 100,
    heartRate: i % 3 ? 60 + (i % 40) : 0xff,
  }));
}

async function expectStatus(res: Promise<Response>, status: number) {
  const r = await res;
  const text = await r.text();
  assert.equal(r.status, status, text);
}

/** Gives a band history of every kind, through the API as a browser would. */
async function fillBand(t: ApiTestApp, agent: Agent, id: string, days = 20) {
  for (let d = 0; d < days; d += 10) {
    await expectStatus(
      agent.request("POST", `/api/bands/${id}/samples`, {
        json: {
          batches: Array.from({ length: 10 }, (_, i) => ({
            start: T0 + (d + i) * DAY,
            utcOffsetMinutes: 120,
            data: encodeSampleData(samples(90, d + i)),
          })),
        },
      }),
      200,
    );
  }
  const at = (i: number) => T0 + i * 3_600_000;
  const readings = {
    battery: [0, 1, 2].map((i) => ({
      time: at(i),
      level: 80,
      charging: false,
    })),
    heart_rate: [0, 1].map((i) => ({ time: at(i), bpm: 70 })),
    workouts: [{ time: at(3), end: at(4), type: 1 }],
    band_events: [{ time: at(5), type: "wake_up" }],
  };
  for (const [kind, list] of Object.entries(readings)) {
    await expectStatus(
      agent.request("POST", `/api/bands/${id}/readings/${kind}`, {
        json: { readings: list },
      }),
      201,
    );
  }
  await expectStatus(
    agent.request("PATCH", `/api/bands/${id}/settings`, {
      json: { weatherLocation: PLACE, goal: { steps: 8000, notify: true } },
    }),
    200,
  );
  await getForecastCached(t.kv, PLACE, {
    unit: "celsius",
    now: T0,
    load: () => Promise.resolve({ place: PLACE } as unknown as BandForecast),
  });
}

type Entry = { key: Deno.KvKey; value: unknown };

async function listAll(kv: Deno.Kv): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of kv.list({ prefix: [] })) {
    out.push({ key: e.key, value: e.value });
  }
  return out;
}

function mentions(entry: Entry, needles: readonly string[]): boolean {
  const text = JSON.stringify(
    entry,
    (_, v) =>
      v instanceof Uint8Array ? "bytes" : typeof v === "bigint" ? String(v) : v,
  );
  return needles.some((n) => text.toLowerCase().includes(n.toLowerCase()));
}

function keyText(e: Entry): string {
  return JSON.stringify(e.key);
}

/** Asserts that exactly the entries not mentioning `gone` survived, unchanged. */
function assertOnlyOthersRemain(
  before: Entry[],
  after: Entry[],
  gone: readonly string[],
) {
  const expected = before.filter((e) => !mentions(e, gone)).map(keyText)
    .sort();
  assert.deepEqual(after.map(keyText).sort(), expected);
  for (const e of after) {
    assert.equal(mentions(e, gone), false, `left behind: ${keyText(e)}`);
  }
}

async function twoPeople() {
  const t = await createApiTestApp();
  const owner = await signUpOwner(t, "owner");
  const member = await signUpMember(t, owner, "member");
  const x = await addBand(member, "C8:0F:10:00:00:01");
  const y = await addBand(member, "C8:0F:10:00:00:02");
  const z = await addBand(owner, "C8:0F:10:00:00:03");
  for (const [agent, id] of [[member, x], [member, y], [owner, z]] as const) {
    await fillBand(t, agent, id);
  }
  return { t, owner, member, x, y, z };
}

Deno.test("[api] DELETE /api/bands/:id removes every key the band owns and nothing else", async () => {
  const { t, member, x, y, z } = await twoPeople();
  using _ = t;
  const before = await listAll(t.kv);
  // The fill made keys in every family, or this test proves nothing.
  for (
    const family of [
      "samples",
      "day_summaries",
      "hour_summaries",
      "battery",
      "heart_rate",
      "workouts",
      "band_events",
      "sync_state",
      "bands_by_mac",
      "weather_forecasts",
    ]
  ) {
    assert.ok(before.some((e) => e.key[0] === family), family);
  }
  await expectStatus(member.request("DELETE", `/api/bands/${x}`), 204);
  const after = await listAll(t.kv);
  // The weather cache entry is shared by place: every band with that place loses it.
  assertOnlyOthersRemain(
    before.filter((e) => e.key[0] !== "weather_forecasts"),
    after,
    [x],
  );
  assert.ok(after.some((e) => mentions(e, [y])));
  assert.ok(after.some((e) => mentions(e, [z])));
  await expectStatus(member.request("GET", `/api/bands/${x}`), 404);
  await expectStatus(member.request("GET", `/api/bands/${y}`), 200);
});

Deno.test("[api] DELETE /api/me removes the person's bands, sessions, invitations and record; only other people's keys remain", async () => {
  const { t, owner, member, x, y, z } = await twoPeople();
  using _ = t;
  const me = await (await member.request("GET", "/api/me")).json();
  const second = t.agent();
  const signin = await second.request("POST", "/api/session", {
    json: { username: "member", password: "another good password" },
  });
  assert.equal(signin.status, 200);
  await signin.body?.cancel();
  const before = await listAll(t.kv);
  assert.ok(
    before.some((e) =>
      e.key[0] === "sessions_by_user" && e.key[1] === me.user.id
    ),
  );
  const wrong = await member.request("DELETE", "/api/me", {
    json: { password: "not my password" },
  });
  assert.equal(wrong.status, 403);
  assert.equal(
    (await wrong.json()).error.message,
    "Cannot delete account: the password is wrong",
  );
  const res = await member.request("DELETE", "/api/me", {
    json: { password: "another good password" },
  });
  assert.equal(res.status, 204);
  assert.match(res.headers.get("Set-Cookie") ?? "", /Max-Age=0/);
  await res.body?.cancel();
  const after = await listAll(t.kv);
  assertOnlyOthersRemain(
    before.filter((e) => e.key[0] !== "weather_forecasts"),
    after,
    [me.user.id, x, y, "member"],
  );
  assert.ok(after.some((e) => mentions(e, [z])));
  await expectStatus(second.request("GET", "/api/bands"), 401);
  await expectStatus(owner.request("GET", `/api/bands/${z}`), 200);
});

Deno.test("[api] DELETE /api/me refuses the owner while members remain, then lets the last account go", async () => {
  const { t, owner, member } = await twoPeople();
  using _ = t;
  const refused = await owner.request("DELETE", "/api/me", {
    json: { password: "correct horse battery" },
  });
  assert.equal(refused.status, 409);
  assert.match(
    (await refused.json()).error.message,
    /^Cannot delete account: /,
  );
  await expectStatus(
    member.request("DELETE", "/api/me", {
      json: { password: "another good password" },
    }),
    204,
  );
  await expectStatus(
    owner.request("DELETE", "/api/me", {
      json: { password: "correct horse battery" },
    }),
    204,
  );
  const left = (await listAll(t.kv)).map(keyText);
  assert.deepEqual(left, []);
});

Deno.test("deleteBand() interrupted after 2 batches leaves a purge job that runPendingPurges() finishes", async () => {
  const { t, member, x } = await twoPeople();
  using _ = t;
  const bandX = (await (await member.request("GET", `/api/bands/${x}`)).json())
    .band;
  const before = await listAll(t.kv);
  const owned = before.filter((e) => mentions(e, [x])).length;
  const crash = new Error("simulated crash");
  const me = await (await member.request("GET", "/api/me")).json();
  await assert.rejects(
    () =>
      deleteBand(t.kv, me.user.id, bandX.id, {
        batchSize: 10,
        onBatch: (n) => {
          if (n === 2) throw crash;
        },
      }),
    crash,
  );
  const midway = await listAll(t.kv);
  const left = midway.filter((e) => mentions(e, [x]));
  // The job key itself mentions the band; everything else is history still to go.
  assert.ok(left.some((e) => e.key[0] === "purge_jobs"));
  assert.ok(left.length > 1 && left.length < owned, `${left.length}/${owned}`);
  await expectStatus(member.request("GET", `/api/bands/${x}`), 404);
  console.log(
    `purge stopped after 2 batches: ${left.length} of ${owned} keys left`,
  );
  // The next start finishes it.
  assert.equal(await runPendingPurges(t.kv), 1);
  assertOnlyOthersRemain(
    before.filter((e) => e.key[0] !== "weather_forecasts"),
    await listAll(t.kv),
    [x],
  );
  assert.equal(await runPendingPurges(t.kv), 0);
});

Deno.test("an upload racing a band delete either lands before it (and is purged) or fails with 410", async () => {
  const { t, member } = await twoPeople();
  using _ = t;
  const me = await (await member.request("GET", "/api/me")).json();
  const outcomes: string[] = [];
  let lastId = "";
  for (let round = 0; round < 6; round++) {
    const id = await addBand(member, `C8:0F:10:00:01:0${round}`);
    lastId = id;
    const upload = storeSamples(t.kv, id, [{
      start: T0 + 40 * DAY,
      utcOffsetMinutes: 0,
      bytes: new Uint8Array(4 * 600).fill(7),
    }], { timeZone: "UTC", now: T0 + 41 * DAY, owner: me.user.id }).then(
      () => "stored",
      (error) => {
        assert.ok(error instanceof GoneError, String(error));
        assert.equal(error.status, 410);
        return "gone";
      },
    );
    // Let the upload read its state first in half the rounds.
    if (round % 2) await new Promise((r) => setTimeout(r, 0));
    const deleted = deleteBand(t.kv, me.user.id, id);
    outcomes.push(await upload);
    assert.equal(await deleted, true);
    const left = (await listAll(t.kv)).filter((e) => mentions(e, [id]));
    assert.deepEqual(left.map(keyText), [], `round ${round}`);
  }
  // After the delete, an upload answers 410 and writes nothing.
  const late = await storeSamples(t.kv, lastId, [{
    start: T0,
    utcOffsetMinutes: 0,
    bytes: new Uint8Array(4).fill(1),
  }], { timeZone: "UTC", now: T0, owner: me.user.id }).catch((e) => e);
  assert.ok(late instanceof GoneError);
  assert.equal(late.message, "Cannot store samples: the band was deleted");
  assert.deepEqual(
    (await listAll(t.kv)).filter((e) => mentions(e, [lastId])).map(keyText),
    [],
  );
  console.log(`race outcomes: ${outcomes.join(", ")}`);
});

Deno.test("[api] POST /api/bands/:id/samples for a deleted band answers 404 and stores nothing", async () => {
  const { t, member, x } = await twoPeople();
  using _ = t;
  await expectStatus(member.request("DELETE", `/api/bands/${x}`), 204);
  const res = await member.request("POST", `/api/bands/${x}/samples`, {
    json: {
      batches: [{
        start: T0,
        utcOffsetMinutes: 0,
        data: encodeSampleData(samples(5)),
      }],
    },
  });
  assert.equal(res.status, 404);
  await res.body?.cancel();
  assert.deepEqual(
    (await listAll(t.kv)).filter((e) => mentions(e, [x])).map(keyText),
    [],
  );
});

Deno.test("deleteAccount() interrupted midway is finished by runPendingPurges(), bands included", async () => {
  const { t, member, x, y } = await twoPeople();
  using _ = t;
  const me = await (await member.request("GET", "/api/me")).json();
  const before = await listAll(t.kv);
  const crash = new Error("simulated crash");
  for (const stopAt of [1, 3]) {
    const result = stopAt === 1
      ? await deleteAccount(t.kv, me.user.id, {
        now: T0,
        batchSize: 7,
        onBatch: (n) => {
          if (n === stopAt) throw crash;
        },
      }).catch((error) => error)
      : await runPendingPurges(t.kv, {
        batchSize: 7,
        onBatch: (n) => {
          if (n === stopAt) throw crash;
        },
      }).catch((error) => error);
    assert.equal(result, crash);
    const left = (await listAll(t.kv)).filter((e) =>
      mentions(e, [me.user.id, x, y])
    );
    assert.ok(left.some((e) => e.key[0] === "purge_jobs"), `stop ${stopAt}`);
    await expectStatus(member.request("GET", "/api/bands"), 401);
  }
  assert.ok(await runPendingPurges(t.kv) >= 1);
  assertOnlyOthersRemain(
    before.filter((e) => e.key[0] !== "weather_forecasts"),
    await listAll(t.kv),
    [me.user.id, x, y, "member"],
  );
});

Deno.test("[api] uploads racing DELETE /api/bands/:id answer 200 only when they landed first, and leave no key behind", async () => {
  const { t, member } = await twoPeople();
  using _ = t;
  const seen = new Set<number>();
  for (let round = 0; round < 6; round++) {
    const id = await addBand(member, `C8:0F:10:00:02:0${round}`);
    const uploads = Array.from(
      { length: 3 },
      (_, i) =>
        member.request("POST", `/api/bands/${id}/samples`, {
          json: {
            batches: [{
              start: T0 + (30 + i) * DAY,
              utcOffsetMinutes: 0,
              data: encodeSampleData(samples(120, i)),
            }],
          },
        }),
    );
    const deleted = member.request("DELETE", `/api/bands/${id}`);
    for (const res of await Promise.all(uploads)) {
      seen.add(res.status);
      assert.ok([200, 404, 410].includes(res.status), String(res.status));
      await res.body?.cancel();
    }
    assert.equal((await deleted).status, 204);
    assert.deepEqual(
      (await listAll(t.kv)).filter((e) => mentions(e, [id])).map(keyText),
      [],
      `round ${round}`,
    );
  }
  console.log(`upload statuses while deleting: ${[...seen].sort()}`);
});
