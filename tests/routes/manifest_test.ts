import assert from "node:assert/strict";
import { createTestApp } from "../support/test_app.ts";
import {
  Agent,
  type ApiTestApp,
  signUpMember,
  signUpOwner,
  TEST_AUTH_KEY,
} from "../api/harness.ts";
import {
  MANIFEST_CONTENT_TYPE,
  MANIFEST_PATH,
} from "../../lib/pwa/manifest.ts";

// A clock that ticks a second per read, so bands are created in a known order.
async function manifestApp(): Promise<ApiTestApp> {
  let now = Date.UTC(2026, 0, 15, 12, 0);
  const t = await createTestApp({ now: () => now += 1000 });
  return {
    app: t.app,
    kv: t.kv,
    agent: () => new Agent(t.app),
    [Symbol.dispose]: () => t.close(),
  };
}

async function addNamedBand(
  agent: Agent,
  name: string,
  index: number,
): Promise<string> {
  const mac = `C8:0F:10:AA:BB:${index.toString(16).padStart(2, "0")}`;
  const res = await agent.request("POST", "/api/bands", {
    json: { name, mac, authKey: TEST_AUTH_KEY },
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).band.id;
}

interface Shortcut {
  name: string;
  url: string;
}

async function fetchManifest(
  t: ApiTestApp,
  agent?: Agent,
): Promise<{ response: Response; text: string; shortcuts: Shortcut[] }> {
  const response = await t.app.request(`http://localhost${MANIFEST_PATH}`, {
    headers: agent?.cookie ? { Cookie: agent.cookie } : {},
  });
  const text = await response.text();
  return { response, text, shortcuts: JSON.parse(text).shortcuts };
}

Deno.test("[route] GET /manifest.webmanifest signed out is the generic manifest, private and typed", async () => {
  using t = await manifestApp();
  const owner = await signUpOwner(t);
  await addNamedBand(owner, "Blue band", 1);
  const { response, shortcuts } = await fetchManifest(t);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("Content-Type"), MANIFEST_CONTENT_TYPE);
  assert.equal(response.headers.get("Cache-Control"), "private, no-store");
  assert.match(response.headers.get("Vary") ?? "", /Cookie/);
  assert.deepEqual(shortcuts.map((s) => s.url), ["/", "/devices/new"]);
});

Deno.test("[route] GET /manifest.webmanifest signed in lists the person's own bands, never another's", async () => {
  using t = await manifestApp();
  const owner = await signUpOwner(t);
  const member = await signUpMember(t, owner);
  const blue = await addNamedBand(owner, "Blue band", 1);
  const red = await addNamedBand(owner, "Red band", 2);
  const other = await addNamedBand(member, "Member's band", 3);

  const mine = await fetchManifest(t, owner);
  assert.equal(mine.response.status, 200);
  assert.equal(mine.response.headers.get("Cache-Control"), "private, no-store");
  assert.deepEqual(mine.shortcuts.map((s) => [s.name, s.url]), [
    ["Blue band", `/devices/${blue}`],
    ["Red band", `/devices/${red}`],
    ["Your bands", "/"],
    ["Add a band", "/devices/new"],
  ]);
  assert.ok(!mine.text.includes(other));
  assert.ok(!mine.text.includes("Member's band"));

  const theirs = await fetchManifest(t, member);
  assert.deepEqual(theirs.shortcuts.map((s) => s.url), [
    `/devices/${other}`,
    "/",
    "/devices/new",
  ]);
  assert.ok(!theirs.text.includes(blue) && !theirs.text.includes(red));
});

Deno.test("[route] GET /manifest.webmanifest keeps a name with quotes and markup as JSON text", async () => {
  using t = await manifestApp();
  const owner = await signUpOwner(t);
  const name = `"Ada's" </script><b onclick=x>&amp;`;
  const id = await addNamedBand(owner, name, 1);
  const { text, shortcuts } = await fetchManifest(t, owner);
  assert.deepEqual([shortcuts[0].name, shortcuts[0].url], [
    name,
    `/devices/${id}`,
  ]);
  assert.ok(text.includes(String.raw`"\"Ada's\" </script>`));
});

Deno.test("[route] GET /manifest.webmanifest lists the first 8 of 10 bands, then the generic shortcuts", async () => {
  using t = await manifestApp();
  const owner = await signUpOwner(t);
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    ids.push(await addNamedBand(owner, `Band ${i}`, i));
  }
  const { shortcuts } = await fetchManifest(t, owner);
  assert.deepEqual(shortcuts.map((s) => s.url), [
    ...ids.slice(0, 8).map((id) => `/devices/${id}`),
    "/",
    "/devices/new",
  ]);
});

Deno.test("[page] the manifest link sends cookies, so the manifest can list bands", async () => {
  using t = await manifestApp();
  const owner = await signUpOwner(t);
  const res = await owner.request("GET", "/", {
    headers: { Accept: "text/html" },
  });
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(
    html,
    /<link rel="manifest" href="\/manifest\.webmanifest" crossorigin="use-credentials"\/?>/,
  );
});
