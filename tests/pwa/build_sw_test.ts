import assert from "node:assert/strict";
import {
  compileServiceWorker,
  planServiceWorker,
  SHELL_FILES,
} from "../../lib/pwa/build_sw.ts";
import { projectPaths } from "../../lib/http/server.ts";
import { stopBuilder } from "../../lib/http/build_islands.ts";
import { ROOT } from "../support/test_app.ts";
import { MANIFEST_PATH } from "../../lib/pwa/manifest.ts";

async function withBuildDir(
  files: string[],
  fn: (buildDir: string) => Promise<void>,
): Promise<void> {
  const buildDir = await Deno.makeTempDir({ prefix: "band-web-sw-" });
  try {
    for (const name of files) {
      await Deno.writeTextFile(`${buildDir}/${name}`, "");
    }
    await fn(buildDir);
  } finally {
    await Deno.remove(buildDir, { recursive: true });
  }
}

Deno.test("planServiceWorker() precaches the shell and every script of the build, not its manifest", async () => {
  await withBuildDir(
    [
      "page-B.js",
      "chunk-A.js",
      "manifest.json",
      "page-B.js.br",
      "page-B.js.gz",
    ],
    async (buildDir) => {
      const plan = await planServiceWorker({ ...projectPaths(ROOT), buildDir });
      assert.deepEqual(plan.precache, [
        ...SHELL_FILES,
        "/build/chunk-A.js",
        "/build/page-B.js",
      ]);
      assert.match(plan.version, /^[0-9a-f]{16}$/);
    },
  );
});

Deno.test("planServiceWorker() gives a new build (other hashes) a new version, the same build the same", async () => {
  const versionOf = async (files: string[]) => {
    let version = "";
    await withBuildDir(files, async (buildDir) => {
      version =
        (await planServiceWorker({ ...projectPaths(ROOT), buildDir })).version;
    });
    return version;
  };
  const first = await versionOf(["page-AAAA.js"]);
  assert.equal(await versionOf(["page-AAAA.js"]), first);
  assert.notEqual(await versionOf(["page-BBBB.js"]), first);
});

Deno.test({
  name:
    "compileServiceWorker() defines the version and precache list into one script",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    try {
      const source = await compileServiceWorker({
        version: "v-test",
        precache: ["/styles.css", "/build/page-X.js"],
      });
      assert.ok(source.startsWith("// version v-test\n"));
      assert.ok(source.includes('"/build/page-X.js"'));
      assert.ok(source.includes("v-test"));
      assert.doesNotMatch(source, /\bimport\b|__SW_VERSION__|__SW_PRECACHE__/);
    } finally {
      await stopBuilder();
    }
  },
});

Deno.test("SHELL_FILES leaves out the manifest, which lists the signed-in person's bands", () => {
  assert.equal(MANIFEST_PATH, "/manifest.webmanifest");
  assert.ok(!SHELL_FILES.includes(MANIFEST_PATH));
});
