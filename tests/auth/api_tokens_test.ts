import assert from "node:assert/strict";
import { addBand } from "../api/harness.ts";
import { createAuthTestApp, signUp } from "./_app.ts";
import {
  type ApiToken,
  getApiToken,
  touchApiToken,
} from "../../lib/db/api_tokens.ts";
import { hashToken } from "../../lib/auth/tokens.ts";
import { refusalForApiToken } from "../../lib/auth/api_tokens.ts";

async function assertError(res: Response, status: number, code: string) {
  assert.equal(res.status, status);
  assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
  const body = await res.json();
  assert.equal(body.error.code, code);
  return body.error.message as string;
}

/** A script's request: the token and nothing else (no cookie, no Origin). */
function bearer(
  t: {
    app: {
      request: (url: string, init: RequestInit) => Response | Promise<Response>;
    };
  },
  token: string,
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return Promise.resolve(t.app.request(`http://localhost${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: "application/json",
      ...(init.body ? { "Content-Type": "application/json" } : {}),
      ...init.headers,
    },
    body: init.body,
  }));
}

async function issue(agent: Awaited<ReturnType<typeof signUp>>, name: string) {
  const res = await agent.request("POST", "/api/me/tokens", { json: { name } });
  assert.equal(res.status, 201);
  return await res.json();
}

Deno.test("[api] POST /api/me/tokens shows the token once and lists it by name, created and last use", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const created = await issue(ada, "Grafana");
  assert.match(created.token, /^bwt_[\w-]{43}$/);
  assert.equal(created.name, "Grafana");
  assert.equal(created.lastUsedAt, null);
  const list = await (await ada.request("GET", "/api/me/tokens")).json();
  assert.deepEqual(list.tokens, [{
    id: created.id,
    name: "Grafana",
    createdAt: created.createdAt,
    lastUsedAt: null,
  }]);
  assert.equal(JSON.stringify(list).includes(created.token), false);
  // Stored hashed: nothing in KV holds the token text.
  assert.equal(created.id, await hashToken(created.token));
  for await (const entry of t.kv.list({ prefix: [] })) {
    assert.equal(JSON.stringify(entry).includes(created.token.slice(4)), false);
  }
  await bearer(t, created.token, "GET", "/api/me");
  const used = await (await ada.request("GET", "/api/me/tokens")).json();
  assert.equal(typeof used.tokens[0].lastUsedAt, "number");
});

Deno.test("[api] an API token reads the person's own bands, summaries and exports, not another person's", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const bob = await signUp(t, "bob", ada);
  const mine = await addBand(ada);
  const theirs = await addBand(bob, "C8:0F:10:AA:BB:DD");
  const { token } = await issue(ada, "Grafana");
  const bands = await bearer(t, token, "GET", "/api/bands");
  assert.equal(bands.status, 200);
  assert.deepEqual(
    (await bands.json()).bands.map((b: { id: string }) => b.id),
    [mine],
  );
  const daily = await bearer(
    t,
    token,
    "GET",
    `/api/bands/${mine}/summaries/daily?from=2024-03-01&to=2024-03-07`,
  );
  assert.equal(daily.status, 200);
  const csv = await bearer(
    t,
    token,
    "GET",
    `/api/bands/${mine}/export?data=daily&format=csv&from=2024-03-01&to=2024-03-07`,
  );
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("Content-Type") ?? "", /^text\/csv/);
  assert.equal(
    (await csv.text()).includes("8f1e2d3c4b5a69788796a5b4c3d2e1f0"),
    false,
  );
  const head = await bearer(t, token, "HEAD", `/api/bands/${mine}`);
  assert.equal(head.status, 200);
  await assertError(
    await bearer(t, token, "GET", `/api/bands/${theirs}`),
    404,
    "not_found",
  );
});

Deno.test("[api] an API token never changes anything: every non-GET/HEAD answers 403", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const band = await addBand(ada);
  const { token } = await issue(ada, "script");
  const attempts: [string, string, string?][] = [
    [
      "POST",
      "/api/bands",
      '{"name":"x","mac":"C8:0F:10:AA:BB:EE","authKey":"8f1e2d3c4b5a69788796a5b4c3d2e1f0"}',
    ],
    ["PATCH", `/api/bands/${band}`, '{"name":"renamed"}'],
    ["DELETE", `/api/bands/${band}`],
    ["PUT", `/api/bands/${band}/settings`, "{}"],
    ["POST", `/api/bands/${band}/samples`, "{}"],
    ["PATCH", "/api/me", '{"timeZone":"Asia/Tokyo"}'],
    [
      "POST",
      "/api/me/password",
      '{"currentPassword":"x","newPassword":"yyyyyyyyyyyy"}',
    ],
    ["POST", "/api/invitations", "{}"],
    ["DELETE", "/api/session"],
    ["POST", "/api/me/tokens", '{"name":"more"}'],
  ];
  for (const [method, path, body] of attempts) {
    const res = await bearer(t, token, method, path, { body });
    assert.equal(res.status, 403, `${method} ${path}`);
    assert.match((await res.json()).error.message, /^Cannot use an API token/);
  }
  const me = await (await ada.request("GET", "/api/me")).json();
  assert.equal(me.user.timeZone, "UTC");
  const bands = await (await ada.request("GET", "/api/bands")).json();
  assert.equal(bands.bands[0].name, "Blue band");
});

Deno.test("[api] an API token never reads a band's auth key, however the path is spelled", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const band = await addBand(ada);
  const { token } = await issue(ada, "script");
  for (
    const path of [
      `/api/bands/${band}/key`,
      `/api/bands/${band}/%6Bey`,
      `/api/bands/${band}/key/`,
      `//api/bands/${band}/key`,
      `/%61pi/bands/${band}/KEY`,
    ]
  ) {
    const res = await bearer(t, token, "GET", path);
    assert.notEqual(res.status, 200, path);
    assert.equal(
      (await res.text()).includes("8f1e2d3c4b5a69788796a5b4c3d2e1f0"),
      false,
      path,
    );
  }
  await assertError(
    await bearer(t, token, "GET", `/api/bands/${band}/key`),
    403,
    "forbidden",
  );
  assert.equal(
    (await ada.request("GET", `/api/bands/${band}/key`)).status,
    200,
    "a session still reads it",
  );
});

