import assert from "node:assert/strict";
import { h } from "preact";
import { createApp, type Manifest } from "../../lib/http/app.ts";
import {
  type Handlers,
  type Middleware,
  page,
  type PageProps,
} from "../../lib/http/define.ts";
import { notFound } from "../../lib/http/errors.ts";
import { loadConfig } from "../../fresh.config.ts";

const order: string[] = [];
const rootMiddleware: Middleware = async (ctx) => {
  order.push("root");
  const res = await ctx.next();
  res.headers.set("X-Root", "1");
  return res;
};
const apiMiddleware: Middleware = async (ctx) => {
  order.push("api");
  return await ctx.next();
};

const deviceHandler: Handlers<{ id: string }> = {
  GET(ctx) {
    if (ctx.params.id === "missing") throw notFound("Cannot find band missing");
    return page({ id: ctx.params.id });
  },
};

const manifest: Manifest = {
  routes: {
    "./routes/_app.tsx": {
      default: ((props: { Component: () => unknown }) =>
        h(
          "html",
          null,
          h(
            "body",
            null,
            h("div", { id: "shell" }, h(props.Component as never, null)),
          ),
        )) as never,
    },
    "./routes/_middleware.ts": { handler: rootMiddleware },
    "./routes/_404.tsx": {
      default:
        ((p: PageProps<{ message: string }>) =>
          h("h1", null, `Lost: ${p.data.message}`)) as never,
    },
    "./routes/_500.tsx": {
      default:
        ((p: PageProps<{ status: number }>) =>
          h("h1", null, `Broken ${p.data.status}`)) as never,
    },
    "./routes/index.tsx": { default: (() => h("p", null, "home")) as never },
    "./routes/devices/new.tsx": {
      default: (() => h("p", null, "new device form")) as never,
    },
    "./routes/devices/[id].tsx": {
      handler: deviceHandler as never,
      default:
        ((p: PageProps<{ id: string }>) =>
          h("p", null, `device ${p.data.id}`)) as never,
    },
    "./routes/boom.tsx": {
      handler: {
        GET() {
          throw new Error("kaput");
        },
      },
      default: (() => null) as never,
    },
    "./routes/api/_middleware.ts": { handler: apiMiddleware },
    "./routes/api/items/[id].ts": {
      handler: {
        GET: (ctx) => Response.json({ id: ctx.params.id }),
        DELETE: () => new Response(null, { status: 204 }),
      },
    },
    "./routes/files/[...path].ts": {
      handler: { GET: (ctx) => Response.json({ path: ctx.params.path }) },
    },
  },
  islands: {},
};

async function request(path: string, init?: RequestInit) {
  const kv = await Deno.openKv(":memory:");
  try {
    const app = createApp({
      config: loadConfig({ KV_PATH: ":memory:" }),
      kv,
      manifest,
    });
    const res = await app.request(path, init);
    return { res, text: await res.text() };
  } finally {
    kv.close();
  }
}

Deno.test("[routes] a static route wins over a dynamic one beside it", async () => {
  const { res, text } = await request("/devices/new");
  assert.equal(res.status, 200);
  assert.match(text, /new device form/);
});

Deno.test("[routes] a dynamic route passes its parameter to the handler and page", async () => {
  const { res, text } = await request("/devices/abc-123");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
  assert.match(
    text,
    /^<!DOCTYPE html><html><body><div id="shell"><p>device abc-123<\/p>/,
  );
});

Deno.test("[routes] a catch-all route receives the rest of the path", async () => {
  const { res, text } = await request("/files/a/b/c.txt");
  assert.equal(res.status, 200);
  assert.deepEqual(JSON.parse(text), { path: "a/b/c.txt" });
});

Deno.test("[routes] an unknown page renders _404 inside _app", async () => {
  const { res, text } = await request("/nowhere", {
    headers: { accept: "text/html" },
  });
  assert.equal(res.status, 404);
  assert.match(
    text,
    /<div id="shell"><h1>Lost: Cannot find \/nowhere: check the address<\/h1>/,
  );
});

Deno.test("[routes] a handler's HttpError renders the 404 page with its message", async () => {
  const { res, text } = await request("/devices/missing", {
    headers: { accept: "text/html" },
  });
  assert.equal(res.status, 404);
  assert.match(text, /Lost: Cannot find band missing/);
});

Deno.test("[api] an unknown API path answers JSON 404", async () => {
  const { res, text } = await request("/api/nothing");
  assert.equal(res.status, 404);
  assert.equal(res.headers.get("content-type"), "application/json");
  assert.deepEqual(JSON.parse(text), {
    error: {
      code: "not_found",
      message: "Cannot find /api/nothing: check the address",
    },
  });
});

Deno.test("[routes] a thrown error renders _500 and hides the detail", async () => {
  const originalError = console.error;
  console.error = () => {};
  try {
    const { res, text } = await request("/boom", {
      headers: { accept: "text/html" },
    });
    assert.equal(res.status, 500);
    assert.match(text, /Broken 500/);
    assert.equal(text.includes("kaput"), false);
  } finally {
    console.error = originalError;
  }
});

Deno.test("[routes] middleware runs root first, then the nested folder's", async () => {
  order.length = 0;
  const { res } = await request("/api/items/7");
  assert.equal(res.status, 200);
  assert.deepEqual(order, ["root", "api"]);
  assert.equal(res.headers.get("x-root"), "1");
  order.length = 0;
  await request("/devices/new");
  assert.deepEqual(order, ["root"]);
});

Deno.test("[api] a method the route lacks answers 405 with Allow", async () => {
  const { res, text } = await request("/api/items/7", { method: "POST" });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get("allow"), "GET, DELETE");
  assert.equal(JSON.parse(text).error.code, "method_not_allowed");
});

Deno.test("[routes] HEAD is answered like GET", async () => {
  const { res } = await request("/devices/x", { method: "HEAD" });
  assert.equal(res.status, 200);
});

Deno.test("[routes] behind a trusted proxy, handlers see the browser's https origin", async () => {
  const seen: string[] = [];
  const proxied: Manifest = {
    routes: {
      "./routes/where.ts": {
        handler: {
          GET: (ctx) => (seen.push(ctx.url.origin), new Response("ok")),
        },
      },
    },
    islands: {},
  };
  const headers = {
    "x-forwarded-proto": "https",
    "x-forwarded-host": "band.example",
  };
  for (const trust of ["true", "false"]) {
    const kv = await Deno.openKv(":memory:");
    try {
      const app = createApp({
        config: loadConfig({ KV_PATH: ":memory:", TRUST_PROXY: trust }),
        kv,
        manifest: proxied,
      });
      const res = await app.request(
        "http://127.0.0.1:8000/where",
        { headers },
        {
          remoteAddr: { hostname: "127.0.0.1" },
        },
      );
      assert.equal(res.status, 200);
      await res.body?.cancel();
    } finally {
      kv.close();
    }
  }
  assert.deepEqual(seen, ["https://band.example", "http://127.0.0.1:8000"]);
});
