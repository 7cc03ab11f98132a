// The house's one-way data flow (style.md, "The shape of the house") as an
// allow-list, and the pure checks behind `tools/check_layers.ts`: which folders
// a folder may import, what a browser-facing folder may never reach, however
// indirectly, and what the islands bundle may contain. Pure functions on plain
// data, so a test can feed them a crafted violation.

/** What one folder may import. */
export interface LayerEntry {
  /** What the folder holds, for the error message. */
  holds: string;
  /** Folders (`lib/protocol`) or single files (`lib/ble/transport.ts`) it may import; its own folder is implied. */
  may: readonly string[];
  /** npm packages and `node:` modules it may import (`preact` covers `preact/hooks`). */
  packages: readonly string[];
}

// Server-only code: it opens KV, reads secrets or runs the HTTP server, so
// nothing that runs in the browser may reach it, even through a type import.
const SERVER_ONLY = ["lib/db", "lib/auth", "lib/http"] as const;

/** The allow-list: every folder under lib/, and routes, islands and components. */
export const LAYERS: Readonly<Record<string, LayerEntry>> = {
  "lib/protocol": {
    holds: "the band's protocol: pure encoders and parsers",
    // The 4-byte activity record's layout is the minute module's to define.
    may: ["lib/minute/sample.ts"],
    packages: [],
  },
  "lib/minute": {
    holds:
      "the one meaning of a minute: record layout, kinds, classes, per-day figures (pure)",
    may: ["lib/protocol/activity_kinds.ts", "lib/api", "lib/time"],
    packages: [],
  },
  "lib/time": {
    holds: "pure time-zone arithmetic",
    may: [],
    packages: [],
  },
  "lib/ble": {
    holds: "Web Bluetooth I/O",
    may: ["lib/protocol"],
    packages: [],
  },
  "lib/sim": {
    holds: "the band simulator",
    // The simulator's link implements the transport interface the facade speaks.
    may: ["lib/protocol", "lib/ble/transport.ts"],
    packages: [],
  },
  "lib/api": {
    holds: "wire types, schemas and the typed fetch client",
    may: ["lib/protocol", "lib/minute", "lib/time"],
    // @simplewebauthn/browser for the passkey ceremony's wire types.
    packages: ["zod", "@simplewebauthn/browser"],
  },
  "lib/db": {
    holds: "Deno KV records (server only)",
    // The forecast cache's key, so a band's purge removes its cached weather;
    // HTTP errors, so storage errors carry their status to every route.
    may: [
      "lib/protocol",
      "lib/minute",
      "lib/api",
      "lib/time",
      "lib/weather/forecast_cache.ts",
      "lib/http/errors.ts",
    ],
    // Backups and the KV size limits measure and hash values the way Deno KV does.
    packages: ["node:buffer", "node:crypto", "node:v8"],
  },
  "lib/weather": {
    holds: "weather forecasts for the band (server side fetch, shared types)",
    may: ["lib/protocol"],
    packages: ["zod"],
  },
  "lib/gadgetbridge": {
    holds:
      "Gadgetbridge's database: import (spool, read, store) and export (server only)",
    // HTTP errors, so a bad file answers its 4xx from wherever it is found;
    // spool files, whose gate and sweep every disk job shares.
    may: [
      "lib/db",
      "lib/minute",
      "lib/api",
      "lib/time",
      "lib/http/errors.ts",
      "lib/http/spool_files.ts",
    ],
    packages: ["node:sqlite", "fflate", "zod"],
  },
  "lib/takeout": {
    holds:
      "a person's takeout archive: stream it out, check and restore it (server only)",
    // HTTP errors, so a bad archive answers its 4xx from wherever it is found;
    // spool files, whose gate and sweep every disk job shares.
    may: [
      "lib/db",
      "lib/minute",
      "lib/api",
      "lib/time",
      "lib/http/errors.ts",
      "lib/http/spool_files.ts",
    ],
    packages: ["fflate", "zod"],
  },
  "lib/history": {
    holds: "history views: loaders (server) and pure view code",
    may: ["lib/api", "lib/db", "lib/minute", "lib/protocol", "lib/time"],
    packages: ["zod"],
  },
  "lib/auth": {
    holds: "accounts, sessions and guards (server only)",
    may: ["lib/api", "lib/db", "lib/http", "lib/time"],
    packages: ["zod", "hono", "node:crypto", "@simplewebauthn/server"],
  },
  "lib/http": {
    holds: "server plumbing and the islands layer",
    // lib/db for start-up migrations and KV; lib/api for the per-route body
    // limits its schemas define.
    // lib/pwa for the service worker the server builds and serves.
    may: ["lib/api", "lib/db", "lib/pwa", "lib/time", "fresh.config.ts"],
    // node:http and friends for a listener with header timeouts and a cap.
    packages: [
      "hono",
      "preact",
      "preact-render-to-string",
      "esbuild",
      "node:zlib",
      "node:http",
      "node:https",
      "node:net",
      "node:stream",
    ],
  },
  "lib/offline": {
    holds:
      "this browser's offline copy of a band: wrapped key, queued settings, the outbox (IndexedDB)",
    may: ["lib/api", "lib/minute", "lib/protocol", "lib/time"],
    packages: ["idb"],
  },
  "lib/pwa": {
    holds:
      "installable and offline: the service worker, its build, its registration",
    // The sync's status, so an update never reloads a page in the middle of a sync;
    // the offline store's name, so sign-out deletes it.
    may: ["lib/state/band_connection.ts", "lib/offline/db_name.ts"],
    packages: ["esbuild"],
  },
  "lib/state": {
    holds: "signals shared by islands",
    // lib/sim only for the virtual band, which the bundle check keeps behind a dynamic import.
    may: ["lib/api", "lib/ble", "lib/protocol", "lib/sim", "lib/offline"],
    packages: ["@preact/signals"],
  },
  "routes": {
    holds: "pages and the JSON API",
    may: [
      "components",
      "islands",
      "lib/api",
      "lib/auth",
      "lib/db",
      "lib/gadgetbridge",
      "lib/history",
      "lib/http",
      // The manifest's builder (pure JSON), which its route and _app's link share.
      "lib/pwa/manifest.ts",
      "lib/takeout",
      "lib/time",
      "lib/weather",
    ],
    packages: ["zod", "hono", "preact"],
  },
  "islands": {
    holds: "browser UI that hydrates",
    may: [
      "components",
      "lib/api",
      "lib/ble",
      "lib/history",
      "lib/protocol",
      "lib/offline/reach.ts",
      "lib/state",
      "lib/weather",
    ],
    packages: ["preact", "@preact/signals", "@simplewebauthn/browser"],
  },
  "components": {
    holds: "server-safe presentational pieces",
    may: ["lib/api", "lib/history", "lib/minute", "lib/time"],
    packages: ["preact", "d3-scale", "d3-shape"],
  },
};

