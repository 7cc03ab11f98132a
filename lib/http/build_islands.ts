// Bundles the islands for the browser with esbuild: one entry that hydrates,
// one chunk per island, shared chunks split out, content-hashed file names.
import * as esbuild from "esbuild";
import { islandNameFromPath } from "./islands.ts";

/** What a build produced, as the server needs it to write script tags. */
export interface IslandsBuild {
  /** URL path of the entry module, e.g. `/build/entry-ABC123.js`. */
  entry: string;
  /** URL paths of chunks the entry imports statically (for modulepreload). */
  preload: string[];
  /** Build time in milliseconds. */
  elapsedMs: number;
}

/** Options for one islands build. */
export interface BuildOptions {
  /** Project root (absolute path). */
  root: string;
  /** Island module paths relative to the root, e.g. `./islands/AddBandButton.tsx`. */
  islands: string[];
  /** Output folder (absolute). */
  outDir: string;
  /** Minify and drop dev-only code. */
  production?: boolean;
}

/** Where builds go and where the server serves them from. */
export const BUILD_URL_PREFIX = "/build/";

/** Generates the entry module's source: a loader per island. */
export function islandsEntrySource(islands: string[]): string {
  const lines = islands.map((path) =>
    `  ${JSON.stringify(islandNameFromPath(path))}: () => import(${
      JSON.stringify(path)
    }),`
  );
  return [
    `import { hydrateIslands } from "./lib/http/island_client.ts";`,
    `hydrateIslands({`,
    ...lines,
    `});`,
  ].join("\n");
}

/** Runs esbuild and writes `manifest.json` and `metafile.json` beside the output. */
export async function buildIslands(
  options: BuildOptions,
): Promise<IslandsBuild> {
  const started = performance.now();
  await Deno.remove(options.outDir, { recursive: true }).catch(() => {});
  const result = await esbuild.build({
    stdin: {
      contents: islandsEntrySource(options.islands),
      resolveDir: options.root,
      sourcefile: "islands_entry.ts",
      loader: "ts",
    },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["chrome120"],
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: options.production ?? true,
    sourcemap: options.production === false ? "inline" : false,
    outdir: options.outDir,
    entryNames: "entry-[hash]",
    chunkNames: "chunk-[hash]",
    metafile: true,
    absWorkingDir: options.root,
    write: true,
    logLevel: "silent",
    alias: { "@": options.root },
    define: {
      "process.env.NODE_ENV": options.production === false
        ? '"development"'
        : '"production"',
    },
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entryOutput = outputs.find(([file]) =>
    /(^|\/)entry-[^/]+\.js$/.test(file)
  );
  if (!entryOutput) {
    throw new Error("Cannot build islands: esbuild produced no entry");
  }
  const toUrl = (file: string) => BUILD_URL_PREFIX + file.split("/").pop();
  const build: IslandsBuild = {
    entry: toUrl(entryOutput[0]),
    preload: entryOutput[1].imports.filter((i) => i.kind === "import-statement")
      .map((i) => toUrl(i.path)),
    elapsedMs: Math.round(performance.now() - started),
  };
  await Deno.writeTextFile(
    `${options.outDir}/manifest.json`,
    JSON.stringify(build, null, 2),
  );
  // What each chunk contains and imports, for the bundle check in tools/check_layers.ts.
  await Deno.writeTextFile(
    `${options.outDir}/${METAFILE_NAME}`,
    JSON.stringify(result.metafile),
  );
  return build;
}

/** File beside the build's manifest holding esbuild's metafile. */
export const METAFILE_NAME = "metafile.json";

/** Reads a build's esbuild metafile (written by {@link buildIslands}). */
export async function readIslandsMetafile(
  outDir: string,
): Promise<esbuild.Metafile> {
  return JSON.parse(
    await Deno.readTextFile(`${outDir}/${METAFILE_NAME}`),
  ) as esbuild.Metafile;
}

/** Reads a previous build's manifest, or undefined when there is none. */
export async function readIslandsBuild(
  outDir: string,
): Promise<IslandsBuild | undefined> {
  try {
    return JSON.parse(
      await Deno.readTextFile(`${outDir}/manifest.json`),
    ) as IslandsBuild;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** Stops esbuild's service so a process (or test) can exit cleanly. */
export function stopBuilder(): Promise<void> {
  return esbuild.stop();
}
