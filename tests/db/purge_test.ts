import assert from "node:assert/strict";
import { createBand, deleteBand } from "../../lib/db/bands.ts";
import { readingKey } from "../../lib/db/keys.ts";
import { createUser } from "../../lib/db/users.ts";

Deno.test("deleteBand() purges thousands of keys in commits under KV's 1000-mutation limit", async () => {
  using kv = await Deno.openKv(":memory:");
  await createUser(kv, {
    id: "u",
    username: "ada",
    passwordHash: "x",
    role: "member",
    timeZone: "UTC",
    createdAt: 0,
  });
  await createBand(kv, {
    id: "b",
    userId: "u",
    name: "Band",
    mac: "C8:0F:10:AA:BB:CC",
    authKey: "8f1e2d3c4b5a69788796a5b4c3d2e1f0",
    model: "Mi Smart Band 4",
    firmwareRevision: null,
    hardwareRevision: null,
    lastBattery: null,
    settings: {},
    createdAt: 0,
  });
  for (let i = 0; i < 2600; i += 500) {
    const atomic = kv.atomic();
    for (let j = i; j < Math.min(i + 500, 2600); j++) {
      atomic.set(readingKey("heart_rate", "b", j * 60_000), { bpm: 60 });
    }
    assert.equal((await atomic.commit()).ok, true);
  }
  const batches: number[] = [];
  assert.equal(
    await deleteBand(kv, "u", "b", { onBatch: (n) => void batches.push(n) }),
    true,
  );
  // 2600 readings in batches of 500, then the sync state and job key.
  assert.deepEqual(batches, [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(
    await Array.fromAsync(kv.list({ prefix: [] }), (e) => e.key),
    [
      ["users", "u"],
      ["users_by_username", "ada"],
    ],
  );
  assert.equal(await deleteBand(kv, "u", "b"), false);
});
