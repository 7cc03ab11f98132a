import assert from "node:assert/strict";
import {
  insertOfflineBanner,
  isApiPath,
  isSavedPage,
  isSignedOutPage,
  listStaleCaches,
  nameCaches,
  renderOfflineBanner,
} from "../../lib/pwa/sw_policy.ts";

Deno.test("isSavedPage() saves home, band pages and history, nothing else", () => {
  for (const path of ["/", "/devices/abc", "/devices/abc/history"]) {
    assert.equal(isSavedPage(path), true, path);
  }
  for (
    const path of [
      "/devices/new",
      "/account",
      "/signin",
      "/setup",
      "/invite/xyz",
      "/api/bands",
      "/devices/abc/history/extra",
      "/sw.js",
    ]
  ) {
    assert.equal(isSavedPage(path), false, path);
  }
});

Deno.test("isApiPath() covers the whole API and only it", () => {
  assert.equal(isApiPath("/api"), true);
  assert.equal(isApiPath("/api/bands/1/today"), true);
  assert.equal(isApiPath("/apiary"), false);
  assert.equal(isApiPath("/"), false);
});

Deno.test("isSignedOutPage() knows the pages a signed-out person lands on", () => {
  assert.equal(isSignedOutPage("/signin"), true);
  assert.equal(isSignedOutPage("/setup"), true);
  assert.equal(isSignedOutPage("/"), false);
});

Deno.test("listStaleCaches() removes our other versions, keeps this one and caches not ours", () => {
  const now = nameCaches("v2");
  assert.deepEqual(
    listStaleCaches([
      "band-web-shell-v1",
      "band-web-pages-v1",
      now.shell,
      now.pages,
      "someone-else",
    ], "v2"),
    ["band-web-shell-v1", "band-web-pages-v1"],
  );
});

Deno.test("renderOfflineBanner() says when the copy was saved, escaped", () => {
  const savedAt = Date.UTC(2026, 0, 15, 12, 0);
  const banner = renderOfflineBanner(savedAt, () => "15 Jan <12:00>");
  assert.equal(
    banner,
    '<p class="notice notice-warn offline-banner" role="status" id="offline-banner">Offline: saved copy from <time datetime="2026-01-15T12:00:00.000Z">15 Jan &#60;12:00&#62;</time></p>',
  );
});

Deno.test("insertOfflineBanner() puts the banner first in main, else in body", () => {
  assert.equal(
    insertOfflineBanner('<body><main id="main" class="page"><h1>A</h1>', "B"),
    '<body><main id="main" class="page">B<h1>A</h1>',
  );
  assert.equal(
    insertOfflineBanner("<body class=x><h1>A</h1>", "B"),
    "<body class=x>B<h1>A</h1>",
  );
  assert.equal(insertOfflineBanner("<h1>A</h1>", "B"), "B<h1>A</h1>");
});
