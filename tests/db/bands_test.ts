import assert from "node:assert/strict";
import {
  type Band,
  createBand,
  getBand,
  updateBand,
} from "../../lib/db/bands.ts";
import { mergeBandSettings } from "../../lib/api/band_schemas.ts";
import { createUser } from "../../lib/db/users.ts";
import { WriteConflictError } from "../../lib/db/errors.ts";
import { KV_MAX_VALUE_BYTES } from "../../lib/db/value_size.ts";

async function openWithUser(): Promise<Deno.Kv> {
  const kv = await Deno.openKv(":memory:");
  await createUser(kv, {
    id: "user-1",
    username: "ada",
    passwordHash: "not-a-hash",
    role: "member",
    timeZone: "UTC",
    createdAt: 0,
  });
  return kv;
}

function bandOf(settings: Band["settings"]): Band {
  return {
    id: "band-1",
    userId: "user-1",
    name: "Test band",
    mac: "C8:0F:10:AA:BB:CC",
    authKey: "8f1e2d3c4b5a69788796a5b4c3d2e1f0",
    model: "Mi Smart Band 4",
    firmwareRevision: null,
    hardwareRevision: null,
    lastBattery: null,
    settings,
    createdAt: Date.UTC(2024, 0, 1),
  };
}

Deno.test("mergeBandSettings() merges object sections by field and replaces arrays and the location whole", () => {
  const stored = {
    general: { wristLift: true, nightMode: "sunset" },
    display: { items: ["status", "pai"], shortcuts: ["weather"] },
    idleAlerts: {
      enabled: true,
      start: "09:00",
      end: "18:00",
      dnd: { start: "12:00", end: "13:00" },
    },
    weatherLocation: { name: "Oslo", latitude: 59.9, longitude: 10.7 },
  };
  const merged = mergeBandSettings(stored, {
    general: { nightMode: "off" },
    display: { items: ["music"] },
    idleAlerts: { dnd: null },
    weatherLocation: null,
  });
  assert.deepEqual(merged, {
    general: { wristLift: true, nightMode: "off" },
    display: { items: ["music"], shortcuts: ["weather"] },
    idleAlerts: { enabled: true, start: "09:00", end: "18:00", dnd: null },
    weatherLocation: null,
  });
  assert.deepEqual(stored.general, { wristLift: true, nightMode: "sunset" });
});

Deno.test("updateBand() re-reads and retries on a version conflict so concurrent changes all land", async () => {
  using kv = await openWithUser();
  assert.equal((await createBand(kv, bandOf({ general: {} }))).ok, true);
  let calls = 0;
  const names = ["a", "b", "c", "d", "e", "f"];
  await Promise.all(
    names.map((name) =>
      updateBand(kv, "user-1", "band-1", (b) => {
        calls++;
        return {
          ...b,
          settings: mergeBandSettings(b.settings, {
            general: { [name]: true },
          }),
        };
      })
    ),
  );
  const band = await getBand(kv, "user-1", "band-1");
  assert.deepEqual(
    band?.settings.general,
    Object.fromEntries(names.map((name) => [name, true])),
  );
  assert.ok(calls > names.length, `expected conflicts, saw ${calls} calls`);
});

Deno.test("updateBand() gives up after its bounded tries with a 409 WriteConflictError, never a plain Error", async () => {
  using kv = await openWithUser();
  assert.equal((await createBand(kv, bandOf({}))).ok, true);
  const delays: number[] = [];
  let tries = 0;
  await assert.rejects(
    () =>
      updateBand(kv, "user-1", "band-1", (b) => {
        tries++;
        // Another writer lands between every read and commit.
        kv.set(["bands", "user-1", "band-1"], { ...b, name: `w${tries}` });
        return { ...b, name: "mine" };
      }, {
        attempts: 5,
        random: () => 0.5,
        sleep: (ms) => {
          delays.push(ms);
          return Promise.resolve();
        },
      }),
    (error: unknown) => {
      assert.ok(error instanceof WriteConflictError);
      assert.equal(error.status, 409);
      assert.match(error.message, /^Cannot save band: /);
      return true;
    },
  );
  assert.equal(tries, 5);
  assert.deepEqual(delays, [2, 4, 8, 16]);
});

Deno.test("updateBand() refuses a record larger than one KV value with 413 and keeps the stored one", async () => {
  using kv = await openWithUser();
  assert.equal((await createBand(kv, bandOf({}))).ok, true);
  await assert.rejects(
    () =>
      updateBand(kv, "user-1", "band-1", (b) => ({
        ...b,
        name: "x".repeat(KV_MAX_VALUE_BYTES),
      })),
    (error: unknown) => {
      assert.equal((error as { status?: number }).status, 413);
      assert.match(
        (error as Error).message,
        /^Cannot save band: it would take \d+ bytes, more than the 65536 one record may hold$/,
      );
      return true;
    },
  );
  assert.equal((await getBand(kv, "user-1", "band-1"))?.name, "Test band");
});

Deno.test("createBand() refuses a band for an account that no longer exists", async () => {
  using kv = await Deno.openKv(":memory:");
  assert.deepEqual(await createBand(kv, bandOf({})), {
    ok: false,
    reason: "gone",
  });
});
