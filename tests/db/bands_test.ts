import assert from "node:assert/strict";
import {
  type Band,
  createBand,
  getBand,
  updateBand,
} from "../../lib/db/bands.ts";
import { mergeBandSettings } from "../../lib/api/band_schemas.ts";

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
  using kv = await Deno.openKv(":memory:");
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
