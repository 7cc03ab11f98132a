import assert from "node:assert/strict";
import { loadConfig } from "../../fresh.config.ts";
import {
  createApp,
  type Manifest,
  type RouteModule,
} from "../../lib/http/app.ts";
import * as appShell from "../../routes/_app.tsx";
import * as middleware from "../../routes/_middleware.ts";
import * as setupApi from "../../routes/api/setup.ts";
import * as bandsApi from "../../routes/api/bands.ts";
import * as setup from "../../routes/setup.tsx";
import * as signin from "../../routes/signin.tsx";
import * as signout from "../../routes/signout.ts";
import * as account from "../../routes/account.tsx";
import * as invite from "../../routes/invite/[token].tsx";
import * as home from "../../routes/index.tsx";
import { Agent, TEST_AUTH_KEY } from "./harness.ts";

const manifest: Manifest = {
  routes: {
    "./routes/_app.tsx": appShell as RouteModule,
    "./routes/_middleware.ts": middleware as RouteModule,
    "./routes/api/setup.ts": setupApi as RouteModule,
    "./routes/api/bands.ts": bandsApi as RouteModule,
    "./routes/setup.tsx": setup as RouteModule,
    "./routes/signin.tsx": signin as RouteModule,
    "./routes/signout.ts": signout as RouteModule,
    "./routes/account.tsx": account as RouteModule,
    "./routes/invite/[token].tsx": invite as RouteModule,
    "./routes/index.tsx": home as RouteModule,
  },
  islands: {},
};

async function withApp(fn: (agent: Agent) => Promise<void>) {
  using kv = await Deno.openKv(":memory:");
  const app = createApp({
    config: loadConfig({ KV_PATH: ":memory:" }),
    kv,
    manifest,
  });
  await fn(new Agent(app));
}

function form(fields: Record<string, string>) {
  return {
    body: new URLSearchParams(fields).toString(),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "text/html",
    },
  };
}

Deno.test("[pages] the setup form creates the owner, then the sign-in page takes over", async () => {
  await withApp(async (agent) => {
    const empty = await agent.request("GET", "/signin", {
      headers: { Accept: "text/html" },
    });
    assert.equal(empty.status, 303);
    assert.equal(empty.headers.get("Location"), "/setup");
    const res = await agent.request(
      "POST",
      "/setup",
      form({
        username: "ada",
        password: "correct horse battery",
        timeZone: "UTC",
      }),
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("Location"), "/");
    assert.ok(agent.cookie);
    const again = await agent.request("GET", "/setup", {
      headers: { Accept: "text/html" },
    });
    assert.equal(again.headers.get("Location"), "/signin");
  });
});

Deno.test("[pages] sign-in shows a clear message for a wrong password and signs in with the right one", async () => {
  await withApp(async (agent) => {
    await agent.request(
      "POST",
      "/setup",
      form({
        username: "ada",
        password: "correct horse battery",
        timeZone: "UTC",
      }),
    );
    agent.cookie = undefined;
    const wrong = await agent.request(
      "POST",
      "/signin",
      form({ username: "ada", password: "nope" }),
    );
    assert.equal(wrong.status, 401);
    assert.match(
      await wrong.text(),
      /Cannot sign in: wrong username or password/,
    );
    const ok = await agent.request(
      "POST",
      "/signin",
      form({ username: "ada", password: "correct horse battery" }),
    );
    assert.equal(ok.status, 303);
    const forged = await agent.request("POST", "/signout", {
      ...form({ csrf: "x" }),
      headers: { ...form({}).headers, Origin: "https://evil.example" },
    });
    assert.equal(forged.status, 403);
  });
});

Deno.test("[pages] a stored auth key appears in no HTML page", async () => {
  await withApp(async (agent) => {
    const res = await agent.request("POST", "/api/setup", {
      json: {
        username: "ada",
        password: "correct horse battery",
        timeZone: "UTC",
      },
    });
    agent.csrfToken = (await res.json()).csrfToken;
    const added = await agent.request("POST", "/api/bands", {
      json: { name: "Blue", mac: "C8:0F:10:AA:BB:CC", authKey: TEST_AUTH_KEY },
    });
    assert.equal(added.status, 201);
    for (
      const path of ["/", "/account", "/signin", "/setup", "/invite/nothing"]
    ) {
      const page = await agent.request("GET", path, {
        headers: { Accept: "text/html" },
      });
      const html = await page.text();
      assert.equal(html.toLowerCase().includes(TEST_AUTH_KEY), false, path);
    }
    const accountPage = await (await agent.request("GET", "/account", {
      headers: { Accept: "text/html" },
    })).text();
    assert.match(
      accountPage,
      new RegExp(`<meta name="csrf-token" content="${agent.csrfToken}"`),
    );
  });
});
