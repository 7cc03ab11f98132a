import assert from "node:assert/strict";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { chooseEncoding } from "../../lib/http/compress.ts";
import { createTestApp } from "../support/test_app.ts";

Deno.test("chooseEncoding() prefers brotli, honours q-values and refusals", () => {
  assert.equal(chooseEncoding("gzip, deflate, br")?.name, "br");
  assert.equal(chooseEncoding("gzip")?.name, "gzip");
  assert.equal(chooseEncoding("br;q=0.5, gzip")?.name, "gzip");
  assert.equal(chooseEncoding("br;q=0, gzip;q=0"), undefined);
  assert.equal(chooseEncoding("*")?.name, "br");
  assert.equal(chooseEncoding("identity"), undefined);
  assert.equal(chooseEncoding(undefined), undefined);
});

async function pageScript(
  app: Awaited<ReturnType<typeof createTestApp>>["app"],
): Promise<string> {
  const html = await (await app.request("/setup")).text();
  const src = /<script type="module" src="(\/build\/page-[^"]+\.js)"/.exec(
    html,
  )?.[1];
  assert.ok(src, "the setup page loads a page bundle");
  return src;
}

Deno.test("[http] pages are compressed with brotli or gzip as the client accepts, and vary on it", async () => {
  const { app, close } = await createTestApp();
  try {
    const plain = await app.request("/setup");
    const html = await plain.text();
    assert.equal(plain.headers.get("content-encoding"), null);
    // Pages vary on the session cookie too (lib/http/private_responses.ts).
    assert.deepEqual(
      plain.headers.get("vary")?.split(/,\s*/).sort(),
      ["Accept-Encoding", "Cookie"],
    );
    const br = await app.request("/setup", {
      headers: { "Accept-Encoding": "gzip, deflate, br" },
    });
    assert.equal(br.headers.get("content-encoding"), "br");
    const brBytes = new Uint8Array(await br.arrayBuffer());
    assert.ok(brBytes.byteLength < html.length / 2, "brotli halves the page");
    assert.equal(brotliDecompressSync(brBytes).toString(), html);
    const gz = await app.request("/setup", {
      headers: { "Accept-Encoding": "gzip" },
    });
    assert.equal(gz.headers.get("content-encoding"), "gzip");
    assert.equal(
      gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString(),
      html,
    );
    const css = await app.request("/styles.css", {
      headers: { "Accept-Encoding": "gzip" },
    });
    assert.equal(css.headers.get("content-encoding"), "gzip");
    assert.equal(css.headers.get("cache-control"), "public, max-age=3600");
    await css.body?.cancel();
  } finally {
    close();
  }
});

Deno.test("[http] the islands build is served precompressed, immutable, and only its scripts", async () => {
  const { app, close } = await createTestApp();
  try {
    const src = await pageScript(app);
    const raw = await app.request(src);
    const code = await raw.text();
    assert.equal(raw.headers.get("content-encoding"), null);
    assert.equal(raw.headers.get("vary"), "Accept-Encoding");
    assert.match(raw.headers.get("content-type") ?? "", /^text\/javascript/);
    for (
      const [accept, encoding, decode] of [
        ["br, gzip", "br", brotliDecompressSync],
        ["gzip", "gzip", gunzipSync],
      ] as const
    ) {
      const res = await app.request(src, {
        headers: { "Accept-Encoding": accept },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-encoding"), encoding);
      assert.equal(
        res.headers.get("cache-control"),
        "public, max-age=31536000, immutable",
      );
      assert.equal(
        decode(new Uint8Array(await res.arrayBuffer())).toString(),
        code,
      );
    }
    for (const path of [`${src}.br`, "/build/manifest.json", "/build/x.js"]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, `${path} is not served`);
      await res.body?.cancel();
    }
  } finally {
    close();
  }
});
