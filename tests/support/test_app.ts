// The real app, in-process, on in-memory KV: for route tests and browser tests.
import { withKvLimits } from "../../lib/db/kv_limits.ts";
import { type AppConfig, loadConfig } from "../../fresh.config.ts";
import { listen } from "../../lib/http/listen.ts";
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
  config: AppConfig;
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
  // Port 0, as tests serve on a free port: the loopback names on any port.
  const config = loadConfig({ KV_PATH: ":memory:", PORT: "0", ...options.env });
  const build = await ensureIslandsBuild(ROOT, manifest);
  const app = createApp({
    config,
    kv,
    manifest: options.manifest ?? manifest,
    build,
    now: options.now,
    ...projectPaths(ROOT),
  });
  return { app, kv, config, close: () => kv.close() };
}

/** Serves a test app on a free localhost port, through the server's own listener. */
export async function serveTestApp(
  options: Omit<TestAppOptions, "manifest"> = {},
): Promise<TestApp & { origin: string; shutdown(): Promise<void> }> {
  const testApp = await createTestApp(options);
  const { config } = testApp;
  const server = await listen(testApp.app.fetch, {
    port: 0,
    hostname: "127.0.0.1",
    headersTimeoutMs: config.headersTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
    maxConnections: config.maxConnections,
  });
  return {
    ...testApp,
    origin: `http://localhost:${server.port}`,
    async shutdown() {
      await server.close();
      testApp.close();
    },
  };
}
