import assert from "node:assert/strict";
import { createTestApp } from "../support/test_app.ts";
import {
  addBand,
  Agent,
  type ApiTestApp,
  signUpMember,
  signUpOwner,
  TEST_AUTH_KEY,
} from "../api/harness.ts";

async function pageApp(): Promise<ApiTestApp> {
  const t = await createTestApp();
  return {
    app: t.app,
    kv: t.kv,
    agent: () => new Agent(t.app),
    [Symbol.dispose]: () => t.close(),
  };
}

const html = { headers: { Accept: "text/html" } };

Deno.test("[page] GET /devices/:id renders the owner's band without its auth key", async () => {
  using t = await pageApp();
  const owner = await signUpOwner(t);
  const id = await addBand(owner, "C8:0F:10:AA:BB:CC");
  const res = await owner.request("GET", `/devices/${id}`, html);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("Content-Type") ?? "", /text\/html/);
  const body = await res.text();
  assert.match(body, /<h1>Blue band/);
  assert.match(body, /C8:0F:10:AA:BB:CC/);
  assert.match(body, new RegExp(`href="/devices/${id}/history"`));
  const alarmsCard = /<section[^>]*id="alarms"[\s\S]*?<\/section>/.exec(body)
    ?.[0];
  assert.ok(alarmsCard, "the alarms card renders");
  assert.equal(
    alarmsCard.includes("Last saved"),
    false,
    "no alarm saved yet, so no badge",
  );
  for (
    const card of [
      "status",
      "sleep",
      "battery",
      "heart-rate",
      "heart-rate-monitoring",
      "alarms",
      "reminders",
      "idle-alerts",
      "goal",
      "band-time",
      "display",
      "general-settings",
      "band-lock",
      "notifications",
      "incoming-call",
      "music",
      "weather",
      "find",
      "device-info",
    ]
  ) {
    assert.match(body, new RegExp(`id="${card}"`), `card ${card}`);
  }
  assert.equal(body.toLowerCase().includes(TEST_AUTH_KEY), false);
  assert.equal(body.includes("authKey"), false);
});

Deno.test("[page] GET /devices/:id answers 404 for another person's band", async () => {
  using t = await pageApp();
  const owner = await signUpOwner(t);
  const member = await signUpMember(t, owner);
  const id = await addBand(owner);
  const res = await member.request("GET", `/devices/${id}`, html);
  assert.equal(res.status, 404);
  assert.match(res.headers.get("Content-Type") ?? "", /text\/html/);
  const body = await res.text();
  assert.equal(body.includes("Blue band"), false);
  assert.equal(body.includes("C8:0F:10:AA:BB:CC"), false);
});

Deno.test("[page] GET /devices/:id answers 404 for an unknown id and sends a signed-out visitor to sign in and back", async () => {
  using t = await pageApp();
  const owner = await signUpOwner(t);
  const missing = await owner.request(
    "GET",
    "/devices/00000000-0000-4000-8000-000000000000",
    html,
  );
  assert.equal(missing.status, 404);
  await missing.body?.cancel();
  const id = await addBand(owner);
  const stranger = await t.agent().request("GET", `/devices/${id}`, html);
  assert.equal(stranger.status, 303);
  assert.equal(
    stranger.headers.get("Location"),
    `/signin?next=${encodeURIComponent(`/devices/${id}`)}`,
  );
  assert.equal((await stranger.text()).includes("Blue band"), false);
});

Deno.test("[page] GET /devices/:id renders the control groups as tab panels, the first one shown", async () => {
  using t = await pageApp();
  const owner = await signUpOwner(t);
  const id = await addBand(owner);
  const body = await (await owner.request("GET", `/devices/${id}`, html))
    .text();
  const panels = [
    ...body.matchAll(/<section([^>]*)role="tabpanel"([^>]*)>/g),
  ].map((m) => m[0]);
  assert.deepEqual(
    panels.map((p) => /id="([^"]+)"/.exec(p)?.[1]),
    ["alerts", "schedule", "screen", "settings", "device"],
  );
  assert.deepEqual(
    panels.map((p) => p.includes("hidden")),
    [false, true, true, true, true],
  );
  assert.match(body, /role="tablist"/);
});

Deno.test("[page] GET /devices/:id writes numbers and language names in the person's locale", async () => {
  using t = await pageApp();
  const owner = await signUpOwner(t);
  const id = await addBand(owner);
  const german = await (await owner.request("GET", `/devices/${id}`, {
    headers: { Accept: "text/html", "Accept-Language": "de-DE,de;q=0.9" },
  })).text();
  assert.match(german, /<dt>Goal<\/dt><dd>8\.000<\/dd>/);
  const english = await (await owner.request("GET", `/devices/${id}`, {
    headers: { Accept: "text/html", "Accept-Language": "en-US" },
  })).text();
  assert.match(english, /<dt>Goal<\/dt><dd>8,000<\/dd>/);
  assert.match(
    english,
    /<option[^>]*value="en_US"[^>]*>English \(US\)<\/option>/,
  );
  assert.equal(english.includes(">en_US<"), false);
});