/** Folders whose code runs in the browser (or is rendered into it) and what they may never reach. */
export const NEVER_REACH: Readonly<Record<string, readonly string[]>> = {
  "components": SERVER_ONLY,
  "islands": SERVER_ONLY,
  "lib/state": SERVER_ONLY,
  "lib/ble": SERVER_ONLY,
  "lib/sim": SERVER_ONLY,
  "lib/protocol": SERVER_ONLY,
  "lib/minute": SERVER_ONLY,
  "lib/api": SERVER_ONLY,
  "lib/pwa": SERVER_ONLY,
  "lib/offline": SERVER_ONLY,
};

/** Files in server folders that are the browser half of the islands layer. */
export const BROWSER_FILES_IN_SERVER_FOLDERS: readonly string[] = [
  "lib/http/island_client.ts",
];

/** Folders whose code may sit in a browser chunk only behind a dynamic import. */
export const DYNAMIC_ONLY_IN_BROWSER: readonly string[] = ["lib/sim"];

/** Project files and the specifiers each imports, as read from the sources. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Lists the specifiers a module imports or re-exports, static and dynamic. */
export function listImportSpecifiers(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|[;\s])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|(?:^|[;\s])import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const match of source.matchAll(pattern)) {
    found.push(match[1] ?? match[2] ?? match[3]);
  }
  return found;
}

/** A resolved specifier: a project file (root-relative) or a package name. */
export type ImportTarget =
  | { kind: "file"; path: string }
  | { kind: "package"; name: string };

