// The server speaking https itself (TLS_CERT_FILE, TLS_KEY_FILE) through the
// same node:https listener. fixtures/: a test CA and a localhost certificate it
// signed (P-256, valid 2000 to 2199, made by fixtures/make_certs.sh), for this
// test only.
import assert from "node:assert/strict";
import { startServerProcess } from "./server_process.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

Deno.test("[server] with TLS_CERT_FILE the server answers over https with HSTS and Secure cookies", async () => {
  const server = await startServerProcess({
    TLS_CERT_FILE: `${FIXTURES}localhost_cert.pem`,
    TLS_KEY_FILE: `${FIXTURES}localhost_key.pem`,
  });
  const client = Deno.createHttpClient({
    caCerts: [await Deno.readTextFile(`${FIXTURES}test_ca.pem`)],
  });
  try {
    const site = `https://localhost:${server.port}`;
    const res = await fetch(`${site}/api/setup`, { client } as RequestInit);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/json");
    assert.deepEqual(await res.json(), { needsSetup: true });
    assert.equal(
      res.headers.get("strict-transport-security"),
      "max-age=31536000",
    );
    const setup = await fetch(`${site}/api/setup`, {
      client,
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: site },
      body: JSON.stringify({
        username: "owner",
        password: "correct horse battery",
      }),
    } as RequestInit);
    assert.equal(setup.status, 201);
    await setup.body?.cancel();
    assert.match(setup.headers.get("set-cookie") ?? "", /; Secure(;|$)/);
  } finally {
    client.close();
    await server.stop();
  }
});
