// An in-process app with only the middleware and the API routes, on in-memory KV,
// plus a tiny browser-like agent that keeps the session cookie and CSRF token.
import { withKvLimits } from "../../lib/db/kv_limits.ts";
import { loadConfig } from "../../fresh.config.ts";
import {
  createApp,
  type Manifest,
  type RouteModule,
} from "../../lib/http/app.ts";
import * as middleware from "../../routes/_middleware.ts";
import * as setup from "../../routes/api/setup.ts";
import * as signup from "../../routes/api/signup.ts";
import * as session from "../../routes/api/session.ts";
import * as me from "../../routes/api/me.ts";
import * as mePassword from "../../routes/api/me/password.ts";
import * as invitations from "../../routes/api/invitations.ts";
import * as invitation from "../../routes/api/invitations/[token].ts";
import * as bands from "../../routes/api/bands.ts";
import * as band from "../../routes/api/bands/[id].ts";
import * as bandKey from "../../routes/api/bands/[id]/key.ts";
import * as bandSettings from "../../routes/api/bands/[id]/settings.ts";
import * as bandSync from "../../routes/api/bands/[id]/sync.ts";
import * as samples from "../../routes/api/bands/[id]/samples.ts";
import * as minutes from "../../routes/api/bands/[id]/minutes.ts";
import * as hourly from "../../routes/api/bands/[id]/summaries/hourly.ts";
import * as daily from "../../routes/api/bands/[id]/summaries/daily.ts";
import * as readings from "../../routes/api/bands/[id]/readings/[kind].ts";
import * as today from "../../routes/api/bands/[id]/today.ts";
import * as bandExport from "../../routes/api/bands/[id]/export.ts";
import * as workoutTcx from "../../routes/api/bands/[id]/workouts/[start].ts";
import * as gadgetbridgeImport from "../../routes/api/bands/[id]/imports/gadgetbridge.ts";
import * as takeout from "../../routes/api/me/takeout.ts";
import * as restore from "../../routes/api/me/restore.ts";

/** Origin the test requests claim. */
export const ORIGIN = "http://localhost";

const manifest: Manifest = {
  routes: {
    "./routes/_middleware.ts": middleware as RouteModule,
    "./routes/api/setup.ts": setup as RouteModule,
    "./routes/api/signup.ts": signup as RouteModule,
    "./routes/api/session.ts": session as RouteModule,
    "./routes/api/me.ts": me as RouteModule,
    "./routes/api/me/password.ts": mePassword as RouteModule,
    "./routes/api/invitations.ts": invitations as RouteModule,
    "./routes/api/invitations/[token].ts": invitation as RouteModule,
    "./routes/api/bands.ts": bands as RouteModule,
    "./routes/api/bands/[id].ts": band as RouteModule,
    "./routes/api/bands/[id]/key.ts": bandKey as RouteModule,
    "./routes/api/bands/[id]/settings.ts": bandSettings as RouteModule,
    "./routes/api/bands/[id]/sync.ts": bandSync as RouteModule,
    "./routes/api/bands/[id]/samples.ts": samples as RouteModule,
    "./routes/api/bands/[id]/minutes.ts": minutes as RouteModule,
    "./routes/api/bands/[id]/summaries/hourly.ts": hourly as RouteModule,
    "./routes/api/bands/[id]/summaries/daily.ts": daily as RouteModule,
    "./routes/api/bands/[id]/readings/[kind].ts": readings as RouteModule,
    "./routes/api/bands/[id]/today.ts": today as RouteModule,
    "./routes/api/bands/[id]/export.ts": bandExport as RouteModule,
    "./routes/api/bands/[id]/workouts/[start].ts": workoutTcx as RouteModule,
    "./routes/api/bands/[id]/imports/gadgetbridge.ts":
      gadgetbridgeImport as RouteModule,
    "./routes/api/me/takeout.ts": takeout as RouteModule,
    "./routes/api/me/restore.ts": restore as RouteModule,
  },
  islands: {},
};

/** A browser-like client of the test app. */
export class Agent {
  #app: ReturnType<typeof createApp>;
  cookie?: string;
  csrfToken?: string;

  constructor(app: ReturnType<typeof createApp>) {
    this.#app = app;
  }

  /** Sends a request as this browser would, keeping the session it is given. */
  async request(
    method: string,
    path: string,
    options: {
      json?: unknown;
      body?: string | Uint8Array<ArrayBuffer>;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Origin: ORIGIN,
      Accept: "application/json",
    };
    if (this.cookie) headers.Cookie = this.cookie;
    if (this.csrfToken) headers["X-CSRF-Token"] = this.csrfToken;
    if (options.json !== undefined || options.body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    const res = await this.#app.request(`${ORIGIN}${path}`, {
      method,
      headers: { ...headers, ...options.headers },
      body: options.body ??
        (options.json === undefined ? undefined : JSON.stringify(options.json)),
    });
    const setCookie = res.headers.get("Set-Cookie");
    if (setCookie) {
      const value = setCookie.split(";")[0];
      this.cookie = value.endsWith("=") ? undefined : value;
    }
    return res;
  }
}

/** A test app and its KV; `using` closes the KV. */
export interface ApiTestApp {
  app: ReturnType<typeof createApp>;
  kv: Deno.Kv;
  agent(): Agent;
  [Symbol.dispose](): void;
}

/** Builds the API app on in-memory KV; `now` pins the routes' clock (default `Date.now`). */
export async function createApiTestApp(
  env: Record<string, string> = {},
  now?: () => number,
): Promise<ApiTestApp> {
  // Every route and browser test runs under hosted KV's limits.
  const kv = withKvLimits(await Deno.openKv(":memory:"));
  const app = createApp({
    config: loadConfig({ KV_PATH: ":memory:", ...env }),
    kv,
    manifest,
    now,
  });
  return {
    app,
    kv,
    agent: () => new Agent(app),
    [Symbol.dispose]: () => kv.close(),
  };
}

/** Creates the owner through the API and returns a signed-in agent. */
export async function signUpOwner(
  t: ApiTestApp,
  username = "owner",
  timeZone = "Europe/Berlin",
): Promise<Agent> {
  const agent = t.agent();
  const res = await agent.request("POST", "/api/setup", {
    json: { username, password: "correct horse battery", timeZone },
  });
  if (res.status !== 201) {
    throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  }
  agent.csrfToken = (await res.json()).csrfToken;
  return agent;
}

/** Invites and signs up a second person, returning their agent. */
export async function signUpMember(
  t: ApiTestApp,
  owner: Agent,
  username = "member",
): Promise<Agent> {
  const inv =
    await (await owner.request("POST", "/api/invitations", { json: {} }))
      .json();
  const agent = t.agent();
  const res = await agent.request("POST", `/api/invitations/${inv.token}`, {
    json: { username, password: "another good password", timeZone: "UTC" },
  });
  if (res.status !== 201) {
    throw new Error(`invite failed: ${res.status} ${await res.text()}`);
  }
  agent.csrfToken = (await res.json()).csrfToken;
  return agent;
}

/** A valid auth key for tests. */
export const TEST_AUTH_KEY = "8f1e2d3c4b5a69788796a5b4c3d2e1f0";

/** Adds a band for an agent and returns its id. */
export async function addBand(
  agent: Agent,
  mac = "C8:0F:10:AA:BB:CC",
): Promise<string> {
  const res = await agent.request("POST", "/api/bands", {
    json: { name: "Blue band", mac, authKey: TEST_AUTH_KEY },
  });
  if (res.status !== 201) {
    throw new Error(`add band failed: ${res.status} ${await res.text()}`);
  }
  return (await res.json()).band.id;
}