/** Resolves a specifier written in `from` (root-relative) to a file or a package. */
export function resolveImport(from: string, specifier: string): ImportTarget {
  if (specifier.startsWith("@/")) {
    return { kind: "file", path: normalizePath(specifier.slice(2)) };
  }
  if (specifier.startsWith(".")) {
    const base = from.split("/").slice(0, -1).join("/");
    return { kind: "file", path: normalizePath(`${base}/${specifier}`) };
  }
  const bare = specifier.replace(/^npm:\/?/, "").replace(/@[^/]*$/, "");
  if (bare.startsWith("node:")) return { kind: "package", name: bare };
  const parts = bare.split("/");
  const name = bare.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return { kind: "package", name: name.replace(/@\d.*$/, "") };
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** The allow-list folder a project file belongs to (`lib/<name>`, `routes`, …), or the file itself outside them. */
export function layerOf(path: string): string {
  const parts = path.split("/");
  if (parts[0] === "lib") {
    return parts.length > 2 ? `lib/${parts[1]}` : path;
  }
  if (["routes", "islands", "components"].includes(parts[0])) return parts[0];
  return path;
}

function allows(entry: LayerEntry, layer: string, target: string): boolean {
  if (layerOf(target) === layer) return true;
  return entry.may.some((allowed) =>
    allowed === target || allowed === layerOf(target)
  );
}

/** Checks every import against the allow-list; returns one line per problem. */
export function checkImports(
  graph: ImportGraph,
  layers: Readonly<Record<string, LayerEntry>> = LAYERS,
): string[] {
  const problems: string[] = [];
  const missing = new Set<string>();
  for (const [file, specifiers] of graph) {
    const layer = layerOf(file);
    const entry = layers[layer];
    if (!entry) {
      if (!missing.has(layer)) {
        missing.add(layer);
        problems.push(
          `${layer} has no entry in the layer allow-list: add one to tools/layers.ts saying what it may import`,
        );
      }
      continue;
    }
    for (const specifier of specifiers) {
      const target = resolveImport(file, specifier);
      if (target.kind === "package") {
        if (!entry.packages.includes(target.name)) {
          problems.push(
            `${file} imports ${target.name}: ${layer} (${entry.holds}) may use ${
              entry.packages.length
                ? `only ${entry.packages.join(", ")}`
                : "no package"
            }`,
          );
        }
      } else if (!allows(entry, layer, target.path)) {
        problems.push(
          `${file} imports ${target.path}: ${layer} (${entry.holds}) may import only ${
            describeList(entry.may)
          }`,
        );
      }
    }
  }
  return problems;
}

/** Checks that no file of a browser-facing folder reaches server-only code through any chain of imports. */
export function checkReach(
  graph: ImportGraph,
  neverReach: Readonly<Record<string, readonly string[]>> = NEVER_REACH,
): string[] {
  const problems: string[] = [];
  const edges = new Map<string, string[]>();
  for (const [file, specifiers] of graph) {
    edges.set(
      file,
      specifiers.map((s) => resolveImport(file, s))
        .flatMap((t) => t.kind === "file" ? [t.path] : []),
    );
  }
  for (const file of graph.keys()) {
    const forbidden = neverReach[layerOf(file)];
    if (!forbidden) continue;
    const via = new Map<string, string>([[file, ""]]);
    const queue = [file];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const next of edges.get(current) ?? []) {
        if (via.has(next)) continue;
        via.set(next, current);
        if (forbidden.includes(layerOf(next))) {
          const chain = [next];
          for (let at = current; at !== file; at = via.get(at)!) {
            chain.unshift(at);
          }
          problems.push(
            `${file} reaches ${next} (server only) through ${
              chain.slice(0, -1).join(" -> ") || "a direct import"
            }: ${layerOf(file)} must not depend on ${forbidden.join(", ")}`,
          );
          queue.length = 0;
          break;
        }
        queue.push(next);
      }
    }
  }
  return problems;
}

/** The parts of esbuild's metafile the bundle check reads. */
export interface BundleMetafile {
  outputs: Record<string, {
    entryPoint?: string;
    imports: { path: string; kind: string; external?: boolean }[];
    inputs: Record<string, unknown>;
  }>;
}

/** Checks what the islands bundle really contains; returns one line per problem. */
export function checkBundle(metafile: BundleMetafile): string[] {
  const problems: string[] = [];
  const outputs = metafile.outputs;
  // Page entries are the roots: outputs that no other output imports.
  const imported = new Set(
    Object.values(outputs).flatMap((o) => o.imports.map((i) => i.path)),
  );
  const entries = Object.keys(outputs).filter((file) =>
    file.endsWith(".js") && !imported.has(file)
  );
  if (entries.length === 0) {
    return ["Islands bundle has no entry chunk: check the build"];
  }
  for (const [file, output] of Object.entries(outputs)) {
    const name = file.split("/").pop();
    for (const input of Object.keys(output.inputs)) {
      if (input.startsWith("node:")) {
        problems.push(`Browser chunk ${name} contains ${input}`);
      } else if (
        SERVER_ONLY.includes(layerOf(input) as typeof SERVER_ONLY[number]) &&
        !BROWSER_FILES_IN_SERVER_FOLDERS.includes(input)
      ) {
        problems.push(`Browser chunk ${name} contains server code ${input}`);
      } else if (input.startsWith("routes/")) {
        problems.push(`Browser chunk ${name} contains route code ${input}`);
      }
    }
    for (const imported of output.imports) {
      if (imported.path.startsWith("node:")) {
        problems.push(`Browser chunk ${name} imports ${imported.path}`);
      }
    }
  }
  // A page loads its entry and everything the entry imports statically before
  // it hydrates; dynamic imports load only on demand.
  for (const entry of entries) {
    for (const chunk of listStaticChunks(outputs, [entry])) {
      for (const input of Object.keys(outputs[chunk]?.inputs ?? {})) {
        const layer = layerOf(input);
        if (DYNAMIC_ONLY_IN_BROWSER.includes(layer)) {
          problems.push(
            `Page bundle ${entry.split("/").pop()} loads ${input} (in ${
              chunk.split("/").pop()
            }): ${layer} may only be loaded through a dynamic import`,
          );
          break;
        }
      }
    }
  }
  return [...new Set(problems)];
}

function listStaticChunks(
  outputs: BundleMetafile["outputs"],
  start: string[],
): string[] {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const imported of outputs[queue.shift()!]?.imports ?? []) {
      if (imported.kind !== "import-statement" || imported.external) continue;
      if (seen.has(imported.path)) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...seen];
}

function describeList(items: readonly string[]): string {
  return items.length ? items.join(", ") : "nothing outside itself";
}
