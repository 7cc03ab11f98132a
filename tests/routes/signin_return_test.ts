import assert from "node:assert/strict";
import { readReturnPath } from "../../routes/signin.tsx";

function next(value: string): string {
  const url = new URL("http://localhost/signin");
  url.searchParams.set("next", value);
  return readReturnPath(url);
}

Deno.test("readReturnPath() keeps a path on this site", () => {
  assert.equal(
    next("/devices/0d6c2c1e-1111-4a2b-9c3d-123456789abc"),
    "/devices/0d6c2c1e-1111-4a2b-9c3d-123456789abc",
  );
  assert.equal(
    next("/devices/x/history?view=week"),
    "/devices/x/history?view=week",
  );
  assert.equal(readReturnPath(new URL("http://localhost/signin")), "/");
});

Deno.test("readReturnPath() refuses another origin or a scheme", () => {
  for (
    const bad of [
      "//evil.example/",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "devices/x",
      "/devices/x\nSet-Cookie: a=b",
    ]
  ) {
    assert.equal(next(bad), "/", bad);
  }
});
