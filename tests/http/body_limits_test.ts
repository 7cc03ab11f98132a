import assert from "node:assert/strict";
import { createTestApp } from "../support/test_app.ts";
import { signIn } from "../support/signed_in.ts";
import { FORM_MAX_BYTES, JSON_MAX_BYTES } from "../../lib/http/body_limits.ts";
import { MAX_UPLOAD_BYTES } from "../../lib/api/sample_schemas.ts";

/** A chunked body (no Content-Length) of `total` bytes that counts how much was pulled. */
function countingBody(total: number, fill = 0x61) {
  const chunk = new Uint8Array(16 * 1024).fill(fill);
  const seen = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) return controller.close();
      seen.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, seen };
}

function post(
  path: string,
  body: ReadableStream<Uint8Array> | string,
  headers: Record<string, string>,
) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { Origin: "http://localhost", ...headers },
    // @ts-ignore: a streamed request body needs duplex
    duplex: "half",
  });
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const JSON_TYPE = { "Content-Type": "application/json" };

for (const path of ["/signin", "/setup", "/signout", "/invite/abc"]) {
  Deno.test(`[routes] POST ${path} refuses a chunked form over 16 KiB with 413 without reading it all`, async () => {
    const { app, close } = await createTestApp();
    try {
      const { stream, seen } = countingBody(512 * 1024 * 1024);
      const res = await app.request(post(path, stream, FORM));
      assert.equal(res.status, 413);
      assert.match(res.headers.get("content-type") ?? "", /json/);
      const body = await res.json();
      assert.equal(body.error.code, "too_large");
      assert.ok(
        seen.pulled <= FORM_MAX_BYTES + 64 * 1024,
        `read ${seen.pulled} bytes of the body`,
      );
    } finally {
      close();
    }
  });
}

Deno.test("[api] POST /api/setup refuses a chunked JSON body over 64 KiB with 413", async () => {
  const { app, close } = await createTestApp();
  try {
    const { stream, seen } = countingBody(256 * 1024 * 1024);
    const res = await app.request(post("/api/setup", stream, JSON_TYPE));
    assert.equal(res.status, 413);
    assert.equal((await res.json()).error.code, "too_large");
    assert.ok(seen.pulled <= JSON_MAX_BYTES + 64 * 1024);
  } finally {
    close();
  }
});

Deno.test("[api] sample uploads have their own larger limit", async () => {
  const { app, kv, close } = await createTestApp();
  try {
    const me = await signIn(kv, "http://localhost");
    const headers = {
      ...JSON_TYPE,
      Cookie: me.cookieHeader,
      "X-CSRF-Token": me.csrfToken,
    };
    const under = countingBody(512 * 1024, 0x20);
    const small = await app.request(
      post("/api/bands/unknown/samples", under.stream, headers),
    );
    // Past the body limit (512 KiB is over the API's 64 KiB): the band is unknown.
    assert.equal(small.status, 404);
    await small.body?.cancel();
    const over = countingBody(64 * 1024 * 1024, 0x20);
    const large = await app.request(
      post("/api/bands/unknown/samples", over.stream, headers),
    );
    assert.equal(large.status, 413);
    await large.body?.cancel();
    assert.ok(over.seen.pulled <= MAX_UPLOAD_BYTES + 64 * 1024);
  } finally {
    close();
  }
});

Deno.test("[routes] POST /devices/new answers 415 with a clear message for a body that is not a form", async () => {
  const { app, kv, close } = await createTestApp();
  try {
    const me = await signIn(kv, "http://localhost");
    const res = await app.request(post("/devices/new", '{"kind":"virtual"}', {
      ...JSON_TYPE,
      Cookie: me.cookieHeader,
      Accept: "application/json",
    }));
    assert.equal(res.status, 415);
    assert.equal(
      (await res.json()).error.message,
      "Cannot read form: send it as application/x-www-form-urlencoded",
    );
  } finally {
    close();
  }
});

Deno.test("[routes] POST /devices/new refuses a chunked form over 16 KiB with 413", async () => {
  const { app, kv, close } = await createTestApp();
  try {
    const me = await signIn(kv, "http://localhost");
    const { stream } = countingBody(64 * 1024 * 1024);
    const res = await app.request(
      post("/devices/new", stream, { ...FORM, Cookie: me.cookieHeader }),
    );
    assert.equal(res.status, 413);
    await res.body?.cancel();
  } finally {
    close();
  }
});
