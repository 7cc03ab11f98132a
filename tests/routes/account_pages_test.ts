import assert from "node:assert/strict";
import { createTestApp } from "../support/test_app.ts";
import { signIn } from "../support/signed_in.ts";

const html = { headers: { accept: "text/html" } };

Deno.test("[page] a fresh server's setup form asks for a new account with a 10-character password", async () => {
  const { app, close } = await createTestApp();
  try {
    const res = await app.request("/setup", html);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(
      body,
      /<input type="text" name="username" required autocomplete="username" value\/>/,
    );
    assert.match(
      body,
      /name="password" type="password" required minlength="10" autocomplete="new-password"/,
    );
    assert.match(body, /At least 10 characters/);
    assert.match(body, /data-island="TimeZoneInput"/);
  } finally {
    close();
  }
});

Deno.test("[page] once an owner exists, setup sends to sign-in, whose form asks for the current password", async () => {
  const { app, kv, close } = await createTestApp();
  try {
    await signIn(kv, "http://localhost");
    const setup = await app.request("/setup", html);
    assert.equal(setup.status, 303);
    assert.equal(setup.headers.get("location"), "/signin");
    const res = await app.request("/signin", html);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /autocomplete="current-password"/);
    assert.equal(body.includes("new-password"), false);
    // The password form needs no script; the only island is the passkey button.
    assert.match(body, /<form method="post">/);
    assert.deepEqual(
      [...body.matchAll(/data-island="(\w+)"/g)].map((m) => m[1]),
      ["PasskeySignIn"],
    );
  } finally {
    close();
  }
});
