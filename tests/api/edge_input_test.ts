// Finding 9 of issue 10: edge input answered 500. Each case now gets a 4xx with
// a clear message, and an export never starts a 200 it cannot finish.
import assert from "node:assert/strict";
import { addBand, createApiTestApp, signUpOwner } from "./harness.ts";

const OUT_OF_RANGE_DAYS = [
  "9999-12-31",
  "2200-01-01",
  "0001-01-01",
  "1969-12-31",
];

Deno.test("[api] day and range queries answer 400 for a day outside the supported range", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  for (const day of OUT_OF_RANGE_DAYS) {
    for (
      const path of [
        `/api/bands/${id}/minutes?day=${day}`,
        `/api/bands/${id}/summaries/hourly?day=${day}`,
        `/api/bands/${id}/summaries/daily?from=${day}&to=${day}`,
      ]
    ) {
      const res = await agent.request("GET", path);
      assert.equal(res.status, 400, path);
      assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
      assert.match(
        (await res.json()).error.message,
        /^Cannot read day: ".+" is outside 1970-01-01 to 2199-12-31$/,
      );
    }
  }
});

Deno.test("[api] GET /api/bands/:id/readings/:kind answers 400 when `from` is after `to`", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const res = await agent.request(
    "GET",
    `/api/bands/${id}/readings/battery?from=200&to=100`,
  );
  assert.equal(res.status, 400);
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  assert.equal(
    (await res.json()).error.message,
    "Cannot read request: from: `from` must not be after `to`",
  );
  const huge = await agent.request(
    "GET",
    `/api/bands/${id}/readings/heart_rate?to=9e15`,
  );
  assert.equal(huge.status, 400);
  await huge.body?.cancel();
  const same = await agent.request(
    "GET",
    `/api/bands/${id}/readings/battery?from=100&to=100`,
  );
  assert.equal(same.status, 200);
  assert.deepEqual(await same.json(), { readings: [] });
});

Deno.test("[api] settings PATCHes that would grow the band record past KV's value limit answer 4xx and keep the record", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const statuses: number[] = [];
  let message = "";
  for (let round = 0; round < 20; round++) {
    const general = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`k${round}_${i}`, "x".repeat(64)]),
    );
    const res = await agent.request("PATCH", `/api/bands/${id}/settings`, {
      json: { general },
    });
    statuses.push(res.status);
    const body = await res.json();
    if (res.status >= 400) message = body.error.message;
  }
  assert.equal(statuses[0], 200);
  assert.ok(statuses.every((s) => s < 500), `statuses ${statuses}`);
  assert.ok(statuses.slice(1).every((s) => s === 400), `statuses ${statuses}`);
  assert.equal(
    message,
    "Cannot save settings: general: Keep at most 64 general settings",
  );
  const stored = await agent.request("GET", `/api/bands/${id}/settings`);
  assert.equal(stored.status, 200);
  assert.equal(Object.keys((await stored.json()).settings.general).length, 60);
});

Deno.test("[api] PATCH /api/bands/:id/settings answers 400 for a general key with control characters", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const res = await agent.request("PATCH", `/api/bands/${id}/settings`, {
    json: { general: { "bad\u0000key": true } },
  });
  assert.equal(res.status, 400);
  assert.match(
    (await res.json()).error.message,
    /^Cannot read request: general\./,
  );
});

Deno.test("[api] 80 settings PATCHes sent 20 at a time all land or answer 409, never 500", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const statuses: number[] = [];
  const landed = new Map<string, number>();
  for (let wave = 0; wave < 4; wave++) {
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await agent.request("PATCH", `/api/bands/${id}/settings`, {
          json: { general: { [`s${i}`]: wave } },
        });
        const body = await res.json();
        if (res.status === 409) {
          assert.match(body.error.message, /^Cannot save band: /);
        }
        return { name: `s${i}`, status: res.status };
      }),
    );
    for (const a of answers) {
      statuses.push(a.status);
      if (a.status === 200) landed.set(a.name, wave);
    }
  }
  assert.deepEqual(statuses.filter((s) => s !== 200 && s !== 409), []);
  assert.ok(
    statuses.filter((s) => s === 200).length >= 70,
    `only ${statuses.filter((s) => s === 200).length} of 80 landed`,
  );
  const stored = await (await agent.request("GET", `/api/bands/${id}/settings`))
    .json();
  assert.deepEqual(stored.settings.general, Object.fromEntries(landed));
});
