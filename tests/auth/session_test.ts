import assert from "node:assert/strict";
import {
  loadSession,
  readSessionToken,
  SESSION_TTL_MS,
  startSession,
} from "../../lib/auth/session.ts";
import { createUser } from "../../lib/db/users.ts";
import { deleteSessionsOfUser } from "../../lib/db/sessions.ts";

const user = {
  id: "u1",
  username: "ada",
  passwordHash: "x",
  role: "owner" as const,
  timeZone: "UTC",
  createdAt: 0,
};

Deno.test("loadSession() finds a live session and refuses it once expired", async () => {
  using kv = await Deno.openKv(":memory:");
  await createUser(kv, user);
  const { token } = await startSession(kv, "u1", { now: 1000 });
  assert.equal((await loadSession(kv, token, 2000))?.user.username, "ada");
  assert.equal(await loadSession(kv, token, 1000 + SESSION_TTL_MS), null);
  // The expired read deleted it: even an earlier clock no longer finds it.
  assert.equal(await loadSession(kv, token, 2000), null);
});

Deno.test("startSession() stores only the token's hash", async () => {
  using kv = await Deno.openKv(":memory:");
  const { token } = await startSession(kv, "u1", { now: 0 });
  const all = JSON.stringify(await Array.fromAsync(kv.list({ prefix: [] })));
  assert.equal(all.includes(token), false);
});

Deno.test("deleteSessionsOfUser() ends the other sessions and keeps the current one", async () => {
  using kv = await Deno.openKv(":memory:");
  await createUser(kv, user);
  const a = await startSession(kv, "u1", { now: 0 });
  const b = await startSession(kv, "u1", { now: 0 });
  assert.equal(await deleteSessionsOfUser(kv, "u1", a.session.id), 1);
  assert.notEqual(await loadSession(kv, a.token, 1), null);
  assert.equal(await loadSession(kv, b.token, 1), null);
});

Deno.test("readSessionToken() picks the session cookie among others", () => {
  const req = new Request("http://x/", {
    headers: { Cookie: "a=1; band_session=tok=en; b=2" },
  });
  assert.equal(readSessionToken(req), "tok=en");
});
