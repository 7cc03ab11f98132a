import assert from "node:assert/strict";
import {
  type Band,
  getBand,
  listBands,
  migrateBandVirtualFlags,
} from "../../lib/db/bands.ts";
import { bandKey } from "../../lib/db/keys.ts";
import { addBand, Agent, signUpOwner, TEST_AUTH_KEY } from "../api/harness.ts";
import { createTestApp } from "../support/test_app.ts";

// A band record as stored before the flag existed (no `virtual` field).
function legacyBand(id: string, model: string, mac: string): Band {
  return {
    id,
    userId: "user-1",
    name: id,
    mac,
    authKey: TEST_AUTH_KEY,
    model,
    firmwareRevision: null,
    hardwareRevision: null,
    lastBattery: null,
    settings: {},
    createdAt: Date.UTC(2024, 0, 1),
  };
}

Deno.test("migrateBandVirtualFlags() flags the demo route's old records once and every other as real", async () => {
  using kv = await Deno.openKv(":memory:");
  const demo = legacyBand(
    "demo",
    "Virtual Mi Smart Band 4",
    "06:1B:2C:3D:4E:5F",
  );
  // A real band someone named like the demo through the API: its MAC is a vendor's.
  const spoof = legacyBand(
    "spoof",
    "Virtual Mi Smart Band 4",
    "C8:0F:10:AA:BB:CC",
  );
  const real = legacyBand("real", "Mi Smart Band 4", "C8:0F:10:AA:BB:CD");
  const flagged = { ...legacyBand("flagged", "X", "02:00:00:00:00:01") };
  flagged.virtual = false;
  for (const band of [demo, spoof, real, flagged]) {
    await kv.set(bandKey(band.userId, band.id), band);
  }
  assert.equal(await migrateBandVirtualFlags(kv), 3);
  const flags = Object.fromEntries(
    (await listBands(kv, "user-1")).map((b) => [b.id, b.virtual]),
  );
  assert.deepEqual(flags, {
    demo: true,
    spoof: false,
    real: false,
    flagged: false,
  });
  // Once run, it never runs again: a record written later without the flag stays as is.
  const late = legacyBand(
    "late",
    "Virtual Mi Smart Band 4",
    "06:00:00:00:00:02",
  );
  await kv.set(bandKey("user-1", "late"), late);
  assert.equal(await migrateBandVirtualFlags(kv), 0);
  assert.equal((await getBand(kv, "user-1", "late"))?.virtual, undefined);
});

Deno.test("[api] the demo route stores a virtual band; a real band named like it stays real on every surface", async () => {
  // The whole app: the demo route and the pages are not in the API harness.
  const { app, kv, close } = await createTestApp();
  using _ = { [Symbol.dispose]: close };
  const agent = await signUpOwner({
    app,
    kv,
    agent: () => new Agent(app),
    [Symbol.dispose]: close,
  });
  const demo = await agent.request("POST", "/api/demo-band");
  assert.equal(demo.status, 201);
  const demoBand = (await demo.json()).band;
  assert.equal(demoBand.virtual, true);
  const res = await agent.request("POST", "/api/bands", {
    json: {
      name: "Look-alike",
      mac: "C8:0F:10:AA:BB:CC",
      authKey: TEST_AUTH_KEY,
      model: "Virtual Mi Smart Band 4",
    },
  });
  assert.equal(res.status, 201);
  const real = (await res.json()).band;
  assert.equal(real.virtual, false);
  const plain = await addBand(agent, "C8:0F:10:AA:BB:CD");
  const list = await (await agent.request("GET", "/api/bands")).json();
  assert.deepEqual(
    Object.fromEntries(
      list.bands.map((
        b: { id: string; virtual: boolean },
      ) => [b.id, b.virtual]),
    ),
    { [demoBand.id]: true, [real.id]: false, [plain]: false },
  );
  // The band page badges only the stored virtual band, whatever the model says.
  const page = async (id: string) =>
    await (await agent.request("GET", `/devices/${id}`, {
      headers: { Accept: "text/html" },
    })).text();
  assert.match(await page(demoBand.id), /badge-accent">Virtual band</);
  assert.doesNotMatch(await page(real.id), /badge-accent">Virtual band</);
  const home = await (await agent.request("GET", "/", {
    headers: { Accept: "text/html" },
  })).text();
  assert.equal(home.match(/badge-accent">Virtual</g)?.length, 1);
});
