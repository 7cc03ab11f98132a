// The documented deployment, for real: Caddy with docs/Caddyfile terminates TLS
// (`tls internal`) on a loopback port and forwards to the app process.
// `deno task test` installs caddy (tools/ensure_browser.ts); without it this
// test fails and says so rather than passing silently.
import assert from "node:assert/strict";
import { ROOT } from "../support/test_app.ts";
import { startServerProcess } from "./server_process.ts";

function findCaddy(): string {
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    try {
      if (Deno.statSync(`${dir}/caddy`).isFile) return `${dir}/caddy`;
    } catch {
      // not in this folder
    }
  }
  throw new Error(
    "Cannot run the Caddy deployment test: caddy is not installed (run `deno task test`, which installs it on Debian, or apt-get install caddy)",
  );
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>) {
  for (let i = 0; i < 200; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Cannot start Caddy: ${what} did not appear`);
}

Deno.test("[deploy] behind Caddy: https origin, Secure cookies, HSTS, and X-Forwarded-For cannot move the rate limit", async () => {
  const caddy = findCaddy();
  const home = await Deno.makeTempDir({ prefix: "band-web-caddy-" });
  const httpsPort = freePort();
  const site = `https://localhost:${httpsPort}`;
  const app = await startServerProcess({
    TRUST_PROXY: "true",
    PUBLIC_URL: site,
  });
  const proxy = new Deno.Command(caddy, {
    args: [
      "run",
      "--config",
      `${ROOT}/docs/Caddyfile`,
      "--adapter",
      "caddyfile",
    ],
    env: {
      HOME: home,
      XDG_DATA_HOME: `${home}/data`,
      XDG_CONFIG_HOME: `${home}/config`,
      BAND_WEB_SITE: `localhost:${httpsPort}`,
      BAND_WEB_UPSTREAM: `127.0.0.1:${app.port}`,
      BAND_WEB_HTTP_PORT: String(freePort()),
      BAND_WEB_CADDY_ADMIN: "off",
    },
    stdout: "null",
    stderr: "null",
  }).spawn();
  let client: Deno.HttpClient | undefined;
  try {
    const rootCert = await waitFor(
      "its local CA",
      async () =>
        await Deno.readTextFile(
          `${home}/data/caddy/pki/authorities/local/root.crt`,
        ),
    );
    client = Deno.createHttpClient({ caCerts: [rootCert] });
    const send = (path: string, init: RequestInit = {}) =>
      fetch(`${site}${path}`, { ...init, client } as RequestInit);
    const first = await waitFor("the https site", async () => {
      const res = await send("/api/setup");
      return res.status === 200 ? res : undefined;
    });
    assert.equal(first.headers.get("content-type"), "application/json");
    assert.deepEqual(await first.json(), { needsSetup: true });
    assert.equal(
      first.headers.get("strict-transport-security"),
      "max-age=31536000",
    );

    const owner = JSON.stringify({
      username: "owner",
      password: "correct horse battery",
    });
    const json = { "Content-Type": "application/json" };
    // The route sees https://localhost:<port>: an http Origin is another site.
    const wrongOrigin = await send("/api/setup", {
      method: "POST",
      headers: { ...json, Origin: `http://localhost:${httpsPort}` },
      body: owner,
    });
    assert.equal(wrongOrigin.status, 403);
    assert.match((await wrongOrigin.json()).error.message, /another site/);
    const setup = await send("/api/setup", {
      method: "POST",
      headers: { ...json, Origin: site },
      body: owner,
    });
    assert.equal(setup.status, 201);
    await setup.body?.cancel();
    assert.match(
      setup.headers.get("set-cookie") ?? "",
      /^band_session=[\w-]{43};.*; Secure(;|$)/,
    );

    // Failed sign-ins for ever new usernames, each claiming another address:
    // the per-address budget still runs out, because the address is Caddy's view.
    let limitedAt = 0;
    for (let i = 1; i <= 100 && limitedAt === 0; i++) {
      const res = await send("/api/session", {
        method: "POST",
        headers: {
          ...json,
          Origin: site,
          "X-Forwarded-For": `203.0.113.${i}`,
          "X-Real-IP": `198.51.100.${i}`,
        },
        body: JSON.stringify({
          username: `nobody${i}`,
          password: "wrong password!",
        }),
      });
      await res.body?.cancel();
      if (res.status === 429) limitedAt = i;
      else assert.equal(res.status, 401);
    }
    assert.ok(limitedAt > 1, "the per-address limit applies through Caddy");
    const spoofed = await send("/api/session", {
      method: "POST",
      headers: { ...json, Origin: site, "X-Forwarded-For": "192.0.2.77" },
      body: JSON.stringify({ username: "owner", password: "wrong password!" }),
    });
    assert.equal(spoofed.status, 429);
    await spoofed.body?.cancel();
  } finally {
    client?.close();
    proxy.kill("SIGTERM");
    await proxy.status;
    await app.stop();
    await Deno.remove(home, { recursive: true });
  }
});
