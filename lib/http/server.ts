// Starts the app: configuration, KV, the islands build, and the listener.
import type { AppConfig } from "../../fresh.config.ts";
import { createApp, type Manifest } from "./app.ts";
import {
  buildIslands,
  type IslandsBuild,
  readIslandsBuild,
} from "./build_islands.ts";
import { migrateBandVirtualFlags } from "../db/bands.ts";
import { listen } from "./listen.ts";
import { describeKvLocation, openKv } from "./open_kv.ts";
import { startBackupSchedule } from "../db/backup_schedule.ts";
import { startPendingPurges } from "../db/purge.ts";
import { migrateStoredFigures } from "../db/summary_rebuild.ts";
import { sweepStaleSpoolFiles } from "./spool_files.ts";

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

function isOnDenoDeploy(): boolean {
  try {
    return Deno.env.get("DENO_DEPLOYMENT_ID") !== undefined;
  } catch {
    return false;
  }
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

/** A started app: its port, and a graceful stop. */
export interface StartedServer {
  port: number;
  /**
   * Stops accepting, lets requests in flight (uploads above all) finish for up
   * to the configured grace, stops periodic backups and closes KV.
   */
  shutdown(): Promise<{ drained: boolean }>;
}

/** Opens KV and serves the app until `shutdown()` or the process ends. */
export async function startServer(
  options: { config: AppConfig; manifest: Manifest; root: string },
): Promise<StartedServer> {
  const { config, manifest, root } = options;
  const kv = await openKv(config.kv, { strictLimits: config.kvStrictLimits });
  await migrateBandVirtualFlags(kv);
  await migrateStoredFigures(kv);
  // Deletions a crash or restart cut short finish in the background.
  startPendingPurges(kv);
  // Upload files a crash left behind go (an hour old: no job runs that long).
  sweepStaleSpoolFiles({ now: Date.now() }).catch(() => {});
  const build = await ensureIslandsBuild(root, manifest);
  const stopBackups = config.backups
    ? startBackupSchedule(kv, config.backups)
    : () => {};
  const app = createApp({
    config,
    kv,
    manifest,
    build,
    ...projectPaths(root),
    log: { format: config.logFormat, write: (line) => console.log(line) },
  });
  if (isOnDenoDeploy()) {
    // Deploy's edge owns the sockets, timeouts and TLS; it hands requests to Deno.serve.
    const deployed = Deno.serve(app.fetch);
    return {
      port: deployed.addr.port,
      async shutdown() {
        stopBackups();
        await deployed.shutdown();
        kv.close();
        return { drained: true };
      },
    };
  }
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
  return {
    port: server.port,
    async shutdown() {
      stopBackups();
      const result = await server.shutdown(config.shutdownGraceMs);
      kv.close();
      return result;
    },
  };
}
