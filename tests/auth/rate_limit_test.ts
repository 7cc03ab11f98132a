import assert from "node:assert/strict";
import {
  checkSigninAllowed,
  clearSigninFailures,
  delayAfterFailures,
  recordSigninFailure,
  type ThrottlePolicy,
} from "../../lib/auth/rate_limit.ts";

const policy: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  forgetAfterMs: 3_600_000,
  addressBudget: { windowMs: 600_000, max: 10 },
};

Deno.test("delayAfterFailures() gives free tries, then doubles up to the cap", () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 9, 40].map((n) => delayAfterFailures(n, policy)),
    [0, 0, 0, 1_000, 2_000, 4_000, 8_000, 60_000, 60_000],
  );
});

Deno.test("checkSigninAllowed() makes a place wait after its failures, and only until the delay ends", async () => {
  using kv = await Deno.openKv(":memory:");
  const at = (now: number) => ({ username: "Ada", address: "10.0.0.1", now });
  for (let i = 0; i < 5; i++) {
    assert.deepEqual(await checkSigninAllowed(kv, at(i * 10_000), policy), {
      allowed: true,
    });
    await recordSigninFailure(kv, at(i * 10_000), policy);
  }
  // Five failures, the last at 40 s: the next try waits 4 s.
  assert.deepEqual(await checkSigninAllowed(kv, at(41_000), policy), {
    allowed: false,
    retryAfterSeconds: 3,
  });
  assert.deepEqual(await checkSigninAllowed(kv, at(44_000), policy), {
    allowed: true,
  });
});

Deno.test("checkSigninAllowed() never locks the account: the right password from another address is tried at once", async () => {
  using kv = await Deno.openKv(":memory:");
  for (let i = 0; i < 20; i++) {
    await recordSigninFailure(kv, {
      username: "ada",
      address: "10.0.0.66",
      now: 0,
    }, policy);
  }
  assert.equal(
    (await checkSigninAllowed(kv, {
      username: "ada",
      address: "10.0.0.66",
      now: 1,
    }, policy)).allowed,
    false,
  );
  assert.deepEqual(
    await checkSigninAllowed(kv, {
      username: "ada",
      address: "10.0.0.7",
      now: 1,
    }, policy),
    { allowed: true },
  );
});

Deno.test("checkSigninAllowed() lets a known device in while its shared address is throttled and out of budget", async () => {
  using kv = await Deno.openKv(":memory:");
  for (let i = 0; i < 12; i++) {
    await recordSigninFailure(kv, {
      username: i % 2 ? "ada" : `user${i}`,
      address: "proxy",
      now: 0,
    }, policy);
  }
  const fromProxy = { username: "ada", address: "proxy", now: 1 };
  assert.equal(
    (await checkSigninAllowed(kv, fromProxy, policy)).allowed,
    false,
  );
  assert.deepEqual(
    await checkSigninAllowed(kv, { ...fromProxy, deviceId: "d1" }, policy),
    { allowed: true },
  );
});

Deno.test("checkSigninAllowed() spends a per-address budget over all accounts", async () => {
  using kv = await Deno.openKv(":memory:");
  for (let i = 0; i < 10; i++) {
    await recordSigninFailure(kv, {
      username: `user${i}`,
      address: "10.0.0.2",
      now: 0,
    }, policy);
  }
  assert.deepEqual(
    await checkSigninAllowed(kv, {
      username: "fresh",
      address: "10.0.0.2",
      now: 1_000,
    }, policy),
    { allowed: false, retryAfterSeconds: 599 },
  );
  assert.equal(
    (await checkSigninAllowed(kv, {
      username: "fresh",
      address: "10.0.0.3",
      now: 1_000,
    }, policy)).allowed,
    true,
  );
});

Deno.test("recordSigninFailure() from a known device counts against that device only", async () => {
  using kv = await Deno.openKv(":memory:");
  const device = { username: "ada", address: "a", deviceId: "d1", now: 0 };
  for (let i = 0; i < 5; i++) await recordSigninFailure(kv, device, policy);
  assert.equal(
    (await checkSigninAllowed(kv, { ...device, now: 1 }, policy)).allowed,
    false,
  );
  assert.deepEqual(
    await checkSigninAllowed(kv, {
      username: "ada",
      address: "a",
      now: 1,
    }, policy),
    { allowed: true },
  );
});

Deno.test("clearSigninFailures() resets one place's count", async () => {
  using kv = await Deno.openKv(":memory:");
  const attempt = { username: "ada", address: "a", now: 0 };
  for (let i = 0; i < 5; i++) await recordSigninFailure(kv, attempt, policy);
  await clearSigninFailures(kv, { username: "ADA", address: "a" });
  assert.deepEqual(
    await checkSigninAllowed(kv, { ...attempt, now: 1 }, policy),
    { allowed: true },
  );
});
