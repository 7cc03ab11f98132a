// Builds the service worker (sw.ts) with esbuild, with its version and the list
// of files it precaches defined in: the app shell from static/ and every chunk
// of the islands build (their names carry esbuild's content hashes). The version
// hashes that list, the shell files' bytes and the worker's own sources, so any
// change to what the worker serves makes a new worker and new caches.
import * as esbuild from "esbuild";

/**
 * Static files every page may need offline, at their URL paths under static/.
 * Not the manifest: it lists the signed-in person's bands, so it is left to the
 * network (a shell cache shared by whoever uses this browser must not keep it).
 */
export const SHELL_FILES: readonly string[] = [
  "/styles.css",
  "/charts.css",
  "/favicon.svg",
  "/offline.html",
  "/icons/icon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
];

/** Where the built worker is written: beside the islands build (which each build empties). */
export function serviceWorkerPath(buildDir: string): string {
  return `${buildDir.replace(/\/[^/]+\/?$/, "")}/pwa/sw.js`;
}

/** The worker's own sources, read for the version and bundled by esbuild. */
const WORKER_SOURCES = ["sw.ts", "sw_policy.ts"];

function sourcePath(file: string): string {
  return new URL(file, import.meta.url).pathname;
}

/** What the worker is built from: its version and the URL paths it precaches. */
export interface ServiceWorkerPlan {
  version: string;
  precache: string[];
}

/** Lists the precache paths and hashes them into a version (reads the files). */
export async function planServiceWorker(
  options: { buildDir: string; staticDir: string },
): Promise<ServiceWorkerPlan> {
  const chunks: string[] = [];
  for await (const entry of Deno.readDir(options.buildDir)) {
    if (entry.isFile && /^[\w-]+\.js$/.test(entry.name)) {
      chunks.push(`/build/${entry.name}`);
    }
  }
  const precache = [...SHELL_FILES, ...chunks.sort()];
  const hash = await crypto.subtle.digest(
    "SHA-256",
    concat([
      new TextEncoder().encode(precache.join("\n")),
      ...await Promise.all(
        SHELL_FILES.map((path) => Deno.readFile(options.staticDir + path)),
      ),
      ...await Promise.all(
        WORKER_SOURCES.map((file) => Deno.readFile(sourcePath(file))),
      ),
    ]),
  );
  const version = [...new Uint8Array(hash).slice(0, 8)]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  return { version, precache };
}

/** Bundles sw.ts for a plan; the source starts with a `// version <v>` line. */
export async function compileServiceWorker(
  plan: ServiceWorkerPlan,
): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [sourcePath("sw.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome120"],
    minify: true,
    write: false,
    logLevel: "silent",
    define: {
      __SW_VERSION__: JSON.stringify(plan.version),
      __SW_PRECACHE__: JSON.stringify(plan.precache),
    },
  });
  return `// version ${plan.version}\n${result.outputFiles[0].text}`;
}

/**
 * The worker for the current islands build: the one on disk when its version
 * matches, otherwise built and written (at `deno task build`, or at start when
 * the build is missing).
 */
export async function ensureServiceWorker(
  options: { buildDir: string; staticDir: string },
): Promise<string> {
  const plan = await planServiceWorker(options);
  const path = serviceWorkerPath(options.buildDir);
  const existing = await Deno.readTextFile(path).catch(() => "");
  if (existing.startsWith(`// version ${plan.version}\n`)) return existing;
  const source = await compileServiceWorker(plan);
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  // Written aside and renamed, so a server starting beside a build never reads half a worker.
  const temp = `${path}.${crypto.randomUUID()}.tmp`;
  await Deno.writeTextFile(temp, source);
  await Deno.rename(temp, path);
  return source;
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
