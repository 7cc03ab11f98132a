import assert from "node:assert/strict";
import {
  buildIslands,
  readIslandsBuild,
  stopBuilder,
} from "../../lib/http/build_islands.ts";
import { ROOT } from "../support/test_app.ts";

Deno.test({
  name:
    "buildIslands() emits a hashed entry that hydrates, and one chunk per island",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ dir: ROOT, prefix: "_build_test_" });
    try {
      await Deno.writeTextFile(
        `${dir}/One.tsx`,
        `export default function One() { return <p>one</p>; }`,
      );
      await Deno.writeTextFile(
        `${dir}/Two.tsx`,
        `export default function Two() { return <p>two</p>; }`,
      );
      const rel = dir.slice(ROOT.length + 1);
      const out = `${dir}/out`;
      const build = await buildIslands({
        root: ROOT,
        islands: [`./${rel}/One.tsx`, `./${rel}/Two.tsx`],
        outDir: out,
      });
      assert.match(build.entry, /^\/build\/entry-[A-Z0-9]+\.js$/);
      const entry = await Deno.readTextFile(
        `${out}/${build.entry.slice("/build/".length)}`,
      );
      assert.match(entry, /data-island/, "the entry runs the hydration code");
      const chunks = [...Deno.readDirSync(out)].map((e) => e.name).filter((n) =>
        n.startsWith("chunk-")
      );
      assert.ok(
        chunks.length >= 2,
        `expected a chunk per island, got ${chunks.join(", ")}`,
      );
      const again = await buildIslands({
        root: ROOT,
        islands: [`./${rel}/One.tsx`, `./${rel}/Two.tsx`],
        outDir: out,
      });
      assert.equal(
        again.entry,
        build.entry,
        "same sources give the same content hash",
      );
      assert.deepEqual(await readIslandsBuild(out), again);
    } finally {
      await stopBuilder();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
