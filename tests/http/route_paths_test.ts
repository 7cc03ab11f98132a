import assert from "node:assert/strict";
import { scanProject } from "../../lib/http/manifest_gen.ts";
import {
  compareRoutes,
  folderCovers,
  isSpecialFile,
  routeFolder,
  routePattern,
} from "../../lib/http/route_paths.ts";

Deno.test("routePattern() follows Fresh's file naming", () => {
  assert.equal(routePattern("./routes/index.tsx"), "/");
  assert.equal(routePattern("./routes/devices/[id].tsx"), "/devices/:id");
  assert.equal(
    routePattern("./routes/devices/[id]/history.tsx"),
    "/devices/:id/history",
  );
  assert.equal(routePattern("./routes/api/devices/index.ts"), "/api/devices");
  assert.equal(routePattern("./routes/(auth)/signin.tsx"), "/signin");
  assert.equal(routePattern("./routes/files/[...rest].ts"), "/files/:rest{.+}");
});

Deno.test("routeFolder() and folderCovers() scope middleware to a folder", () => {
  assert.equal(routeFolder("./routes/_middleware.ts"), "/");
  assert.equal(routeFolder("./routes/api/_middleware.ts"), "/api");
  assert.equal(folderCovers("/api", "/api/devices"), true);
  assert.equal(folderCovers("/api", "/apiary"), false);
  assert.equal(folderCovers("/", "/anything"), true);
});

Deno.test("compareRoutes() puts static segments before dynamic and catch-all", () => {
  const sorted = ["/devices/:id", "/files/:rest{.+}", "/devices/new", "/"].sort(
    compareRoutes,
  );
  assert.deepEqual(sorted, [
    "/devices/new",
    "/devices/:id",
    "/files/:rest{.+}",
    "/",
  ]);
});

Deno.test("isSpecialFile() spots _app, _middleware and error pages", () => {
  assert.equal(isSpecialFile("./routes/_app.tsx"), true);
  assert.equal(isSpecialFile("./routes/api/_middleware.ts"), true);
  assert.equal(isSpecialFile("./routes/devices/[id].tsx"), false);
});

Deno.test("scanProject() skips _-prefixed helpers in islands/ but keeps routes' special files", async () => {
  const root = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${root}/islands/cards/_shared`, { recursive: true });
    await Deno.mkdir(`${root}/routes/api`, { recursive: true });
    for (
      const file of [
        "islands/A.tsx",
        "islands/cards/B.tsx",
        "islands/cards/_shared/hook.ts",
        "islands/_util.ts",
      ]
    ) {
      await Deno.writeTextFile(`${root}/${file}`, "");
    }
    for (
      const file of [
        "routes/_app.tsx",
        "routes/index.tsx",
        "routes/api/x.ts",
        "routes/api/x_test.ts",
      ]
    ) {
      await Deno.writeTextFile(`${root}/${file}`, "");
    }
    const files = await scanProject(root);
    assert.deepEqual(files.islands, [
      "./islands/A.tsx",
      "./islands/cards/B.tsx",
    ]);
    assert.deepEqual(files.routes, [
      "./routes/_app.tsx",
      "./routes/api/x.ts",
      "./routes/index.tsx",
    ]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