Deno.test("[api] an API token is not valid for HTML pages, credential management or with a session cookie", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const { token, id } = await issue(ada, "script");
  for (
    const [method, path] of [
      ["GET", "/account"],
      ["POST", "/account"],
      ["POST", "/signout"],
      ["GET", "/"],
      ["GET", "/api/me/tokens"],
      ["DELETE", `/api/me/tokens/${id}`],
      ["GET", "/api/passkeys"],
    ]
  ) {
    const res = await bearer(t, token, method, path, {
      headers: { Accept: "text/html" },
    });
    assert.equal(res.status, 403, `${method} ${path}`);
  }
  // A token beside a session cookie does not borrow the session's rights.
  const both = await ada.request("PATCH", "/api/me", {
    json: { timeZone: "Asia/Tokyo" },
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(both.status, 403);
});

Deno.test("[api] a revoked, unknown or malformed API token answers 401; other schemes are ignored", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const { token, id } = await issue(ada, "script");
  assert.equal((await bearer(t, token, "GET", "/api/bands")).status, 200);
  assert.equal(
    (await ada.request("DELETE", `/api/me/tokens/${id}`)).status,
    204,
  );
  const revoked = await bearer(t, token, "GET", "/api/bands");
  assert.equal(
    await assertError(revoked, 401, "unauthorized"),
    "Cannot use the API token: it is malformed, unknown or revoked",
  );
  assert.equal(
    revoked.headers.get("WWW-Authenticate"),
    'Bearer realm="band-web"',
  );
  await assertError(
    await bearer(t, `bwt_${"A".repeat(43)}`, "GET", "/api/bands"),
    401,
    "unauthorized",
  );
  await assertError(
    await bearer(t, "not-a-token", "GET", "/api/bands"),
    401,
    "unauthorized",
  );
  const basic = await t.app.request("http://localhost/api/bands", {
    headers: { Authorization: "Basic YWRhOnB3", Accept: "application/json" },
  });
  assert.equal(
    await assertError(basic, 401, "unauthorized"),
    "Sign in to continue",
  );
  assert.equal(
    (await ada.request("DELETE", `/api/me/tokens/${id}`)).status,
    404,
  );
});

Deno.test("[api] DELETE /api/me/tokens/:id cannot revoke another person's token", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const bob = await signUp(t, "bob", ada);
  const { token, id } = await issue(ada, "script");
  await assertError(
    await bob.request("DELETE", `/api/me/tokens/${id}`),
    404,
    "not_found",
  );
  assert.equal((await bearer(t, token, "GET", "/api/bands")).status, 200);
});

Deno.test("touchApiToken() writes the last use at most once a minute", async () => {
  using kv = await Deno.openKv(":memory:");
  const { createApiToken } = await import("../../lib/db/api_tokens.ts");
  const token: ApiToken = {
    id: "a".repeat(64),
    userId: "u",
    name: "n",
    createdAt: 0,
    lastUsedAt: null,
  };
  await createApiToken(kv, token);
  const read = async () => (await getApiToken(kv, token.id))!;
  await touchApiToken(kv, await read(), 1_000);
  assert.equal((await read()).lastUsedAt, 1_000);
  await touchApiToken(kv, await read(), 60_999);
  assert.equal((await read()).lastUsedAt, 1_000);
  await touchApiToken(kv, await read(), 61_000);
  assert.equal((await read()).lastUsedAt, 61_000);
});

Deno.test("refusalForApiToken() allows only reads of the JSON API", () => {
  assert.equal(refusalForApiToken("GET", "/api/bands/x/summaries/daily"), null);
  assert.equal(refusalForApiToken("HEAD", "/api/bands/x/export"), null);
  for (
    const [method, path] of [
      ["POST", "/api/bands"],
      ["OPTIONS", "/api/bands"],
      ["GET", "/api/bands/x/key"],
      ["GET", "/api/bands/x/%6bey"],
      ["GET", "/api//bands/x/key/"],
      ["GET", "/history"],
      ["GET", "/api/me/tokens/abc"],
      ["GET", "/api/passkeys"],
    ]
  ) {
    assert.notEqual(
      refusalForApiToken(method, path),
      null,
      `${method} ${path}`,
    );
  }
});
