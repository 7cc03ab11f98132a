import assert from "node:assert/strict";
import { createApiTestApp, signUpMember, signUpOwner } from "./harness.ts";
import { authenticate } from "../../lib/auth/accounts.ts";
import { spendBudget } from "../../lib/auth/address_budget.ts";
import { passwordGate } from "../../lib/auth/hash_gate.ts";
import { recordSigninFailure } from "../../lib/auth/rate_limit.ts";

const GOOD = {
  username: "ada",
  password: "correct horse battery",
  timeZone: "Europe/Berlin",
};

async function assertError(res: Response, status: number, code: string) {
  assert.equal(res.status, status);
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  const body = await res.json();
  assert.equal(body.error.code, code);
  return body.error.message as string;
}

Deno.test("[api] POST /api/setup creates the owner once and then answers 409", async () => {
  using t = await createApiTestApp();
  const agent = t.agent();
  assert.deepEqual(await (await agent.request("GET", "/api/setup")).json(), {
    needsSetup: true,
  });
  const res = await agent.request("POST", "/api/setup", { json: GOOD });
  assert.equal(res.status, 201);
  const [sessionCookie, deviceCookie] = res.headers.getSetCookie();
  assert.match(
    sessionCookie,
    /^band_session=[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/,
  );
  assert.match(
    deviceCookie,
    /^band_device=[\w-]{43}; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/,
  );
  const body = await res.json();
  assert.equal(body.user.username, "ada");
  assert.equal(body.user.role, "owner");
  assert.equal("passwordHash" in body.user, false);
  const again = await t.agent().request("POST", "/api/setup", {
    json: { ...GOOD, username: "eve" },
  });
  assert.equal(
    await assertError(again, 409, "conflict"),
    "Cannot create the owner account: this server already has one",
  );
});

Deno.test("[api] POST /api/setup sets Secure on cookies served over https", async () => {
  using t = await createApiTestApp({ SECURE_COOKIES: "always" });
  const res = await t.agent().request("POST", "/api/setup", { json: GOOD });
  assert.equal(res.status, 201);
  for (const cookie of res.headers.getSetCookie()) {
    assert.match(cookie, /; Secure(;|$)/);
  }
});

Deno.test("[api] POST /api/setup answers 400 for malformed JSON, wrong types and a bad time zone", async () => {
  using t = await createApiTestApp();
  const agent = t.agent();
  assert.equal(
    await assertError(
      await agent.request("POST", "/api/setup", { body: "{oops" }),
      400,
      "bad_request",
    ),
    "Cannot read request: body is not valid JSON",
  );
  assert.match(
    await assertError(
      await agent.request("POST", "/api/setup", {
        json: { ...GOOD, password: 5 },
      }),
      400,
      "bad_request",
    ),
    /^Cannot read request: password: /,
  );
  assert.equal(
    await assertError(
      await agent.request("POST", "/api/setup", {
        json: { ...GOOD, timeZone: "Mars/Base" },
      }),
      400,
      "bad_request",
    ),
    "Cannot read request: timeZone: Unknown time zone",
  );
  assert.equal(
    await assertError(
      await agent.request("POST", "/api/setup", {
        json: { ...GOOD, password: "short" },
      }),
      400,
      "bad_request",
    ),
    "Cannot read request: password: Use at least 10 characters",
  );
  assert.deepEqual(await (await agent.request("GET", "/api/setup")).json(), {
    needsSetup: true,
  });
});

Deno.test("[api] POST /api/setup answers 413 for an oversized body", async () => {
  using t = await createApiTestApp();
  const res = await t.agent().request("POST", "/api/setup", {
    json: { ...GOOD, password: "x".repeat(70_000) },
  });
  await assertError(res, 413, "too_large");
});

Deno.test("[api] POST /api/session signs in, rotates the session and rejects a wrong password", async () => {
  using t = await createApiTestApp();
  const first = await signUpOwner(t, "ada");
  const agent = t.agent();
  const wrong = await agent.request("POST", "/api/session", {
    json: { username: "ada", password: "nope nope nope" },
  });
  assert.equal(
    await assertError(wrong, 401, "bad_credentials"),
    "Cannot sign in: wrong username or password",
  );
  const res = await agent.request("POST", "/api/session", {
    json: { username: "ADA", password: "correct horse battery" },
  });
  assert.equal(res.status, 200);
  assert.notEqual(agent.cookie, first.cookie);
  assert.equal((await res.json()).user.username, "ada");
});

Deno.test("[api] POST /api/session throttles guesses from one address with 429 and Retry-After, but never locks the account", async () => {
  using t = await createApiTestApp();
  await signUpOwner(t, "ada");
  const now = Date.now();
  for (let i = 0; i < 10; i++) {
    await recordSigninFailure(t.kv, {
      username: "ada",
      address: "unknown",
      now,
    });
  }
  const hashes = passwordGate.started;
  const res = await t.agent().request("POST", "/api/session", {
    json: { username: "ada", password: "correct horse battery" },
  });
  assert.match(
    await assertError(res, 429, "rate_limited"),
    /^Cannot sign in yet: too many failed attempts, try again in \d+ (seconds|minutes)$/,
  );
  const retryAfter = Number(res.headers.get("Retry-After"));
  assert.ok(retryAfter > 60 && retryAfter <= 128, `Retry-After ${retryAfter}`);
  assert.equal(
    passwordGate.started,
    hashes,
    "a throttled attempt hashes nothing",
  );
  // The same guesses from another address do not slow anyone else down.
  const elsewhere = await authenticate(t.kv, {
    username: "ada",
    password: "correct horse battery",
    address: "203.0.113.9",
    now,
  });
  assert.equal(elsewhere.username, "ada");
});

Deno.test("[api] POST /api/session lets the owner's known browser in while its address is throttled", async () => {
  using t = await createApiTestApp();
  const owner = t.agent();
  const setup = await owner.request("POST", "/api/setup", { json: GOOD });
  const device =
    setup.headers.getSetCookie().find((c) => c.startsWith("band_device="))!
      .split(";")[0];
  const now = Date.now();
  for (let i = 0; i < 60; i++) {
    await recordSigninFailure(t.kv, {
      username: i % 2 ? "ada" : `someone${i}`,
      address: "unknown",
      now,
    });
  }
  const stranger = await t.agent().request("POST", "/api/session", {
    json: { username: "ada", password: "correct horse battery" },
  });
  await assertError(stranger, 429, "rate_limited");
  const known = t.agent();
  const res = await known.request("POST", "/api/session", {
    json: { username: "ada", password: "correct horse battery" },
    headers: { Cookie: device },
  });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).user.username, "ada");
  assert.equal(
    res.headers.getSetCookie().some((c) => c.startsWith("band_device=")),
    false,
    "a known browser keeps its device cookie",
  );
});

