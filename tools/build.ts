// `deno task build`: regenerates fresh.gen.ts, then bundles the islands.
import { buildIslands, stopBuilder } from "../lib/http/build_islands.ts";
import {
  generateManifestSource,
  scanProject,
} from "../lib/http/manifest_gen.ts";
import { projectPaths } from "../lib/http/server.ts";
import { ensureServiceWorker } from "../lib/pwa/build_sw.ts";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const files = await scanProject(root);
const source = generateManifestSource(files);
const target = `${root}/fresh.gen.ts`;
const current = await Deno.readTextFile(target).catch(() => "");
if (Deno.args.includes("--check")) {
  // `deno task check`: the committed manifest must list every route and island.
  if (current !== source) {
    console.error(
      "fresh.gen.ts is out of date: run deno task build and commit it",
    );
    Deno.exit(1);
  }
  console.log("fresh.gen.ts is up to date");
  Deno.exit(0);
}
if (current !== source) {
  await Deno.writeTextFile(target, source);
  console.log("Wrote fresh.gen.ts");
}
const production = !Deno.args.includes("--dev");
const build = await buildIslands({
  root,
  islands: files.islands,
  routes: files.routes,
  outDir: projectPaths(root).buildDir,
  production,
});
// The service worker precaches this build's chunks, so it is built after them.
await ensureServiceWorker(projectPaths(root));
await stopBuilder();
console.log(
  `Built ${files.islands.length} islands into ${build.bundles.length} page bundles in ${build.elapsedMs} ms`,
);
