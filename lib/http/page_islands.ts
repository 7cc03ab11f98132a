// Which islands each page can render, read from the import graph: esbuild walks
// every page route (and `_app`, whose islands every page carries) without writing
// anything, and the islands among each route's inputs are that page's islands.
// The islands build then bundles one entry per distinct set, so a page loads the
// code of its own islands and nothing else, whatever the islands are.
import * as esbuild from "esbuild";

/** Matches page routes (`.tsx`) that are not the app shell or middleware. */
function isPageRoute(path: string): boolean {
  return /\.tsx$/.test(path) && !/\/_(app|middleware)\.tsx$/.test(path);
}

/** Maps each page route (as given) to the islands (as given) its import graph reaches, sorted. */
export async function scanPageIslands(
  root: string,
  routes: string[],
  islands: string[],
): Promise<Record<string, string[]>> {
  const pages = routes.filter(isPageRoute);
  const shell = routes.filter((path) => /\/_app\.tsx$/.test(path));
  const reached = await listInputsByEntry(root, [...pages, ...shell]);
  const islandOf = new Map(islands.map((path) => [normalize(path), path]));
  const islandsIn = (route: string) =>
    (reached.get(normalize(route)) ?? []).flatMap((input) => {
      const island = islandOf.get(input);
      return island ? [island] : [];
    });
  const shared = shell.flatMap(islandsIn);
  return Object.fromEntries(pages.map((route) => [
    route,
    [...new Set([...shared, ...islandsIn(route)])].sort(),
  ]));
}

/** `./islands/A.tsx` and `islands/A.tsx` → `islands/A.tsx`. */
function normalize(path: string): string {
  return path.replace(/^\.\//, "");
}

// Bare and scheme imports (npm packages, node: built-ins) cannot hold islands.
const externals: esbuild.Plugin = {
  name: "externals",
  setup(build) {
    build.onResolve({ filter: /^(npm|jsr|node|https?):/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

async function listInputsByEntry(
  root: string,
  entries: string[],
): Promise<Map<string, string[]>> {
  if (entries.length === 0) return new Map();
  const result = await esbuild.build({
    entryPoints: entries.map(normalize),
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    outdir: "_scan",
    format: "esm",
    platform: "neutral",
    packages: "external",
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "silent",
    alias: { "@": root },
    plugins: [externals],
  });
  const byEntry = new Map<string, string[]>();
  for (const output of Object.values(result.metafile.outputs)) {
    if (output.entryPoint) {
      byEntry.set(normalize(output.entryPoint), Object.keys(output.inputs));
    }
  }
  return byEntry;
}
