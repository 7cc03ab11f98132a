import assert from "node:assert/strict";
import { createApiTestApp, signUpMember, signUpOwner } from "./harness.ts";

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
  assert.match(
    res.headers.get("Set-Cookie") ?? "",
    /^band_session=[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/,
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
  assert.match(res.headers.get("Set-Cookie") ?? "", /; Secure(;|$)/);
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

Deno.test("[api] POST /api/session answers 429 after five failures for one account", async () => {
  // A stopped clock: on a slow machine seconds pass between the first failure and
  // the refusal, and Retry-After would count them.
  using t = await createApiTestApp({}, () => Date.UTC(2026, 0, 15, 9, 30));
  await signUpOwner(t, "ada");
  const agent = t.agent();
  for (let i = 0; i < 5; i++) {
    await agent.request("POST", "/api/session", {
      json: { username: "ada", password: "wrong wrong" },
    });
  }
  const res = await agent.request("POST", "/api/session", {
    json: { username: "ada", password: "correct horse battery" },
  });
  assert.match(
    await assertError(res, 429, "rate_limited"),
    /^Cannot sign in yet: too many failed attempts, try again in 15 minutes$/,
  );
  assert.equal(res.headers.get("Retry-After"), "900");
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