Deno.test("[api] POST /api/me/password forgets the person's other known browsers but keeps this one", async () => {
  using t = await createApiTestApp();
  const owner = t.agent();
  const setup = await owner.request("POST", "/api/setup", { json: GOOD });
  owner.csrfToken = (await setup.json()).csrfToken;
  const deviceOf = (res: Response) =>
    res.headers.getSetCookie().find((c) => c.startsWith("band_device="))!
      .split(";")[0];
  const here = deviceOf(setup);
  // A second browser signs in and becomes known.
  const there = deviceOf(
    await t.agent().request("POST", "/api/session", {
      json: { username: "ada", password: "correct horse battery" },
    }),
  );
  const changed = await owner.request("POST", "/api/me/password", {
    json: {
      currentPassword: "correct horse battery",
      newPassword: "a brand new password",
    },
    headers: { Cookie: `${owner.cookie}; ${here}` },
  });
  assert.equal(changed.status, 200);
  // Throttle the shared address: only a known browser gets through.
  const now = Date.now();
  for (let i = 0; i < 60; i++) {
    await recordSigninFailure(t.kv, {
      username: i % 2 ? "ada" : `someone${i}`,
      address: "unknown",
      now,
    });
  }
  const signIn = (cookie: string) =>
    t.agent().request("POST", "/api/session", {
      json: { username: "ada", password: "a brand new password" },
      headers: { Cookie: cookie },
    });
  assert.equal((await signIn(here)).status, 200);
  await assertError(await signIn(there), 429, "rate_limited");
});

