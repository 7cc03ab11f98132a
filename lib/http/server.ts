// Starts the app: configuration, KV, the islands build, and the listener.
import type { AppConfig } from "../../fresh.config.ts";
import { createApp, type Manifest } from "./app.ts";
import {
  buildIslands,
  type IslandsBuild,
  readIslandsBuild,
} from "./build_islands.ts";
import { migrateBandVirtualFlags } from "../db/bands.ts";
import { listen, type RunningServer } from "./listen.ts";
import { describeKvLocation, openKv } from "./open_kv.ts";
import { startBackupSchedule } from "../db/backup_schedule.ts";
import { startPendingPurges } from "../db/purge.ts";
import { migrateStoredFigures } from "../db/summary_rebuild.ts";

/** Folders of the project, resolved from its root. */
export function projectPaths(root: string) {
  return {
    buildDir: `${root}/_build/islands`,
    staticDir: `${root}/static`,
  };
}

/** Loads the islands build, building it first when there is none (not possible on Deno Deploy). */
export async function ensureIslandsBuild(
  root: string,
  manifest: Manifest,
): Promise<IslandsBuild> {
  const { buildDir } = projectPaths(root);
  const existing = await readIslandsBuild(buildDir);
  if (existing) return existing;
  return await buildIslands({
    root,
    islands: Object.keys(manifest.islands),
    routes: Object.keys(manifest.routes),
    outDir: buildDir,
  });
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "::1" ||
    hostname === "[::1]" || /^127\./.test(hostname);
}

/** What an operator should hear at start about exposure and limits (one line each). */
export function listStartWarnings(config: AppConfig): string[] {
  const warnings: string[] = [];
  if (!isLoopback(config.hostname) && !config.trustProxy && !config.tls) {
    warnings.push(
      `Warning: listening on ${config.hostname} over plain http without a reverse proxy: put Caddy in front (docs/Caddyfile) and set TRUST_PROXY=true, or set TLS_CERT_FILE and TLS_KEY_FILE`,
    );
  }
  if (
    !isLoopback(config.hostname) && !config.publicUrl && !config.allowedHosts
  ) {
    warnings.push(
      "Warning: PUBLIC_URL is not set: sign-in and every change are refused for any host but localhost until it is",
    );
  }
  return warnings;
}

/** Opens KV and serves the app until the process ends. */
export async function startServer(
  options: { config: AppConfig; manifest: Manifest; root: string },
): Promise<RunningServer> {
  const { config, manifest, root } = options;
  const kv = await openKv(config.kv, { strictLimits: config.kvStrictLimits });
  await migrateBandVirtualFlags(kv);
  await migrateStoredFigures(kv);
  // Deletions a crash or restart cut short finish in the background.
  startPendingPurges(kv);
  const build = await ensureIslandsBuild(root, manifest);
  if (config.backups) startBackupSchedule(kv, config.backups);
  const app = createApp({
    config,
    kv,
    manifest,
    build,
    ...projectPaths(root),
    log: { format: config.logFormat, write: (line) => console.log(line) },
  });
  const tls = config.tls
    ? {
      cert: await Deno.readTextFile(config.tls.certFile),
      key: await Deno.readTextFile(config.tls.keyFile),
    }
    : undefined;
  const server = await listen(app.fetch, {
    hostname: config.hostname,
    port: config.port,
    tls,
    headersTimeoutMs: config.headersTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
    maxConnections: config.maxConnections,
  });
  const scheme = config.tls ? "https" : "http";
  const shownHost = config.hostname === "0.0.0.0" ||
      config.hostname === "127.0.0.1"
    ? "localhost"
    : config.hostname;
  console.log(`Band Web is running at ${scheme}://${shownHost}:${server.port}`);
  console.log(`Data: ${describeKvLocation(config.kv)}`);
  for (const warning of listStartWarnings(config)) {
    console.warn(warning);
  }
  return server;
}
