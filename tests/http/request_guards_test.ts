// The checks every request passes before its route: CSRF on the router's path,
// allowed hosts, private caching, long URLs, HSTS and the client's address.
import assert from "node:assert/strict";
import { createApp, type Manifest } from "../../lib/http/app.ts";
import { loadConfig } from "../../fresh.config.ts";
import { createTestApp } from "../support/test_app.ts";
import { signIn } from "../support/signed_in.ts";

const JSON_HEADERS = { "Content-Type": "application/json" };
const OWNER = { username: "owner", password: "correct horse battery" };

Deno.test("[api] POST /%61pi/bands without X-CSRF-Token is refused like /api/bands", async () => {
  const { app, kv, close } = await createTestApp();
  try {
    const me = await signIn(kv, "http://localhost");
    const res = await app.request("http://localhost/%61pi/bands", {
      method: "POST",
      headers: {
        ...JSON_HEADERS,
        Origin: "http://localhost",
        Cookie: me.cookieHeader,
      },
      body: JSON.stringify({
        name: "Band",
        mac: "AA:BB:CC:DD:EE:FF",
        authKey: "00112233445566778899aabbccddeeff",
      }),
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get("content-type"), "application/json");
    assert.match((await res.json()).error.message, /X-CSRF-Token/);
  } finally {
    close();
  }
});

Deno.test("[api] setup for a foreign Host is refused, GET and POST (DNS rebinding)", async () => {
  const { app, close } = await createTestApp();
  try {
    const post = await app.request("http://evil.example:8000/api/setup", {
      method: "POST",
      headers: { ...JSON_HEADERS, Origin: "http://evil.example:8000" },
      body: JSON.stringify(OWNER),
    });
    assert.equal(post.status, 403);
    assert.equal(post.headers.get("content-type"), "application/json");
    const body = await post.json();
    assert.equal(body.error.code, "unknown_host");
    assert.equal(
      body.error.message,
      "Cannot accept request: this server does not answer as evil.example:8000 (set PUBLIC_URL or ALLOWED_HOSTS)",
    );
    const get = await app.request("http://evil.example:8000/setup");
    assert.equal(get.status, 403);
    await get.body?.cancel();
    const other = await app.request("http://evil.example:8000/api/nope");
    assert.equal(other.status, 404, "other reads are not refused");
    await other.body?.cancel();
  } finally {
    close();
  }
});

Deno.test("[api] the loopback names on the configured port, or PUBLIC_URL's host, may set up", async () => {
  for (
    const [env, url] of [
      [{ PORT: "8000" }, "http://localhost:8000/api/setup"],
      [{ PORT: "8000" }, "http://[::1]:8000/api/setup"],
      [
        { PUBLIC_URL: "https://band.example" },
        "https://band.example/api/setup",
      ],
      [{ ALLOWED_HOSTS: "band.lan:8000" }, "http://band.lan:8000/api/setup"],
    ] as const
  ) {
    const { app, close } = await createTestApp({ env });
    try {
      const res = await app.request(url, {
        method: "POST",
        headers: { ...JSON_HEADERS, Origin: new URL(url).origin },
        body: JSON.stringify(OWNER),
      });
      assert.equal(res.status, 201, url);
      await res.body?.cancel();
      const wrongPort = await app.request(
        url.replace(
          /:\d+\/|\.example\//,
          (m) => m.startsWith(":") ? ":9/" : ".example:9/",
        ),
        { method: "POST", headers: JSON_HEADERS, body: "{}" },
      );
      assert.equal(wrongPort.status, 403, `${url} on another port`);
      await wrongPort.body?.cancel();
    } finally {
      close();
    }
  }
});

Deno.test("[http] pages and API answers are private and vary by cookie; built assets stay immutable", async () => {
  const { app, kv, close } = await createTestApp();
  try {
    const me = await signIn(kv, "http://localhost");
    for (
      const path of [
        "/",
        "/account",
        "/devices/new",
        "/api/me",
        "/api/bands",
        "/api/nope",
        "/signin",
      ]
    ) {
      const res = await app.request(path, {
        headers: { Cookie: me.cookieHeader },
      });
      assert.equal(res.headers.get("cache-control"), "private, no-store", path);
      assert.match(res.headers.get("vary") ?? "", /Cookie/, path);
      await res.body?.cancel();
    }
    const css = await app.request("/styles.css");
    assert.notEqual(css.headers.get("cache-control"), "private, no-store");
    await css.body?.cancel();
  } finally {
    close();
  }
});

Deno.test("[http] Strict-Transport-Security only when the app is reached over https", async () => {
  const cases = [
    [{}, null],
    [{ PUBLIC_URL: "http://band.lan:8000" }, null],
    [{ PUBLIC_URL: "https://band.example" }, "max-age=31536000"],
    [{ TLS_CERT_FILE: "c.pem", TLS_KEY_FILE: "k.pem" }, "max-age=31536000"],
  ] as const;
  for (const [env, expected] of cases) {
    const { app, close } = await createTestApp({ env });
    try {
      const res = await app.request("/signin");
      assert.equal(
        res.headers.get("strict-transport-security"),
        expected,
        JSON.stringify(env),
      );
      await res.body?.cancel();
    } finally {
      close();
    }
  }
});

Deno.test("[http] a very long URL answers 414 and the log does not get the path", async () => {
  const { app, close } = await createTestApp();
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(...args);
  try {
    const long = "/api/bands/" + "a".repeat(100_000);
    const res = await app.request(long + "?day=" + "9".repeat(10_000));
    assert.equal(res.status, 414);
    assert.equal(res.headers.get("content-type"), "application/json");
    const body = await res.json();
    assert.equal(body.error.code, "uri_too_long");
    assert.equal(JSON.stringify(body).includes("aaaa"), false);
    assert.equal(logged.join(" ").includes("aaaa"), false);
  } finally {
    console.error = original;
    close();
  }
});

const echo: Manifest = {
  routes: {
    "./routes/who.ts": {
      handler: {
        GET: (ctx) =>
          Response.json({
            address: ctx.state.clientAddress,
            origin: ctx.url.origin,
          }),
      },
    },
  },
  islands: {},
};

async function ask(
  env: Record<string, string>,
  socket: string,
  headers: Record<string, string>,
) {
  const kv = await Deno.openKv(":memory:");
  try {
    const app = createApp({
      config: loadConfig({ KV_PATH: ":memory:", ...env }),
      kv,
      manifest: echo,
    });
    const res = await app.request("http://localhost/who", { headers }, {
      remoteAddr: { hostname: socket },
    });
    return await res.json() as { address: string; origin: string };
  } finally {
    kv.close();
  }
}

Deno.test("[http] behind a trusted proxy, a client's own X-Forwarded-For entry does not move its address", async () => {
  const spoofed = { "X-Forwarded-For": "1.2.3.4, 203.0.113.9" };
  assert.equal(
    (await ask({ TRUST_PROXY: "true" }, "127.0.0.1", spoofed)).address,
    "203.0.113.9",
  );
  assert.equal(
    (await ask(
      {
        TRUST_PROXY: "true",
        TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8",
      },
      "127.0.0.1",
      { "X-Forwarded-For": "1.2.3.4, 203.0.113.9, 10.1.2.3" },
    ))
      .address,
    "203.0.113.9",
  );
  assert.equal(
    (await ask({}, "198.51.100.7", spoofed)).address,
    "198.51.100.7",
    "without TRUST_PROXY the socket decides",
  );
  const direct = await ask({ TRUST_PROXY: "true" }, "198.51.100.7", {
    ...spoofed,
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "evil.example",
  });
  assert.deepEqual(direct, {
    address: "198.51.100.7",
    origin: "http://localhost",
  }, "a peer that is not a trusted proxy cannot forward anything");
});