Deno.test("[api] POST /api/session: 20 failures on other accounts from one address do not lock an account", async () => {
  using t = await createApiTestApp();
  await signUpOwner(t, "ada");
  for (let i = 0; i < 20; i++) {
    const res = await t.agent().request("POST", "/api/session", {
      json: { username: `guess${i}`, password: "wrong wrong" },
    });
    assert.equal(res.status, 401);
  }
  const res = await t.agent().request("POST", "/api/session", {
    json: { username: "ada", password: "correct horse battery" },
  });
  assert.equal(res.status, 200);
});

Deno.test("[api] POST /api/setup after setup and POST /api/invitations/<unknown> refuse without hashing", async () => {
  using t = await createApiTestApp();
  await signUpOwner(t, "ada");
  const hashes = passwordGate.started;
  await assertError(
    await t.agent().request("POST", "/api/setup", {
      json: { ...GOOD, username: "eve" },
    }),
    409,
    "conflict",
  );
  await assertError(
    await t.agent().request("POST", `/api/invitations/${"x".repeat(43)}`, {
      json: { ...GOOD, username: "eve" },
    }),
    404,
    "not_found",
  );
  assert.equal(passwordGate.started, hashes);
});

Deno.test("[api] password hashing is budgeted per address before any hash", async () => {
  using t = await createApiTestApp();
  const owner = await signUpOwner(t, "ada");
  const inv = await (await owner.request("POST", "/api/invitations", {
    json: {},
  })).json();
  const now = Date.now();
  for (let i = 0; i < 30; i++) {
    await spendBudget(t.kv, "password_hash", "unknown", now);
  }
  const hashes = passwordGate.started;
  const accept = await t.agent().request(
    "POST",
    `/api/invitations/${inv.token}`,
    { json: { ...GOOD, username: "bob" } },
  );
  assert.match(
    await assertError(accept, 429, "rate_limited"),
    /^Cannot create account yet: too many attempts from your address, try again in /,
  );
  assert.ok(Number(accept.headers.get("Retry-After")) > 0);
  const signin = await t.agent().request("POST", "/api/session", {
    json: { username: "ada", password: "correct horse battery" },
  });
  await assertError(signin, 429, "rate_limited");
  const change = await owner.request("POST", "/api/me/password", {
    json: {
      currentPassword: "correct horse battery",
      newPassword: "a brand new password",
    },
  });
  await assertError(change, 429, "rate_limited");
  assert.equal(passwordGate.started, hashes);
});

Deno.test("[api] DELETE /api/session ends the session server-side", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const oldCookie = agent.cookie;
  const res = await agent.request("DELETE", "/api/session");
  assert.equal(res.status, 204);
  assert.match(
    res.headers.get("Set-Cookie") ?? "",
    /^band_session=; .*Max-Age=0/,
  );
  agent.cookie = oldCookie;
  await assertError(await agent.request("GET", "/api/me"), 401, "unauthorized");
});

Deno.test("[api] GET /api/me answers 401 without a session", async () => {
  using t = await createApiTestApp();
  assert.equal(
    await assertError(
      await t.agent().request("GET", "/api/me"),
      401,
      "unauthorized",
    ),
    "Sign in to continue",
  );
});

