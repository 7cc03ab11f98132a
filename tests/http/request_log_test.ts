import assert from "node:assert/strict";
import { loadConfig } from "../../fresh.config.ts";
import { createApp, type Manifest } from "../../lib/http/app.ts";
import {
  formatLogLine,
  type RequestLogLine,
} from "../../lib/http/request_log.ts";
import ErrorPage from "../../routes/_500.tsx";

const SECRET = "8f1e2d3c4b5a69788796a5b4c3d2e1f0";
const NOW = Date.UTC(2026, 10, 30, 12, 0);

const manifest: Manifest = {
  routes: {
    "./routes/_500.tsx": { default: ErrorPage as never },
    "./routes/devices/[id].ts": {
      handler: {
        GET: (ctx) =>
          Response.json({ id: ctx.params.id, filler: "x".repeat(500) }),
      },
    },
    "./routes/api/broken.ts": {
      handler: {
        GET: () => {
          throw new Error("database on fire");
        },
      },
    },
    "./routes/broken.tsx": {
      handler: {
        GET: () => {
          throw new Error("page on fire");
        },
      },
      default: (() => null) as never,
    },
  },
  islands: {},
};

async function withLoggedApp(
  fn: (app: ReturnType<typeof createApp>, lines: string[]) => Promise<void>,
  format: "json" | "pretty" = "json",
) {
  const kv = await Deno.openKv(":memory:");
  const lines: string[] = [];
  try {
    const app = createApp({
      config: loadConfig({ KV_PATH: ":memory:" }),
      kv,
      manifest,
      now: () => NOW,
      log: { format, write: (line) => lines.push(line) },
    });
    await fn(app, lines);
  } finally {
    kv.close();
  }
}

Deno.test("[http] each request logs one JSON line with its id, route pattern, status, duration and bytes", async () => {
  await withLoggedApp(async (app, lines) => {
    const res = await app.request(
      `/devices/band-${SECRET}?key=${SECRET}`,
      { headers: { Cookie: `session=${SECRET}`, Authorization: SECRET } },
    );
    const body = await res.text();
    assert.equal(res.status, 200);
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0]) as RequestLogLine;
    assert.equal(line.requestId, res.headers.get("X-Request-Id"));
    assert.match(line.requestId, /^[0-9a-f]{16}$/);
    assert.deepEqual(
      { ...line, requestId: "", durationMs: 0 },
      {
        time: new Date(NOW).toISOString(),
        level: "info",
        requestId: "",
        method: "GET",
        route: "/devices/:id",
        status: 200,
        durationMs: 0,
        bytes: new TextEncoder().encode(body).byteLength,
      },
    );
    assert.ok(!lines[0].includes(SECRET), "no path, query, cookie or header");
  });
});

Deno.test("[http] two requests get two different ids, and unknown paths log no raw path", async () => {
  await withLoggedApp(async (app, lines) => {
    const a = await app.request("/devices/one");
    const b = await app.request(`/nowhere/${SECRET}`);
    await a.body?.cancel();
    await b.body?.cancel();
    assert.equal(b.status, 404);
    assert.notEqual(
      a.headers.get("X-Request-Id"),
      b.headers.get("X-Request-Id"),
    );
    assert.equal(lines.length, 2);
    assert.equal(JSON.parse(lines[1]).route, "(not found)");
    assert.ok(!lines[1].includes(SECRET));
  });
});

Deno.test("[http] an unhandled error is logged with its request id and stack; the person gets only the id", async () => {
  await withLoggedApp(async (app, lines) => {
    const res = await app.request("/api/broken");
    assert.equal(res.status, 500);
    const body = await res.json();
    const id = res.headers.get("X-Request-Id");
    assert.equal(body.error.requestId, id);
    assert.doesNotMatch(JSON.stringify(body), /on fire|at /);
    const error = lines.map((l) => JSON.parse(l)).find((l) =>
      l.level === "error"
    );
    assert.equal(error.requestId, id);
    assert.equal(error.route, "/api/broken");
    assert.equal(error.error, "Error: database on fire");
    assert.match(error.stack, /request_log_test\.ts/);

    const page = await app.request("/broken", {
      headers: { Accept: "text/html" },
    });
    const html = await page.text();
    assert.equal(page.status, 500);
    assert.match(
      html,
      new RegExp(`<code>${page.headers.get("X-Request-Id")}</code>`),
    );
    assert.doesNotMatch(html, /page on fire|request_log_test/);
  });
});

Deno.test("formatLogLine() writes a readable line when LOG_FORMAT=pretty", () => {
  assert.equal(
    formatLogLine({
      time: "2026-11-30T12:00:00.000Z",
      level: "info",
      requestId: "00ff00ff00ff00ff",
      method: "GET",
      route: "/devices/:id",
      status: 200,
      durationMs: 3,
      bytes: 512,
    }, "pretty"),
    "2026-11-30T12:00:00.000Z GET /devices/:id 200 3ms 512B [00ff00ff00ff00ff]",
  );
});
