import assert from "node:assert/strict";
import { createAuthTestApp, signUp } from "./_app.ts";
import {
  storeChallenge,
  takeChallenge,
} from "../../lib/db/webauthn_challenges.ts";
import { readSignedChallenge } from "../../lib/auth/passkeys.ts";
import { spendBudget } from "../../lib/auth/address_budget.ts";
import { recordSigninFailure } from "../../lib/auth/rate_limit.ts";
import { createPasskey } from "../../lib/db/passkeys.ts";

function clientData(challenge: string, type = "webauthn.get") {
  return btoa(JSON.stringify({
    type,
    challenge,
    origin: "http://localhost",
  })).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fakeAssertion(challenge: string) {
  return {
    id: "AAAA",
    rawId: "AAAA",
    type: "public-key",
    response: {
      clientDataJSON: clientData(challenge),
      authenticatorData: "AAAA",
      signature: "AAAA",
    },
    clientExtensionResults: {},
  };
}

Deno.test("takeChallenge() hands a challenge out once, and never after it expires", async () => {
  using kv = await Deno.openKv(":memory:");
  await storeChallenge(kv, "c1", { purpose: "signin", expiresAt: 5_000 }, 0);
  assert.deepEqual(await takeChallenge(kv, "c1", 1_000), {
    purpose: "signin",
    expiresAt: 5_000,
  });
  assert.equal(await takeChallenge(kv, "c1", 1_000), null);
  await storeChallenge(kv, "c2", { purpose: "signin", expiresAt: 5_000 }, 0);
  assert.equal(await takeChallenge(kv, "c2", 5_000), null);
  assert.equal(await takeChallenge(kv, "c2", 1_000), null, "gone once tried");
});

Deno.test("readSignedChallenge() reads clientDataJSON and refuses junk", () => {
  const ok = fakeAssertion("abc-_123");
  assert.equal(readSignedChallenge(ok as never), "abc-_123");
  for (const junk of ["", "%%%", "e30", "x".repeat(5000)]) {
    assert.equal(
      readSignedChallenge(
        { ...ok, response: { clientDataJSON: junk } } as never,
      ),
      null,
    );
  }
});

Deno.test("[api] POST /api/passkeys/signin/options gives a fresh challenge for this origin, stored until used once", async () => {
  using t = await createAuthTestApp();
  await signUp(t, "ada");
  const res = await t.agent().request("POST", "/api/passkeys/signin/options");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("Cache-Control"), "no-store");
  const options = await res.json();
  assert.equal(options.rpId, "localhost");
  assert.match(options.challenge, /^[\w-]{32,}$/);
  const other = await (await t.agent().request(
    "POST",
    "/api/passkeys/signin/options",
  )).json();
  assert.notEqual(other.challenge, options.challenge);
  // A forged answer spends the challenge: the same challenge cannot be tried twice.
  const first = await t.agent().request("POST", "/api/passkeys/signin", {
    json: { response: fakeAssertion(options.challenge) },
  });
  assert.equal(first.status, 401);
  assert.equal(
    (await first.json()).error.message,
    "Cannot sign in with this passkey: it is unknown here or did not verify",
  );
  assert.equal(await takeChallenge(t.kv, options.challenge, Date.now()), null);
});

Deno.test("[api] POST /api/passkeys/signin answers 400 for a malformed body and 401 for an unknown challenge", async () => {
  using t = await createAuthTestApp();
  await signUp(t, "ada");
  const bad = await t.agent().request("POST", "/api/passkeys/signin", {
    json: { response: { id: 5 } },
  });
  assert.equal(bad.status, 400);
  const unknown = await t.agent().request("POST", "/api/passkeys/signin", {
    json: { response: fakeAssertion("never-issued") },
  });
  assert.equal(unknown.status, 401);
});

Deno.test("[api] passkey registration needs a session: options and registration answer 401 without one", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  assert.equal(
    (await t.agent().request("POST", "/api/passkeys/options")).status,
    401,
  );
  assert.equal((await t.agent().request("GET", "/api/passkeys")).status, 401);
  const res = await ada.request("POST", "/api/passkeys/options");
  assert.equal(res.status, 200);
  const options = await res.json();
  assert.equal(options.rp.id, "localhost");
  assert.equal(options.user.name, "ada");
  assert.equal(options.authenticatorSelection.residentKey, "required");
  // A sign-in challenge cannot complete a registration.
  const signinOptions = await (await t.agent().request(
    "POST",
    "/api/passkeys/signin/options",
  )).json();
  const wrongPurpose = await ada.request("POST", "/api/passkeys", {
    json: {
      name: "Laptop",
      response: {
        ...fakeAssertion(signinOptions.challenge),
        response: {
          clientDataJSON: clientData(
            signinOptions.challenge,
            "webauthn.create",
          ),
          attestationObject: "AAAA",
        },
      },
    },
  });
  assert.equal(wrongPurpose.status, 400);
  assert.deepEqual(
    (await (await ada.request("GET", "/api/passkeys")).json()).passkeys,
    [],
  );
});

