import assert from "node:assert/strict";
import {
  checkSigninAllowed,
  clearSigninFailures,
  recordSigninFailure,
} from "../../lib/auth/rate_limit.ts";

const limits = { windowMs: 60_000, perAccount: 3, perAddress: 5 };

Deno.test("checkSigninAllowed() blocks an account after its failure limit until the window ends", async () => {
  using kv = await Deno.openKv(":memory:");
  const at = (now: number) => ({ username: "Ada", address: "10.0.0.1", now });
  for (let i = 0; i < 3; i++) {
    await recordSigninFailure(kv, at(1000 + i), limits);
  }
  assert.deepEqual(await checkSigninAllowed(kv, at(2000), limits), {
    allowed: false,
    retryAfterSeconds: 59,
  });
  assert.deepEqual(await checkSigninAllowed(kv, at(61_000), limits), {
    allowed: true,
  });
});

Deno.test("checkSigninAllowed() blocks an address that tries many accounts", async () => {
  using kv = await Deno.openKv(":memory:");
  for (let i = 0; i < 5; i++) {
    await recordSigninFailure(kv, {
      username: `user${i}`,
      address: "10.0.0.2",
      now: 0,
    }, limits);
  }
  const res = await checkSigninAllowed(kv, {
    username: "fresh",
    address: "10.0.0.2",
    now: 1,
  }, limits);
  assert.equal(res.allowed, false);
  const other = await checkSigninAllowed(kv, {
    username: "fresh",
    address: "10.0.0.3",
    now: 1,
  }, limits);
  assert.equal(other.allowed, true);
});

Deno.test("clearSigninFailures() resets an account's count", async () => {
  using kv = await Deno.openKv(":memory:");
  const attempt = { username: "ada", address: "a", now: 0 };
  for (let i = 0; i < 3; i++) await recordSigninFailure(kv, attempt, limits);
  await clearSigninFailures(kv, "ADA");
  assert.deepEqual(
    await checkSigninAllowed(kv, { ...attempt, address: "b" }, limits),
    { allowed: true },
  );
});
