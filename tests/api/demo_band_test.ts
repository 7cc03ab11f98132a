import assert from "node:assert/strict";
import { listBands } from "../../lib/db/bands.ts";
import { createTestApp } from "../support/test_app.ts";
import { Agent, type ApiTestApp, signUpOwner } from "./harness.ts";

async function fullApp(): Promise<ApiTestApp> {
  const t = await createTestApp();
  return {
    app: t.app,
    kv: t.kv,
    agent: () => new Agent(t.app),
    [Symbol.dispose]: () => t.close(),
  };
}

Deno.test("[api] trying the virtual band twice opens the same band, not a twin", async () => {
  using t = await fullApp();
  const owner = await signUpOwner(t);
  const first = await owner.request("POST", "/api/demo-band");
  assert.equal(first.status, 201);
  const { band } = await first.json();
  const again = await owner.request("POST", "/api/demo-band");
  assert.equal(again.status, 200);
  assert.equal((await again.json()).band.id, band.id);
  const form = await owner.request("POST", "/devices/new", {
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "text/html",
    },
    body: `kind=virtual&csrf=${encodeURIComponent(owner.csrfToken ?? "")}`,
  });
  assert.equal(form.status, 303);
  assert.equal(form.headers.get("Location"), `/devices/${band.id}`);
  const bands = await listBands(
    t.kv,
    (await (await owner.request(
      "GET",
      "/api/me",
    )).json()).user.id,
  );
  assert.equal(bands.length, 1);
});
