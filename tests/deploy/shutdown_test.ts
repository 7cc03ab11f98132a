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
      const body = (start: number) =>
        JSON.stringify({ batches: [{ start, utcOffsetMinutes: 0, data }] });
      const upload = async (start: number, init: RequestInit) => {
        try {
          const res = await fetch(`${origin}/api/bands/${bandId}/samples`, {
            method: "POST",
            headers,
            ...init,
          });
          await res.body?.cancel();
          return { start, status: res.status, at: performance.now() };
        } catch {
          // Refused or cut off: not answered.
          return { start, status: 0, at: performance.now() };
        }
      };

      // One upload is held in flight on purpose: its headers and half its
      // body reach the server before the signal, the rest after it.
      const heldStart = FIRST_DAY - DAY_MS;
      const heldBody = new TextEncoder().encode(body(heldStart));
      let sendRest!: () => void;
      const held = upload(heldStart, {
        body: new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(heldBody.slice(0, 1000));
            await new Promise<void>((r) => sendRest = r);
            controller.enqueue(heldBody.slice(1000));
            controller.close();
          },
        }),
        // @ts-ignore: a streamed body needs `duplex`, not yet in Deno's RequestInit
        duplex: "half",
      });
      const uploads = Array.from(
        { length: UPLOADS },
        (_, i) =>
          upload(FIRST_DAY + i * DAY_MS, {
            body: body(FIRST_DAY + i * DAY_MS),
          }),
      );
      // Let the held request's head and first bytes arrive, and a first upload end.
      await Promise.race(uploads);
      await new Promise((r) => setTimeout(r, 1000));
      const signalledAt = performance.now();
      server.signal("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      sendRest();
      const results = [await held, ...await Promise.all(uploads)];
      const code = await server.exitCode();
      assert.equal(code, 0, server.output.join("\n"));
      assert.ok(
        server.output.some((l) => l.includes("SIGTERM: finishing requests")),
      );
      // The upload in flight at the signal was let finish, not cut off.
      assert.equal(results[0].status, 200, "the held upload was cut off");
      assert.ok(results[0].at > signalledAt);
      const answered = results.filter((r) => r.status === 200);
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
        `${answered.length} of ${
          UPLOADS + 1
        } uploads answered before the server stopped; all stored`,
      );
    } finally {
      await server.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
