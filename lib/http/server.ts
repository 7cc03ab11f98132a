// Starts the app: configuration, KV, the islands build, and Deno.serve.
import type { AppConfig } from "../../fresh.config.ts";
import { createApp, type Manifest } from "./app.ts";
import {
  buildIslands,
  type IslandsBuild,
  readIslandsBuild,
} from "./build_islands.ts";
import { describeKvLocation, openKv } from "./open_kv.ts";
import { startPendingPurges } from "../db/purge.ts";

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
    outDir: buildDir,
  });
}

/** Opens KV and serves the app until the process ends. */
export async function startServer(
  options: { config: AppConfig; manifest: Manifest; root: string },
) {
  const { config, manifest, root } = options;
  const kv = await openKv(config.kv);
  // Deletions a crash or restart cut short finish in the background.
  startPendingPurges(kv);
  const build = await ensureIslandsBuild(root, manifest);
  const app = createApp({ config, kv, manifest, build, ...projectPaths(root) });
  const tls = config.tls
    ? {
      cert: await Deno.readTextFile(config.tls.certFile),
      key: await Deno.readTextFile(config.tls.keyFile),
    }
    : {};
  const scheme = config.tls ? "https" : "http";
  const shownHost = config.hostname === "0.0.0.0"
    ? "localhost"
    : config.hostname;
  Deno.serve({
    port: config.port,
    hostname: config.hostname,
    ...tls,
    onListen: ({ port }) => {
      console.log(
        `Band Web is running at ${scheme}://${
          shownHost === "127.0.0.1" ? "localhost" : shownHost
        }:${port}`,
      );
      console.log(`Data: ${describeKvLocation(config.kv)}`);
    },
  }, app.fetch);
}
