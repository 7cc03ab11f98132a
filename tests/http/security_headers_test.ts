import assert from "node:assert/strict";
import { createTestApp } from "../support/test_app.ts";

function assertSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self'(;|$)/, `${what}: script-src`);
  assert.equal(
    csp.includes("unsafe-inline"),
    false,
    `${what}: no unsafe-inline`,
  );
  assert.equal(csp.includes("unsafe-eval"), false, `${what}: no unsafe-eval`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: frame-ancestors`);
  assert.equal(
    res.headers.get("x-content-type-options"),
    "nosniff",
    `${what}: nosniff`,
  );
  assert.equal(
    res.headers.get("referrer-policy"),
    "same-origin",
    `${what}: referrer`,
  );
  assert.match(
    res.headers.get("permissions-policy") ?? "",
    /bluetooth=\(self\)/,
    `${what}: bluetooth`,
  );
}

Deno.test("[http] pages, API errors, static files and builds carry the security headers", async () => {
  const { app, close } = await createTestApp();
  try {
    const home = await app.request("/setup");
    assert.equal(home.status, 200);
    const html = await home.text();
    assertSecurityHeaders(home, "page");
    const api = await app.request("/api/does-not-exist");
    assert.equal(api.status, 404);
    await api.body?.cancel();
    assertSecurityHeaders(api, "api");
    const css = await app.request("/styles.css");
    assert.equal(css.status, 200);
    assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
    await css.body?.cancel();
    assertSecurityHeaders(css, "static");
    const entry = /<script type="module" src="(\/build\/page-[^"]+\.js)"/.exec(
      html,
    )?.[1];
    assert.ok(entry, "the setup page loads the islands entry");
    const js = await app.request(entry);
    assert.equal(js.status, 200);
    assert.equal(
      js.headers.get("cache-control"),
      "public, max-age=31536000, immutable",
    );
    await js.body?.cancel();
    assertSecurityHeaders(js, "build");
  } finally {
    close();
  }
});

Deno.test("[http] no page loads anything from another origin", async () => {
  const { app, close } = await createTestApp();
  try {
    const html = await (await app.request("/setup")).text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(urls.length > 3);
    for (const url of urls) {
      assert.match(url, /^(\/|#)/, `${url} must be same-origin`);
    }
  } finally {
    close();
  }
});

Deno.test("[http] static paths cannot escape the static folder", async () => {
  const { app, close } = await createTestApp();
  try {
    const res = await app.request("/..%2Fdeno.json");
    assert.equal(res.status, 404);
    await res.body?.cancel();
  } finally {
    close();
  }
});
