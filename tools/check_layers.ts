// `deno task check`'s layer check: every import in lib/, routes/, islands/ and
// components/ against the allow-list in tools/layers.ts, what browser-facing code
// reaches through any chain of imports, and what a fresh islands bundle really
// contains according to esbuild's metafile.
import {
  buildIslands,
  readIslandsMetafile,
  stopBuilder,
} from "../lib/http/build_islands.ts";
import { scanProject } from "../lib/http/manifest_gen.ts";
import {
  checkBundle,
  checkImports,
  checkReach,
  listImportSpecifiers,
} from "./layers.ts";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

async function walk(dir: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(`${root}/${dir}`)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) files.push(...await walk(path));
    else if (/\.tsx?$/.test(entry.name)) files.push(path);
  }
  return files;
}

const graph = new Map<string, string[]>();
for (const top of ["lib", "routes", "islands", "components"]) {
  for (const file of await walk(top)) {
    graph.set(
      file,
      listImportSpecifiers(await Deno.readTextFile(`${root}/${file}`)),
    );
  }
}

const outDir = await Deno.makeTempDir({ prefix: "band-web-layers-" });
let bundleProblems: string[];
try {
  const { islands } = await scanProject(root);
  await buildIslands({ root, islands, outDir });
  bundleProblems = checkBundle(await readIslandsMetafile(outDir));
} finally {
  await stopBuilder();
  await Deno.remove(outDir, { recursive: true });
}

const problems = [
  ...checkImports(graph),
  ...checkReach(graph),
  ...bundleProblems,
];
if (problems.length > 0) {
  console.error(`Layer check failed:\n${problems.join("\n")}`);
  Deno.exit(1);
}
console.log(
  `Layer check passed: ${graph.size} modules, islands bundle checked`,
);
