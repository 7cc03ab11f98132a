import assert from "node:assert/strict";
import {
  addBand,
  createApiTestApp,
  signUpMember,
  signUpOwner,
  TEST_AUTH_KEY,
} from "./harness.ts";

Deno.test("[api] POST /api/bands adds a band and GET lists it without the auth key", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const res = await agent.request("POST", "/api/bands", {
    json: {
      name: "Blue band",
      mac: "c8:0f:10:aa:bb:cc",
      authKey: `0x${TEST_AUTH_KEY.toUpperCase()}`,
    },
  });
  assert.equal(res.status, 201);
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  const { band } = await res.json();
  assert.match(
    band.id,
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
  assert.equal(band.mac, "C8:0F:10:AA:BB:CC");
  assert.equal("authKey" in band, false);
  const list = await (await agent.request("GET", "/api/bands")).json();
  assert.deepEqual(list.bands.map((b: { id: string }) => b.id), [band.id]);
  const key = await agent.request("GET", `/api/bands/${band.id}/key`);
  assert.equal(key.headers.get("Cache-Control"), "no-store");
  assert.deepEqual(await key.json(), { authKey: TEST_AUTH_KEY });
});

Deno.test("[api] POST /api/bands answers 409 for a MAC the person already has, 400 for a bad key", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  await addBand(agent);
  const dup = await agent.request("POST", "/api/bands", {
    json: { name: "Again", mac: "c8:0f:10:aa:bb:cc", authKey: TEST_AUTH_KEY },
  });
  assert.equal(dup.status, 409);
  assert.equal(
    (await dup.json()).error.message,
    "Cannot add band: you already have a band with MAC C8:0F:10:AA:BB:CC",
  );
  const bad = await agent.request("POST", "/api/bands", {
    json: { name: "Bad", mac: "C8:0F:10:AA:BB:CD", authKey: "1234" },
  });
  assert.equal(bad.status, 400);
  assert.equal(
    (await bad.json()).error.message,
    "Cannot read request: authKey: Use 32 hexadecimal digits",
  );
});

Deno.test("[api] another person's band answers 404 on every band endpoint, exactly like a missing one", async () => {
  using t = await createApiTestApp();
  const owner = await signUpOwner(t);
  const bandId = await addBand(owner);
  const other = await signUpMember(t, owner);
  const missing = crypto.randomUUID();
  const paths = [
    "",
    "/key",
    "/settings",
    "/sync",
    "/minutes?day=2024-06-10",
    "/summaries/hourly?day=2024-06-10",
    "/summaries/daily?from=2024-06-01&to=2024-06-30",
    "/readings/battery",
  ];
  for (const path of paths) {
    const theirs = await other.request("GET", `/api/bands/${bandId}${path}`);
    const none = await other.request("GET", `/api/bands/${missing}${path}`);
    assert.equal(theirs.status, 404, path);
    assert.deepEqual(await theirs.json(), await none.json());
  }
  for (
    const [method, path, json] of [
      ["PATCH", "", { name: "Mine now" }],
      ["DELETE", "", undefined],
      ["PATCH", "/settings", { goal: { steps: 1, notify: false } }],
      ["POST", "/samples", {
        batches: [{
          start: Date.UTC(2024, 0, 1),
          utcOffsetMinutes: 0,
          data: "AQIDBA==",
        }],
      }],
    ] as const
  ) {
    assert.equal(
      (await other.request(method, `/api/bands/${bandId}${path}`, { json }))
        .status,
      404,
      `${method} ${path}`,
    );
  }
  assert.equal(
    (await owner.request("GET", `/api/bands/${bandId}`)).status,
    200,
  );
  assert.equal(
    (await owner.request("GET", `/api/bands/${bandId}/settings`)).status,
    200,
  );
  assert.deepEqual(
    (await (await owner.request("GET", `/api/bands/${bandId}/settings`)).json())
      .settings,
    {},
  );
});

