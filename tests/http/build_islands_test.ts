import assert from "node:assert/strict";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import {
  buildIslands,
  type IslandsBuild,
  pickBundle,
  readIslandsBuild,
  stopBuilder,
} from "../../lib/http/build_islands.ts";
import { ROOT } from "../support/test_app.ts";

// A throwaway project inside the root: two islands, a page per island, a page
// with both, and a page with none.
async function writeProject(dir: string): Promise<string> {
  const rel = dir.slice(ROOT.length + 1);
  await Deno.mkdir(`${dir}/islands`, { recursive: true });
  await Deno.mkdir(`${dir}/routes`, { recursive: true });
  await Deno.writeTextFile(
    `${dir}/islands/One.tsx`,
    `export default function One() {
      const later = () => import("./later.ts");
      return <p onClick={later}>one-only-text</p>;
    }`,
  );
  await Deno.writeTextFile(
    `${dir}/islands/later.ts`,
    `export const later = "lazy-only-text";`,
  );
  await Deno.writeTextFile(
    `${dir}/islands/Two.tsx`,
    `export default function Two() { return <p>two-only-text</p>; }`,
  );
  const page = (name: string, islands: string[]) =>
    Deno.writeTextFile(
      `${dir}/routes/${name}.tsx`,
      [
        ...islands.map((i) => `import ${i} from "../islands/${i}.tsx";`),
        `export default function Page() { return <main>${
          islands.map((i) => `<${i} />`).join("")
        }</main>; }`,
      ].join("\n"),
    );
  await page("one", ["One"]);
  await page("two", ["Two"]);
  await page("both", ["One", "Two"]);
  await page("none", []);
  return rel;
}

Deno.test({
  name:
    "buildIslands() emits one hashed entry per page's islands, each .js with a .br and .gz twin",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ dir: ROOT, prefix: "_build_test_" });
    try {
      const rel = await writeProject(dir);
      const out = `${dir}/out`;
      const options = {
        root: ROOT,
        islands: [`./${rel}/islands/One.tsx`, `./${rel}/islands/Two.tsx`],
        routes: ["both", "none", "one", "two"].map((r) =>
          `./${rel}/routes/${r}.tsx`
        ),
        outDir: out,
      };
      const build = await buildIslands(options);
      assert.deepEqual(
        build.bundles.map((b) => b.islands),
        [["One"], ["Two"], ["One", "Two"]],
        "a bundle per distinct set, none for the page without islands",
      );
      const read = (url: string) =>
        Deno.readTextFile(`${out}/${url.slice("/build/".length)}`);
      const only = async (url: string, preload: string[]) =>
        [await read(url), ...await Promise.all(preload.map(read))].join("\n");
      const [one, two] = build.bundles;
      const oneCode = await only(one.entry, one.preload);
      assert.match(oneCode, /one-only-text/);
      assert.doesNotMatch(oneCode, /two-only-text/, "no other page's island");
      assert.match(
        await read(one.entry),
        /data-island/,
        "the entry is the page's own, which runs the hydration code",
      );
      assert.doesNotMatch(oneCode, /lazy-only-text/, "import() stays lazy");
      assert.match(await only(two.entry, two.preload), /two-only-text/);
      for (const entry of Deno.readDirSync(out)) {
        if (!entry.name.endsWith(".js")) continue;
        const bytes = await Deno.readFile(`${out}/${entry.name}`);
        assert.deepEqual(
          brotliDecompressSync(await Deno.readFile(`${out}/${entry.name}.br`)),
          Buffer.from(bytes),
        );
        assert.deepEqual(
          gunzipSync(await Deno.readFile(`${out}/${entry.name}.gz`)),
          Buffer.from(bytes),
        );
      }
      const again = await buildIslands(options);
      assert.deepEqual(
        again.bundles,
        build.bundles,
        "same sources give the same content hashes",
      );
      assert.deepEqual(await readIslandsBuild(out), again);
    } finally {
      await stopBuilder();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

const BUILD: IslandsBuild = {
  bundles: [
    { islands: ["A"], entry: "/build/page-A.js", preload: [] },
    { islands: ["B"], entry: "/build/page-B.js", preload: [] },
    { islands: ["A", "B", "C"], entry: "/build/page-ABC.js", preload: [] },
  ],
  elapsedMs: 0,
};

Deno.test("pickBundle() takes the smallest bundle holding every island the page rendered", () => {
  assert.equal(pickBundle(BUILD, ["A"])?.entry, "/build/page-A.js");
  assert.equal(pickBundle(BUILD, ["B"])?.entry, "/build/page-B.js");
  assert.equal(pickBundle(BUILD, ["C", "A"])?.entry, "/build/page-ABC.js");
  assert.equal(pickBundle(BUILD, ["D"]), undefined);
});

Deno.test({
  name: "readIslandsBuild() ignores a manifest of an older shape",
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      await Deno.writeTextFile(
        `${dir}/manifest.json`,
        JSON.stringify({ entry: "/build/entry-X.js", preload: [] }),
      );
      assert.equal(await readIslandsBuild(dir), undefined);
      assert.equal(await readIslandsBuild(`${dir}/missing`), undefined);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "buildIslands() leaves an island that exports lazy = true out of the page's first load, in a chunk the entry imports on demand",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ dir: ROOT, prefix: "_build_test_" });
    try {
      const rel = dir.slice(ROOT.length + 1);
      await Deno.mkdir(`${dir}/islands`, { recursive: true });
      await Deno.mkdir(`${dir}/routes`, { recursive: true });
      await Deno.writeTextFile(
        `${dir}/islands/Now.tsx`,
        `export default function Now() { return <p>eager-island-text</p>; }`,
      );
      await Deno.writeTextFile(
        `${dir}/islands/Later.tsx`,
        `export const lazy = true;
        export default function Later() { return <p>lazy-island-text</p>; }`,
      );
      await Deno.writeTextFile(
        `${dir}/routes/page.tsx`,
        `import Now from "../islands/Now.tsx";
        import Later from "../islands/Later.tsx";
        export default function Page() { return <main><Now /><Later /></main>; }`,
      );
      const out = `${dir}/out`;
      const build = await buildIslands({
        root: ROOT,
        islands: [`./${rel}/islands/Later.tsx`, `./${rel}/islands/Now.tsx`],
        routes: [`./${rel}/routes/page.tsx`],
        outDir: out,
      });
      assert.equal(build.bundles.length, 1);
      const [bundle] = build.bundles;
      assert.deepEqual(bundle.islands, ["Later", "Now"]);
      const read = (url: string) =>
        Deno.readTextFile(`${out}/${url.slice("/build/".length)}`);
      const firstLoad = [
        await read(bundle.entry),
        ...await Promise.all(bundle.preload.map(read)),
      ].join("\n");
      assert.match(firstLoad, /eager-island-text/);
      assert.doesNotMatch(firstLoad, /lazy-island-text/, "lazy code waits");
      assert.match(await read(bundle.entry), /import\(/);
      const chunks = [...Deno.readDirSync(out)]
        .filter((e) => e.name.endsWith(".js"))
        .map((e) => Deno.readTextFileSync(`${out}/${e.name}`));
      assert.equal(
        chunks.filter((code) => code.includes("lazy-island-text")).length,
        1,
        "the lazy island is built, once",
      );
    } finally {
      await stopBuilder();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
