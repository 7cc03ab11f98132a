// Bundles the islands for the browser with esbuild: one entry per page (per set
// of islands a page can render, see page_islands.ts) that imports its islands
// statically and hydrates them, so a page's first load is one script; code an
// island loads with `import()` stays a lazy chunk. Islands whose module exports
// `lazy = true` are left out of the entry: a page's lazy islands share one module
// the entry loads with `import()` when a marker of one is first shown.
// Names carry a content hash; each file gets a .br and a .gz beside it.
import * as esbuild from "esbuild";
import { islandNameFromPath, readLazyOption } from "./islands.ts";
import { scanPageIslands } from "./page_islands.ts";
import { precompressFiles } from "./precompress.ts";

/** One entry: the islands it hydrates and the files a page with them loads. */
export interface IslandBundle {
  /** Island names (as markers carry them), sorted. */
  islands: string[];
  /** URL path of the entry module, e.g. `/build/page-ABC123.js`. */
  entry: string;
  /** URL paths of every chunk the entry imports statically, transitively (for modulepreload). */
  preload: string[];
}

/** What a build produced, as the server needs it to write script tags. */
export interface IslandsBuild {
  /** One bundle per distinct set of islands a page can render, smallest first. */
  bundles: IslandBundle[];
  /** Build time in milliseconds. */
  elapsedMs: number;
}

/** Options for one islands build. */
export interface BuildOptions {
  /** Project root (absolute path). */
  root: string;
  /** Island module paths relative to the root, e.g. `./islands/AddBandButton.tsx`. */
  islands: string[];
  /**
   * Route module paths relative to the root. Each page route gets the islands its
   * imports reach; without routes, one bundle holds every island.
   */
  routes?: string[];
  /** Output folder (absolute). */
  outDir: string;
  /** Minify and drop dev-only code. */
  production?: boolean;
}

/** Where builds go and where the server serves them from. */
export const BUILD_URL_PREFIX = "/build/";

/**
 * Generates an entry module's source: imports its islands and hydrates them.
 * Islands listed in `lazy` are not imported here: the entry hands the client a
 * loader for the page's lazy module (see {@link lazyModuleSource}).
 */
export function islandsEntrySource(
  islands: string[],
  lazy: string[] = [],
): string {
  const eager = islands.filter((path) => !lazy.includes(path));
  const deferred = islands.filter((path) => lazy.includes(path));
  const imports = eager.map((path, i) =>
    `import $${i} from ${JSON.stringify(path)};`
  );
  const entries = eager.map((path, i) =>
    `  ${JSON.stringify(islandNameFromPath(path))}: $${i},`
  );
  const names = JSON.stringify(deferred.map(islandNameFromPath));
  const hydrate = deferred.length === 0
    ? [`hydrateIslands({`, ...entries, `});`]
    : [
      `hydrateIslands({`,
      ...entries,
      `}, ${names});`,
      `hydrateLazyIslands(${names}, () => import(${
        JSON.stringify(LAZY_MODULE)
      }));`,
    ];
  const client = deferred.length === 0
    ? "hydrateIslands"
    : "hydrateIslands, hydrateLazyIslands";
  return [
    `import { ${client} } from "./lib/http/island_client.ts";`,
    ...imports,
    ...hydrate,
  ].join("\n");
}

/** Generates a page's lazy module: its default export maps each lazy island's name to its component. */
export function lazyModuleSource(lazy: string[]): string {
  return [
    ...lazy.map((path, i) => `import $${i} from ${JSON.stringify(path)};`),
    `export default {`,
    ...lazy.map((path, i) =>
      `  ${JSON.stringify(islandNameFromPath(path))}: $${i},`
    ),
    `};`,
  ].join("\n");
}

/**
 * The islands (as given) whose module exports `lazy = true`. Read by importing
 * each module, the same value the server reads when it registers the islands.
 */
export async function listLazyIslands(
  root: string,
  islands: string[],
): Promise<string[]> {
  const lazy: string[] = [];
  for (const path of islands) {
    const file = `${root}/${path.replace(/^\.\//, "")}`;
    const url = `file://${file.split("/").map(encodeURIComponent).join("/")}`;
    const mod = await import(url) as { lazy?: unknown };
    if (readLazyOption(path, mod)) lazy.push(path);
  }
  return lazy;
}

/** The distinct island sets of the pages, each sorted, smallest first. */
export async function planBundles(options: BuildOptions): Promise<string[][]> {
  if (!options.routes) return options.islands.length ? [options.islands] : [];
  const byPage = await scanPageIslands(
    options.root,
    options.routes,
    options.islands,
  );
  const sets = new Map<string, string[]>();
  for (const islands of Object.values(byPage)) {
    if (islands.length) sets.set(islands.join("\n"), islands);
  }
  return [...sets.values()].sort((a, b) =>
    a.length - b.length || a.join().localeCompare(b.join())
  );
}

const ENTRY_NAMESPACE = "islands-entry";
const LAZY_MODULE = `${ENTRY_NAMESPACE}:lazy`;

/**
 * Serves a generated entry to esbuild as the virtual module `islands-entry:page`,
 * and the page's lazy islands as `islands-entry:lazy`.
 */
function entryPlugin(
  root: string,
  islands: string[],
  lazy: string[],
): esbuild.Plugin {
  return {
    name: ENTRY_NAMESPACE,
    setup(build) {
      build.onResolve({ filter: /^islands-entry:(page|lazy)$/ }, (args) => ({
        path: args.path.slice(ENTRY_NAMESPACE.length + 1),
        namespace: ENTRY_NAMESPACE,
      }));
      build.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, (args) => ({
        contents: args.path === "page"
          ? islandsEntrySource(islands, lazy)
          : lazyModuleSource(islands.filter((path) => lazy.includes(path))),
        resolveDir: root,
        loader: "ts",
      }));
    },
  };
}

