import assert from "node:assert/strict";
import { hashPassword, verifyPassword } from "../../lib/auth/password.ts";

const FAST = { N: 1024, r: 8, p: 1 };

Deno.test("hashPassword() is deterministic for a fixed salt and encodes its parameters", async () => {
  const salt = new Uint8Array(16).fill(7);
  const a = await hashPassword("correct horse", { salt, params: FAST });
  const b = await hashPassword("correct horse", { salt, params: FAST });
  assert.equal(a, b);
  assert.match(
    a,
    /^scrypt\$1024\$8\$1\$BwcHBwcHBwcHBwcHBwcHBw==\$[A-Za-z0-9+/]{43}=$/,
  );
});

Deno.test("hashPassword() salts each hash differently", async () => {
  const a = await hashPassword("correct horse", { params: FAST });
  const b = await hashPassword("correct horse", { params: FAST });
  assert.notEqual(a, b);
});

Deno.test("verifyPassword() accepts the right password and rejects others", async () => {
  const stored = await hashPassword("correct horse", { params: FAST });
  assert.equal(await verifyPassword("correct horse", stored), true);
  assert.equal(await verifyPassword("correct horsf", stored), false);
  assert.equal(await verifyPassword("", stored), false);
});

Deno.test("verifyPassword() rejects a malformed stored hash", async () => {
  assert.equal(await verifyPassword("x", "plain-text"), false);
  assert.equal(await verifyPassword("x", "scrypt$1024$8$1$!!$!!"), false);
});
