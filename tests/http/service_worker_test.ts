import assert from "node:assert/strict";
import { createTestApp } from "../support/test_app.ts";
import { stopBuilder } from "../../lib/http/build_islands.ts";

Deno.test({
  name:
    "GET /sw.js serves the worker for the root scope, uncached, under the CSP",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const { app, close } = await createTestApp();
    try {
      const response = await app.request("http://localhost/sw.js");
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("Service-Worker-Allowed"), "/");
      assert.equal(response.headers.get("Cache-Control"), "no-cache");
      assert.equal(
        response.headers.get("Content-Type"),
        "text/javascript; charset=utf-8",
      );
      assert.match(
        response.headers.get("Content-Security-Policy") ?? "",
        /script-src 'self'/,
      );
      assert.match(await response.text(), /^\/\/ version [0-9a-f]{16}\n/);
      const post = await app.request("http://localhost/sw.js", {
        method: "POST",
      });
      assert.notEqual(post.status, 200);
      await post.body?.cancel();
    } finally {
      close();
      await stopBuilder();
    }
  },
});