/**
 * Runs esbuild once per page bundle (in parallel), precompresses the output and
 * writes `manifest.json` beside it. Separate builds, not one with shared chunks:
 * esbuild splits shared code by file, so a chunk two pages share would carry code
 * only one of them runs (the add-band page would load every band feature's
 * protocol code); a page's own bundle is tree-shaken for that page alone.
 * Splitting stays on within a page, for the code its islands load with `import()`
 * and for its lazy islands. Those share one lazy module rather than one each:
 * esbuild puts the code an entry shares with each dynamic import into a chunk per
 * distinct set of importers, so a dozen lazy islands would turn the page's first
 * load into a dozen small scripts.
 */
export async function buildIslands(
  options: BuildOptions,
): Promise<IslandsBuild> {
  const started = performance.now();
  await Deno.remove(options.outDir, { recursive: true }).catch(() => {});
  await Deno.mkdir(options.outDir, { recursive: true });
  const sets = await planBundles(options);
  const lazy = await listLazyIslands(options.root, options.islands);
  const production = options.production ?? true;
  const results = await Promise.all(sets.map((islands) =>
    esbuild.build({
      entryPoints: [`${ENTRY_NAMESPACE}:page`],
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: ["chrome120"],
      jsx: "automatic",
      jsxImportSource: "preact",
      minify: production,
      sourcemap: production ? false : "inline",
      outdir: options.outDir,
      entryNames: "page-[hash]",
      chunkNames: "chunk-[hash]",
      metafile: true,
      absWorkingDir: options.root,
      write: true,
      logLevel: "silent",
      alias: { "@": options.root },
      plugins: [entryPlugin(options.root, islands, lazy)],
      define: {
        "process.env.NODE_ENV": production ? '"production"' : '"development"',
      },
    })
  ));
  const bundles = results.map((result, i) =>
    describeBundle(sets[i], result.metafile.outputs)
  );
  const files = new Set(
    results.flatMap((result) => Object.keys(result.metafile.outputs)),
  );
  await precompressFiles(
    [...files].map((file) => `${options.outDir}/${baseName(file)}`),
  );
  const build: IslandsBuild = {
    bundles,
    elapsedMs: Math.round(performance.now() - started),
  };
  await Deno.writeTextFile(
    `${options.outDir}/manifest.json`,
    JSON.stringify(build, null, 2),
  );
  // What each chunk of every page bundle contains and imports, for the bundle
  // check in tools/check_layers.ts.
  const metafile: esbuild.Metafile = { inputs: {}, outputs: {} };
  for (const result of results) {
    Object.assign(metafile.inputs, result.metafile.inputs);
    Object.assign(metafile.outputs, result.metafile.outputs);
  }
  await Deno.writeTextFile(
    `${options.outDir}/${METAFILE_NAME}`,
    JSON.stringify(metafile),
  );
  return build;
}

/** File beside the build's manifest holding esbuild's metafile (all page bundles together). */
export const METAFILE_NAME = "metafile.json";

/** Reads a build's esbuild metafile (written by {@link buildIslands}). */
export async function readIslandsMetafile(
  outDir: string,
): Promise<esbuild.Metafile> {
  return JSON.parse(
    await Deno.readTextFile(`${outDir}/${METAFILE_NAME}`),
  ) as esbuild.Metafile;
}

function baseName(file: string): string {
  return file.split("/").pop() ?? file;
}

function describeBundle(
  islands: string[],
  outputs: esbuild.Metafile["outputs"],
): IslandBundle {
  // Chunks loaded with import() carry an entryPoint too: find the page's own.
  const entry = Object.entries(outputs).find(([, output]) =>
    output.entryPoint === `${ENTRY_NAMESPACE}:page`
  );
  if (!entry) {
    throw new Error(
      `Cannot build islands: esbuild produced no entry for ${islands.join()}`,
    );
  }
  // Every chunk reached through static imports loads before the entry runs.
  const preload: string[] = [];
  const visit = (file: string) => {
    for (const item of outputs[file]?.imports ?? []) {
      if (item.kind !== "import-statement" || item.external) continue;
      const url = BUILD_URL_PREFIX + baseName(item.path);
      if (preload.includes(url)) continue;
      preload.push(url);
      visit(item.path);
    }
  };
  visit(entry[0]);
  return {
    islands: islands.map(islandNameFromPath).sort(),
    entry: BUILD_URL_PREFIX + baseName(entry[0]),
    preload,
  };
}

/**
 * The smallest bundle that hydrates every island a page rendered, or undefined
 * when no bundle holds them all (the build is older than the page's code).
 */
export function pickBundle(
  build: IslandsBuild,
  islands: Iterable<string>,
): IslandBundle | undefined {
  const wanted = [...islands];
  return build.bundles.find((bundle) =>
    wanted.every((name) => bundle.islands.includes(name))
  );
}

/** Reads a previous build's manifest, or undefined when there is none (or it has an older shape). */
export async function readIslandsBuild(
  outDir: string,
): Promise<IslandsBuild | undefined> {
  try {
    const build = JSON.parse(
      await Deno.readTextFile(`${outDir}/manifest.json`),
    ) as Partial<IslandsBuild>;
    return Array.isArray(build.bundles) ? build as IslandsBuild : undefined;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** Stops esbuild's service so a process (or test) can exit cleanly. */
export function stopBuilder(): Promise<void> {
  return esbuild.stop();
}