Deno.test("[api] PATCH /api/bands/:id/settings merges sections and validates them", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const goal = { steps: 9000, notify: true };
  assert.equal(
    (await agent.request("PATCH", `/api/bands/${id}/settings`, {
      json: { goal },
    })).status,
    200,
  );
  const alarm = { index: 0, enabled: true, hour: 7, minute: 30, days: 31 };
  const res = await agent.request("PATCH", `/api/bands/${id}/settings`, {
    json: { alarms: [alarm] },
  });
  assert.deepEqual((await res.json()).settings, {
    goal,
    alarms: [{ ...alarm, smart: false }],
  });
  const bad = await agent.request("PATCH", `/api/bands/${id}/settings`, {
    json: { alarms: [{ ...alarm, hour: 24 }] },
  });
  assert.equal(bad.status, 400);
});

Deno.test("[api] PATCH /api/bands/:id/settings keeps fields of general that another PATCH wrote", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const first = await agent.request("PATCH", `/api/bands/${id}/settings`, {
    json: { general: { wristLift: true, nightMode: "sunset" } },
  });
  assert.equal(first.status, 200);
  const second = await agent.request("PATCH", `/api/bands/${id}/settings`, {
    json: { general: { bandLock: true, nightMode: "off" } },
  });
  assert.equal(second.status, 200);
  assert.match(second.headers.get("Content-Type") ?? "", /application\/json/);
  const expected = { wristLift: true, nightMode: "off", bandLock: true };
  assert.deepEqual((await second.json()).settings, { general: expected });
  const stored = await agent.request("GET", `/api/bands/${id}/settings`);
  assert.deepEqual((await stored.json()).settings, { general: expected });
});

Deno.test("[api] PATCH /api/bands/:id/settings merges object fields and replaces arrays whole", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const patch = (json: unknown) =>
    agent.request("PATCH", `/api/bands/${id}/settings`, { json });
  const alarm = { index: 0, enabled: true, hour: 7, minute: 0, days: 31 };
  await patch({
    goal: { steps: 8000, notify: true },
    display: { items: ["status", "pai"], shortcuts: ["weather"] },
    alarms: [alarm, { ...alarm, index: 1 }],
  });
  const res = await patch({
    goal: { steps: 12000 },
    display: { items: ["music"] },
    alarms: [{ ...alarm, hour: 6 }],
  });
  assert.equal(res.status, 200);
  assert.deepEqual((await res.json()).settings, {
    goal: { steps: 12000, notify: true },
    display: { items: ["music"], shortcuts: ["weather"] },
    alarms: [{ ...alarm, hour: 6, smart: false }],
  });
});

Deno.test("[api] PATCH /api/bands/:id/settings answers 400 when a first write leaves a section incomplete", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const res = await agent.request("PATCH", `/api/bands/${id}/settings`, {
    json: { goal: { steps: 5000 } },
  });
  assert.equal(res.status, 400);
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  const body = await res.json();
  assert.equal(body.error.code, "bad_request");
  assert.match(body.error.message, /^Cannot save settings: goal\.notify: /);
  const stored = await agent.request("GET", `/api/bands/${id}/settings`);
  assert.deepEqual((await stored.json()).settings, {});
});

Deno.test("[api] concurrent PATCH /api/bands/:id/settings of different general fields keep every field", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const names = ["a", "b", "c", "d", "e", "f", "g", "h"];
  const answers = await Promise.all(
    names.map((name, i) =>
      agent.request("PATCH", `/api/bands/${id}/settings`, {
        json: { general: { [name]: i } },
      })
    ),
  );
  assert.deepEqual(answers.map((r) => r.status), names.map(() => 200));
  for (const r of answers) await r.body?.cancel();
  const stored = await agent.request("GET", `/api/bands/${id}/settings`);
  assert.deepEqual(
    (await stored.json()).settings.general,
    Object.fromEntries(names.map((name, i) => [name, i])),
  );
});