Deno.test("[api] PATCH /api/me changes the time zone and refuses a forged cross-site request", async () => {
  using t = await createApiTestApp();
  const agent = await signUpOwner(t);
  const forged = await agent.request("PATCH", "/api/me", {
    json: { timeZone: "Asia/Tokyo" },
    headers: { Origin: "https://evil.example" },
  });
  await assertError(forged, 403, "forbidden");
  const noToken = t.agent();
  noToken.cookie = agent.cookie;
  await assertError(
    await noToken.request("PATCH", "/api/me", {
      json: { timeZone: "Asia/Tokyo" },
    }),
    403,
    "forbidden",
  );
  const res = await agent.request("PATCH", "/api/me", {
    json: { timeZone: "Asia/Tokyo" },
  });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).user.timeZone, "Asia/Tokyo");
});

Deno.test("[api] POST /api/me/password ends the other sessions but keeps this one", async () => {
  using t = await createApiTestApp();
  const a = await signUpOwner(t, "ada");
  const b = t.agent();
  const signin = await b.request("POST", "/api/session", {
    json: { username: "ada", password: "correct horse battery" },
  });
  b.csrfToken = (await signin.json()).csrfToken;
  const wrong = await a.request("POST", "/api/me/password", {
    json: {
      currentPassword: "not it at all",
      newPassword: "a brand new password",
    },
  });
  await assertError(wrong, 403, "forbidden");
  const res = await a.request("POST", "/api/me/password", {
    json: {
      currentPassword: "correct horse battery",
      newPassword: "a brand new password",
    },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { endedSessions: 1 });
  assert.equal((await a.request("GET", "/api/me")).status, 200);
  assert.equal((await b.request("GET", "/api/me")).status, 401);
  const again = await t.agent().request("POST", "/api/session", {
    json: { username: "ada", password: "a brand new password" },
  });
  assert.equal(again.status, 200);
});

Deno.test("[api] POST /api/invitations lets only the owner invite, and a link works once", async () => {
  using t = await createApiTestApp();
  const owner = await signUpOwner(t);
  const member = await signUpMember(t, owner, "bob");
  await assertError(
    await member.request("POST", "/api/invitations", { json: {} }),
    403,
    "forbidden",
  );
  const inv = await (await owner.request("POST", "/api/invitations", {
    json: { expiresInHours: 1 },
  })).json();
  assert.equal(inv.path, `/invite/${inv.token}`);
  assert.equal(
    (await t.agent().request("GET", `/api/invitations/${inv.token}`)).status,
    200,
  );
  const account = {
    username: "carol",
    password: "carol's good password",
    timeZone: "UTC",
  };
  assert.equal(
    (await t.agent().request("POST", `/api/invitations/${inv.token}`, {
      json: account,
    })).status,
    201,
  );
  const reuse = await t.agent().request(
    "POST",
    `/api/invitations/${inv.token}`,
    { json: { ...account, username: "dave" } },
  );
  assert.equal(
    await assertError(reuse, 404, "not_found"),
    "Cannot use invitation: it is unknown, used or expired",
  );
});

Deno.test("[api] POST /api/signup is refused unless open sign-up is configured", async () => {
  using closed = await createApiTestApp();
  await assertError(
    await closed.agent().request("POST", "/api/signup", { json: GOOD }),
    403,
    "forbidden",
  );
  using open = await createApiTestApp({ OPEN_SIGNUP: "true" });
  const res = await open.agent().request("POST", "/api/signup", { json: GOOD });
  assert.equal(res.status, 201);
  assert.equal((await res.json()).user.role, "member");
});

Deno.test("[api] POST /api/signup is limited per address", async () => {
  using t = await createApiTestApp({ OPEN_SIGNUP: "true" });
  for (let i = 0; i < 5; i++) {
    const res = await t.agent().request("POST", "/api/signup", {
      json: { ...GOOD, username: `person${i}` },
    });
    assert.equal(res.status, 201);
  }
  const hashes = passwordGate.started;
  const res = await t.agent().request("POST", "/api/signup", {
    json: { ...GOOD, username: "person5" },
  });
  assert.match(
    await assertError(res, 429, "rate_limited"),
    /^Cannot sign up yet: too many attempts from your address, try again in \d+ minutes$/,
  );
  assert.equal(passwordGate.started, hashes);
});