Deno.test("[api] anonymous passkey requests spend a per-address budget; a known browser is exempt", async () => {
  using t = await createAuthTestApp();
  const owner = t.agent();
  const setup = await owner.request("POST", "/api/setup", {
    json: { username: "ada", password: "correct horse battery" },
  });
  const device =
    setup.headers.getSetCookie().find((c) => c.startsWith("band_device="))!
      .split(";")[0];
  const now = Date.now();
  for (let i = 0; i < 60; i++) {
    await spendBudget(t.kv, "passkey", "unknown", now);
  }
  const refused = await t.agent().request(
    "POST",
    "/api/passkeys/signin/options",
  );
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get("Retry-After")) > 0);
  const known = await t.agent().request(
    "POST",
    "/api/passkeys/signin/options",
    {
      headers: { Cookie: device },
    },
  );
  assert.equal(known.status, 200);
});

Deno.test("[api] password throttling never touches passkey sign-in", async () => {
  using t = await createAuthTestApp();
  await signUp(t, "ada");
  const now = Date.now();
  for (let i = 0; i < 80; i++) {
    await recordSigninFailure(t.kv, {
      username: i % 2 ? "ada" : `guess${i}`,
      address: "unknown",
      now,
    });
  }
  const password = await t.agent().request("POST", "/api/session", {
    json: { username: "ada", password: "correct horse battery" },
  });
  assert.equal(password.status, 429);
  const passkey = await t.agent().request(
    "POST",
    "/api/passkeys/signin/options",
  );
  assert.equal(passkey.status, 200);
});

function seedPasskey(userId: string, id: string, createdAt: number) {
  return {
    id,
    userId,
    name: `key ${id}`,
    publicKey: new Uint8Array([1, 2, 3]),
    counter: 0,
    backedUp: false,
    createdAt,
    lastUsedAt: null,
  };
}

Deno.test("[api] several passkeys are listed oldest first; only their owner renames or removes them", async () => {
  using t = await createAuthTestApp();
  const ada = await signUp(t, "ada");
  const bob = await signUp(t, "bob", ada);
  const adaId = (await (await ada.request("GET", "/api/me")).json()).user.id;
  assert.equal(
    await createPasskey(t.kv, seedPasskey(adaId, "k2", 2_000)),
    true,
  );
  assert.equal(
    await createPasskey(t.kv, seedPasskey(adaId, "k1", 1_000)),
    true,
  );
  assert.equal(
    await createPasskey(t.kv, seedPasskey(adaId, "k1", 3_000)),
    false,
    "a credential id is registered once",
  );
  const list = await (await ada.request("GET", "/api/passkeys")).json();
  assert.deepEqual(list.passkeys, [
    { id: "k1", name: "key k1", createdAt: 1_000, lastUsedAt: null },
    { id: "k2", name: "key k2", createdAt: 2_000, lastUsedAt: null },
  ]);
  assert.equal(JSON.stringify(list).includes("publicKey"), false);
  assert.equal(
    (await bob.request("PATCH", "/api/passkeys/k1", { json: { name: "mine" } }))
      .status,
    404,
  );
  assert.equal((await bob.request("DELETE", "/api/passkeys/k1")).status, 404);
  const renamed = await ada.request("PATCH", "/api/passkeys/k1", {
    json: { name: "  Phone  " },
  });
  assert.equal(renamed.status, 200);
  assert.equal((await renamed.json()).name, "Phone");
  assert.equal(
    (await ada.request("PATCH", "/api/passkeys/k1", { json: { name: "" } }))
      .status,
    400,
  );
  assert.equal((await ada.request("DELETE", "/api/passkeys/k2")).status, 204);
  assert.deepEqual(
    (await (await ada.request("GET", "/api/passkeys")).json()).passkeys.map((
      p: { name: string },
    ) => p.name),
    ["Phone"],
  );
});
