import assert from "node:assert/strict";
import { probeKv } from "../../lib/db/readiness.ts";
import { createTestApp } from "../support/test_app.ts";

Deno.test("[page] GET /healthz answers 200 without a session", async () => {
  const t = await createTestApp();
  try {
    const res = await t.app.request("http://localhost/healthz");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
    assert.equal(res.headers.get("Cache-Control"), "no-store");
    assert.deepEqual(await res.json(), { status: "ok" });
  } finally {
    t.close();
  }
});

Deno.test("[page] GET /readyz answers 200 while KV answers, and 503 once it is closed", async () => {
  const t = await createTestApp();
  const res = await t.app.request("http://localhost/readyz");
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "ok" });
  t.close();
  const down = await t.app.request("http://localhost/readyz");
  assert.equal(down.status, 503);
  assert.deepEqual(await down.json(), { status: "unavailable" });
});

Deno.test("probeKv() gives up after its timeout when KV hangs", async () => {
  using kv = await Deno.openKv(":memory:");
  const hanging = new Proxy(kv, {
    get(target, prop) {
      if (prop === "set") return () => new Promise(() => {});
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  assert.equal(await probeKv(hanging, { now: 1, timeoutMs: 20 }), false);
  assert.equal(await probeKv(kv, { now: 1, timeoutMs: 1000 }), true);
});
