import assert from "node:assert/strict";
import {
  buildIslands,
  readIslandsMetafile,
  stopBuilder,
} from "../../lib/http/build_islands.ts";
import { scanProject } from "../../lib/http/manifest_gen.ts";
import { ROOT } from "../support/test_app.ts";
import {
  type BundleMetafile,
  checkBundle,
  checkImports,
  checkReach,
  listImportSpecifiers,
  resolveImport,
} from "../../tools/layers.ts";

function graphOf(files: Record<string, string[]>): Map<string, string[]> {
  return new Map(Object.entries(files));
}

Deno.test("listImportSpecifiers() finds static, type, re-export, side-effect and dynamic imports", () => {
  const source = [
    `import { a } from "./a.ts";`,
    `import type {\n  B,\n} from "../b/b.ts";`,
    `export { c } from "./c.ts";`,
    `import "./d.ts";`,
    `const e = await import("../e.ts");`,
    `import { h } from "preact";`,
  ].join("\n");
  assert.deepEqual(listImportSpecifiers(source), [
    "./a.ts",
    "../b/b.ts",
    "./c.ts",
    "./d.ts",
    "../e.ts",
    "preact",
  ]);
});

Deno.test("resolveImport() resolves relative and @/ paths and names packages", () => {
  assert.deepEqual(resolveImport("lib/ble/ops/x.ts", "../../protocol/a.ts"), {
    kind: "file",
    path: "lib/protocol/a.ts",
  });
  assert.deepEqual(resolveImport("routes/a.tsx", "@/lib/db/keys.ts"), {
    kind: "file",
    path: "lib/db/keys.ts",
  });
  assert.deepEqual(resolveImport("islands/A.tsx", "preact/hooks"), {
    kind: "package",
    name: "preact",
  });
  assert.deepEqual(resolveImport("islands/A.tsx", "@preact/signals"), {
    kind: "package",
    name: "@preact/signals",
  });
  assert.deepEqual(resolveImport("lib/auth/p.ts", "node:crypto"), {
    kind: "package",
    name: "node:crypto",
  });
});

Deno.test("checkImports() passes allowed imports and fails each crafted violation", () => {
  assert.deepEqual(
    checkImports(graphOf({
      "lib/ble/ops/x.ts": ["../../protocol/constants.ts", "./y.ts"],
      "lib/sim/link.ts": ["../ble/transport.ts"],
      "components/A.tsx": ["preact", "../lib/time/zones.ts"],
    })),
    [],
  );
  const problems = checkImports(graphOf({
    "lib/protocol/bad.ts": ["../db/keys.ts"],
    "lib/sim/bad.ts": ["../ble/mi_band4.ts"],
    "lib/ble/bad.ts": ["zod"],
    "components/Bad.tsx": ["../islands/Thing.tsx"],
    "lib/newfolder/a.ts": ["../protocol/constants.ts"],
    "lib/newfolder/b.ts": [],
  }));
  assert.equal(problems.length, 5, problems.join("\n"));
  assert.match(
    problems[0],
    /^lib\/protocol\/bad\.ts imports lib\/db\/keys\.ts: lib\/protocol .* may import only lib\/minute\/sample\.ts$/,
  );
  assert.match(
    problems[1],
    /^lib\/sim\/bad\.ts imports lib\/ble\/mi_band4\.ts: .*lib\/ble\/transport\.ts$/,
  );
  assert.match(problems[2], /^lib\/ble\/bad\.ts imports zod: /);
  assert.match(
    problems[3],
    /^components\/Bad\.tsx imports islands\/Thing\.tsx: /,
  );
  assert.match(
    problems[4],
    /^lib\/newfolder has no entry in the layer allow-list/,
  );
});

Deno.test("checkReach() fails a component that reaches lib/db through an allowed folder, naming the chain", () => {
  const graph = graphOf({
    "components/View.tsx": ["../lib/history/view_types.ts", "./Other.tsx"],
    "components/Other.tsx": [],
    "lib/history/view_types.ts": ["./loader.ts"],
    "lib/history/loader.ts": ["../db/samples.ts"],
    "lib/db/samples.ts": [],
    "routes/page.tsx": ["../lib/db/samples.ts"],
  });
  assert.deepEqual(checkReach(graph), [
    "components/View.tsx reaches lib/db/samples.ts (server only) through lib/history/view_types.ts -> lib/history/loader.ts: components must not depend on lib/db, lib/auth, lib/http",
  ]);
  graph.set("lib/history/view_types.ts", []);
  assert.deepEqual(checkReach(graph), []);
});

