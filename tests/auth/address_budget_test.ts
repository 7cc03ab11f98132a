import assert from "node:assert/strict";
import {
  checkBudget,
  describeWait,
  spendBudget,
} from "../../lib/auth/address_budget.ts";

const budget = { windowMs: 60_000, max: 3 };

Deno.test("spendBudget() allows max units per window and address, then says how long to wait", async () => {
  using kv = await Deno.openKv(":memory:");
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(await spendBudget(kv, "signup", "a", 1_000, budget), {
      allowed: true,
    });
  }
  assert.deepEqual(await spendBudget(kv, "signup", "a", 11_000, budget), {
    allowed: false,
    retryAfterSeconds: 50,
  });
  assert.deepEqual(await checkBudget(kv, "signup", "a", 11_000, budget), {
    allowed: false,
    retryAfterSeconds: 50,
  });
  assert.deepEqual(await spendBudget(kv, "signup", "b", 11_000, budget), {
    allowed: true,
  });
  assert.deepEqual(
    await spendBudget(kv, "password_hash", "a", 11_000, budget),
    {
      allowed: true,
    },
  );
  assert.deepEqual(await spendBudget(kv, "signup", "a", 61_000, budget), {
    allowed: true,
  });
});

Deno.test("spendBudget() counts every one of many concurrent spends", async () => {
  using kv = await Deno.openKv(":memory:");
  const results = await Promise.all(
    Array.from(
      { length: 8 },
      () => spendBudget(kv, "signup", "a", 0, { windowMs: 60_000, max: 5 }),
    ),
  );
  assert.ok(results.filter((r) => r.allowed).length <= 5);
});

Deno.test("describeWait() says seconds under a minute, minutes above", () => {
  assert.deepEqual([1, 40, 60, 61, 900].map(describeWait), [
    "1 second",
    "40 seconds",
    "1 minute",
    "2 minutes",
    "15 minutes",
  ]);
});
