import assert from "node:assert/strict";
import { createAuthTestApp, PASSWORD, signUp } from "./_app.ts";
import { passwordGate } from "../../lib/auth/hash_gate.ts";
import { recordSigninFailure } from "../../lib/auth/rate_limit.ts";

function postForm(
  t: Awaited<ReturnType<typeof createAuthTestApp>>,
  path: string,
  fields: Record<string, string>,
  cookie?: string,
) {
  return t.app.request(`http://localhost${path}`, {
    method: "POST",
    headers: {
      Origin: "http://localhost",
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "text/html",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

const ACCOUNT = {
  username: "eve",
  password: "eve's long password",
  timeZone: "UTC",
};

Deno.test("[page] POST /setup after setup and POST /invite/<unknown> refuse without hashing", async () => {
  using t = await createAuthTestApp();
  await signUp(t, "ada");
  const hashes = passwordGate.started;
  const setup = await postForm(t, "/setup", ACCOUNT);
  assert.equal(setup.status, 303);
  assert.equal(setup.headers.get("Location"), "/signin");
  const invite = await postForm(t, `/invite/${"x".repeat(43)}`, ACCOUNT);
  assert.equal(invite.status, 404);
  assert.match(await invite.text(), /Invitation not valid/);
  assert.equal(passwordGate.started, hashes);
});

Deno.test("[page] POST /signin from a known browser works while its address is throttled; a stranger waits", async () => {
  using t = await createAuthTestApp();
  const setup = await t.agent().request("POST", "/api/setup", {
    json: { username: "ada", password: PASSWORD },
  });
  const device =
    setup.headers.getSetCookie().find((c) => c.startsWith("band_device="))!
      .split(";")[0];
  const now = Date.now();
  for (let i = 0; i < 12; i++) {
    await recordSigninFailure(t.kv, {
      username: "ada",
      address: "unknown",
      now,
    });
  }
  const stranger = await postForm(t, "/signin", {
    username: "ada",
    password: PASSWORD,
  });
  assert.equal(stranger.status, 429);
  assert.ok(Number(stranger.headers.get("Retry-After")) > 0);
  assert.match(
    await stranger.text(),
    /Cannot sign in yet: too many failed attempts/,
  );
  const known = await postForm(t, "/signin", {
    username: "ada",
    password: PASSWORD,
  }, device);
  assert.equal(known.status, 303);
  assert.equal(known.headers.get("Location"), "/");
  assert.match(known.headers.getSetCookie()[0], /^band_session=/);
});