// A page bundle shaped like esbuild's: the entry imports its islands statically.
function bundle(
  band: { imports: BundleMetafile["outputs"][string]["imports"] },
  chunks: Record<string, string[]> = {},
): BundleMetafile {
  const outputs: BundleMetafile["outputs"] = {
    "_build/entry-AAA.js": {
      entryPoint: "islands_entry.ts",
      imports: [{ path: "_build/chunk-BAND.js", kind: "import-statement" }],
      inputs: { "lib/http/island_client.ts": {}, "islands_entry.ts": {} },
    },
    "_build/chunk-BAND.js": {
      entryPoint: "islands/BandConnection.tsx",
      imports: band.imports,
      inputs: { "islands/BandConnection.tsx": {} },
    },
  };
  for (const [file, inputs] of Object.entries(chunks)) {
    outputs[file] = {
      imports: [],
      inputs: Object.fromEntries(inputs.map((i) => [i, {}])),
    };
  }
  return { outputs };
}

Deno.test("checkBundle() allows the simulator only behind a dynamic import", () => {
  const sim = { "_build/chunk-SIM.js": ["lib/sim/virtual_band.ts"] };
  assert.deepEqual(
    checkBundle(bundle({
      imports: [{ path: "_build/chunk-SIM.js", kind: "dynamic-import" }],
    }, sim)),
    [],
  );
  assert.deepEqual(
    checkBundle(bundle({
      imports: [{ path: "_build/chunk-SIM.js", kind: "import-statement" }],
    }, sim)),
    [
      "Page bundle entry-AAA.js loads lib/sim/virtual_band.ts (in chunk-SIM.js): lib/sim may only be loaded through a dynamic import",
    ],
  );
});

Deno.test("checkBundle() fails server code and node: modules in any browser chunk", () => {
  const problems = checkBundle(bundle({
    imports: [
      { path: "_build/chunk-X.js", kind: "dynamic-import" },
      { path: "node:fs", kind: "import-statement", external: true },
    ],
  }, {
    "_build/chunk-X.js": [
      "lib/db/keys.ts",
      "lib/auth/session.ts",
      "lib/http/app.ts",
      "node:crypto",
    ],
  }));
  assert.deepEqual(problems, [
    "Browser chunk chunk-BAND.js imports node:fs",
    "Browser chunk chunk-X.js contains server code lib/db/keys.ts",
    "Browser chunk chunk-X.js contains server code lib/auth/session.ts",
    "Browser chunk chunk-X.js contains server code lib/http/app.ts",
    "Browser chunk chunk-X.js contains node:crypto",
  ]);
});

Deno.test({
  name:
    "the project's islands bundle passes: the simulator sits only in a chunk a virtual band's page imports on demand",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const outDir = await Deno.makeTempDir({ prefix: "band-web-layers-test-" });
    try {
      const { islands } = await scanProject(ROOT);
      await buildIslands({ root: ROOT, islands, outDir });
      const metafile = await readIslandsMetafile(outDir);
      assert.deepEqual(checkBundle(metafile), []);
      const withSim = Object.entries(metafile.outputs).filter(([, o]) =>
        Object.keys(o.inputs).some((i) => i.startsWith("lib/sim/"))
      ).map(([file]) => file);
      assert.ok(withSim.length > 0, "the demo's simulator is still bundled");
      // The simulator's chunk is reached only through a dynamic import.
      const dynamicTargets = new Set(
        Object.values(metafile.outputs).flatMap((o) =>
          o.imports.filter((i) => i.kind === "dynamic-import").map((i) =>
            i.path
          )
        ),
      );
      const simChunk = withSim.find((file) => dynamicTargets.has(file));
      assert.ok(simChunk, `a page loads ${withSim} on demand`);
    } finally {
      await stopBuilder();
      await Deno.remove(outDir, { recursive: true });
    }
  },
});
