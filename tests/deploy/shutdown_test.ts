import assert from "node:assert/strict";
import { sampleDayKey } from "../../lib/db/keys.ts";
import {
  hasMinute,
  isPackedDay,
  MINUTES_PER_DAY,
  toUtcDay,
} from "../../lib/db/sample_day.ts";
import { startServerProcess } from "./server_process.ts";

// A day of minutes per upload, each on its own UTC day, so every answered
// upload can be found in the store afterwards.
const FIRST_DAY = Date.UTC(2026, 0, 1);
const UPLOADS = 24;
const DAY_MS = 86_400_000;

function dayOfMinutes(): string {
  const bytes = new Uint8Array(MINUTES_PER_DAY * 4);
  for (let i = 0; i < MINUTES_PER_DAY; i++) {
    bytes.set([1, 30, i % 40, 72], i * 4);
  }
  return btoa(String.fromCharCode(...bytes));
}

Deno.test({
  name:
    "[server] SIGTERM during uploads: the server stops accepting, every upload it answered is stored, and it exits cleanly",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir();
    const kvPath = `${dir}/band-web.kv`;
    const server = await startServerProcess({
      KV_PATH: kvPath,
      SHUTDOWN_GRACE_SECONDS: "20",
    });
    try {
      const origin = `http://localhost:${server.port}`;
      const setup = await fetch(`${origin}/api/setup`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: origin },
        body: JSON.stringify({
          username: "ada",
          password: "correct horse battery",
          timeZone: "UTC",
        }),
      });
      assert.equal(setup.status, 201);
      const cookie = (setup.headers.get("set-cookie") ?? "").split(";")[0];
      const { csrfToken } = await setup.json();
      const headers = {
        "Content-Type": "application/json",
        Origin: origin,
        Cookie: cookie,
        "X-CSRF-Token": csrfToken,
      };
      const created = await fetch(`${origin}/api/bands`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          name: "Blue band",
          mac: "C8:0F:10:AA:BB:CC",
          authKey: "8f1e2d3c4b5a69788796a5b4c3d2e1f0",
        }),
      });
      assert.equal(created.status, 201);
      const bandId = (await created.json()).band.id as string;

      const data = dayOfMinutes();
      let firstAnswered!: () => void;
      const oneAnswered = new Promise<void>((r) => firstAnswered = r);
      const uploads = Array.from({ length: UPLOADS }, async (_, i) => {
        const start = FIRST_DAY + i * DAY_MS;
        try {
          const res = await fetch(`${origin}/api/bands/${bandId}/samples`, {
            method: "POST",
            headers,
            body: JSON.stringify({
              batches: [{ start, utcOffsetMinutes: 0, data }],
            }),
          });
          await res.body?.cancel();
          if (res.status === 200) firstAnswered();
          return { start, status: res.status, at: performance.now() };
        } catch {
          // Refused or cut off: not answered.
          return { start, status: 0, at: performance.now() };
        }
      });
      await oneAnswered;
      const signalledAt = performance.now();
      server.signal("SIGTERM");
      const results = await Promise.all(uploads);
      const code = await server.exitCode();
      assert.equal(code, 0, server.output.join("\n"));
      assert.ok(
        server.output.some((l) => l.includes("SIGTERM: finishing requests")),
      );
      const answered = results.filter((r) => r.status === 200);
      // Uploads in flight at the signal were let finish, not cut off.
      assert.ok(
        answered.some((r) => r.at > signalledAt),
        "no upload was answered after SIGTERM",
      );
      assert.deepEqual(
        results.filter((r) => r.status !== 200 && r.status !== 0),
        [],
        "an upload answered with an error during shutdown",
      );

      using kv = await Deno.openKv(kvPath);
      for (const { start } of answered) {
        const day = await kv.get(sampleDayKey(bandId, toUtcDay(start)));
        assert.ok(isPackedDay(day.value), `day ${start} was answered 200`);
        for (let i = 0; i < MINUTES_PER_DAY; i++) {
          assert.ok(hasMinute(day.value, i), `minute ${i} of ${start}`);
        }
      }
      console.log(
        `${answered.length} of ${UPLOADS} uploads answered before the server stopped; all stored`,
      );
    } finally {
      await server.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
