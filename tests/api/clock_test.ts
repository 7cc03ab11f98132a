// Routes read "now" from the app's injected clock only, so tests can pin it and
// no answer depends on the machine's clock.
import assert from "node:assert/strict";
import { createApiTestApp, signUpOwner } from "./harness.ts";

Deno.test("[api] sessions start and expire on the app's clock, not the machine's", async () => {
  // Far in the past: a session started then has long expired by the machine's clock.
  let now = Date.UTC(2001, 0, 1, 9, 0);
  using t = await createApiTestApp({}, () => now);
  const agent = await signUpOwner(t, "ada");
  assert.equal((await agent.request("GET", "/api/me")).status, 200);
  now += 31 * 86_400_000;
  assert.equal((await agent.request("GET", "/api/me")).status, 401);
});

Deno.test("routes never read the machine's clock themselves", async () => {
  const root = new URL("../../routes/", import.meta.url);
  const offenders: string[] = [];
  const walk = async (dir: URL) => {
    for await (const entry of Deno.readDir(dir)) {
      const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), dir);
      if (entry.isDirectory) await walk(url);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = await Deno.readTextFile(url);
        if (/Date\.now\b|new Date\(\)|performance\.now\b/.test(source)) {
          offenders.push(url.pathname.slice(root.pathname.length));
        }
      }
    }
  };
  await walk(root);
  assert.deepEqual(offenders, [], "use ctx.state.now() instead");
});