Deno.test("[api] PATCH and DELETE /api/bands/:id update and remove the band", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const res = await agent.request("PATCH", `/api/bands/${id}`, {
    json: { firmwareRevision: "V1.0.9.66" },
  });
  assert.equal((await res.json()).band.firmwareRevision, "V1.0.9.66");
  assert.equal(
    (await agent.request("PATCH", `/api/bands/${id}`, {
      json: { mac: "00:00:00:00:00:00" },
    })).status,
    400,
  );
  assert.equal((await agent.request("DELETE", `/api/bands/${id}`)).status, 204);
  assert.equal((await agent.request("GET", `/api/bands/${id}`)).status, 404);
  assert.equal(
    (await agent.request("POST", "/api/bands", {
      json: {
        name: "Re-added",
        mac: "C8:0F:10:AA:BB:CC",
        authKey: TEST_AUTH_KEY,
      },
    })).status,
    201,
  );
});

Deno.test("[api] readings: battery updates the band's last battery, repeats are ignored", async () => {
  const now = Date.UTC(2024, 5, 12, 9, 30);
  using t = await createApiTestApp({}, () => now);
  const agent = await signUpOwner(t);
  const id = await addBand(agent);
  const time = Date.UTC(2024, 5, 10, 12);
  const readings = [{ time, level: 80, charging: false }, {
    time: time + 60_000,
    level: 79,
    charging: false,
  }];
  const first = await agent.request(
    "POST",
    `/api/bands/${id}/readings/battery`,
    { json: { readings } },
  );
  assert.equal(first.status, 201);
  assert.deepEqual(await first.json(), { added: 2 });
  const again = await agent.request(
    "POST",
    `/api/bands/${id}/readings/battery`,
    { json: { readings } },
  );
  assert.deepEqual(await again.json(), { added: 0 });
  const list =
    await (await agent.request("GET", `/api/bands/${id}/readings/battery`))
      .json();
  assert.deepEqual(list.readings, [readings[1], readings[0]]);
  const band =
    (await (await agent.request("GET", `/api/bands/${id}`)).json()).band;
  assert.deepEqual(band.lastBattery, {
    level: 79,
    charging: false,
    time: time + 60_000,
  });
  const future = await agent.request(
    "POST",
    `/api/bands/${id}/readings/heart_rate`,
    {
      json: { readings: [{ time: now + 3_600_000, bpm: 70 }] },
    },
  );
  assert.equal(future.status, 400);
  assert.equal(
    (await agent.request("GET", `/api/bands/${id}/readings/nope`)).status,
    404,
  );
});

Deno.test("[api] the auth key appears in no answer but its own endpoint, nor in any log line", async () => {
  using t = await createApiTestApp();
  const lines: string[] = [];
  const original = {
    log: console.log,
    error: console.error,
    warn: console.warn,
    info: console.info,
  };
  for (const name of ["log", "error", "warn", "info"] as const) {
    console[name] = (...args: unknown[]) =>
      lines.push(args.map(String).join(" "));
  }
  try {
    const agent = await signUpOwner(t);
    const id = await addBand(agent);
    const seen: string[] = [];
    for (
      const path of [
        "/api/bands",
        `/api/bands/${id}`,
        `/api/bands/${id}/settings`,
        `/api/bands/${id}/sync`,
        "/api/me",
      ]
    ) {
      seen.push(await (await agent.request("GET", path)).text());
    }
    seen.push(
      await (await agent.request("PATCH", `/api/bands/${id}`, {
        json: { name: "x" },
      })).text(),
    );
    seen.push(
      await (await agent.request("POST", "/api/bands", {
        json: { name: "dup", mac: "C8:0F:10:AA:BB:CC", authKey: TEST_AUTH_KEY },
      })).text(),
    );
    seen.push(
      await (await agent.request("PATCH", `/api/bands/${id}`, {
        json: { authKey: "zz" + TEST_AUTH_KEY },
      })).text(),
    );
    for (const text of [...seen, ...lines]) {
      assert.equal(text.toLowerCase().includes(TEST_AUTH_KEY), false, text);
    }
  } finally {
    Object.assign(console, original);
  }
});
