// The real app, in-process, on in-memory KV: for route tests and browser tests.
import { withKvLimits } from "../../lib/db/kv_limits.ts";
import { loadConfig } from "../../fresh.config.ts";
import { manifest } from "../../fresh.gen.ts";
import { createApp, type Manifest } from "../../lib/http/app.ts";
import { ensureIslandsBuild, projectPaths } from "../../lib/http/server.ts";

/** Project root folder. */
export const ROOT = new URL("../..", import.meta.url).pathname.replace(
  /\/$/,
  "",
);

/** A test app and the KV handle behind it; call `close()` when done. */
export interface TestApp {
  app: ReturnType<typeof createApp>;
  kv: Deno.Kv;
  close(): void;
}

/** What a test app can be given: env, a manifest, and the clock its routes read. */
export interface TestAppOptions {
  env?: Record<string, string>;
  manifest?: Manifest;
  /** The routes' "now" in epoch ms (default `Date.now`); pin it when a test's result depends on the day or hour. */
  now?: () => number;
}

/** Builds the app on a fresh in-memory KV, with the islands build from `deno task build`. */
export async function createTestApp(
  options: TestAppOptions = {},
): Promise<TestApp> {
  // Every route and browser test runs under hosted KV's limits.
  const kv = withKvLimits(await Deno.openKv(":memory:"));
  const config = loadConfig({ KV_PATH: ":memory:", ...options.env });
  const build = await ensureIslandsBuild(ROOT, manifest);
  const app = createApp({
    config,
    kv,
    manifest: options.manifest ?? manifest,
    build,
    now: options.now,
    ...projectPaths(ROOT),
  });
  return { app, kv, close: () => kv.close() };
}

/** Serves a test app on a free localhost port. */
export async function serveTestApp(
  options: Omit<TestAppOptions, "manifest"> = {},
): Promise<TestApp & { origin: string; shutdown(): Promise<void> }> {
  // Port 0 as in the server: the loopback names on whatever port it gets.
  const testApp = await createTestApp({
    ...options,
    env: { PORT: "0", ...options.env },
  });
  const server = Deno.serve({
    port: 0,
    hostname: "127.0.0.1",
    onListen: () => {},
  }, testApp.app.fetch);
  return {
    ...testApp,
    origin: `http://localhost:${server.addr.port}`,
    async shutdown() {
      await server.shutdown();
      testApp.close();
    },
  };
}
