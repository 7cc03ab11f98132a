import assert from "node:assert/strict";
import { loadConfig, parseKvLocation } from "../../fresh.config.ts";

Deno.test("loadConfig() defaults suit self-hosting on localhost", () => {
  const config = loadConfig({});
  assert.equal(config.port, 8000);
  assert.equal(config.hostname, "127.0.0.1");
  assert.deepEqual(config.kv, { kind: "file", path: "data/band-web.kv" });
  assert.equal(config.secureCookies, "auto");
  assert.equal(config.tls, undefined);
  assert.equal(config.openSignup, false);
});

Deno.test("loadConfig() reads every variable and refuses bad values with a clear message", () => {
  const config = loadConfig({
    PORT: "9001",
    LISTEN_ADDRESS: "0.0.0.0",
    KV_PATH: "https://kv.example/db",
    SECURE_COOKIES: "always",
    TLS_CERT_FILE: "c.pem",
    TLS_KEY_FILE: "k.pem",
    OPEN_SIGNUP: "yes",
    TRUST_PROXY: "1",
  });
  assert.equal(config.port, 9001);
  assert.equal(config.hostname, "0.0.0.0");
  assert.deepEqual(config.kv, { kind: "remote", url: "https://kv.example/db" });
  assert.deepEqual(config.tls, { certFile: "c.pem", keyFile: "k.pem" });
  assert.equal(config.openSignup, true);
  assert.equal(config.trustProxy, true);
  assert.throws(
    () => loadConfig({ PORT: "eighty" }),
    /PORT must be a port number, got "eighty"/,
  );
  assert.throws(
    () => loadConfig({ TLS_CERT_FILE: "c.pem" }),
    /set both TLS_CERT_FILE and TLS_KEY_FILE/,
  );
  assert.throws(
    () => loadConfig({ OPEN_SIGNUP: "maybe" }),
    /OPEN_SIGNUP must be true or false/,
  );
});

Deno.test("parseKvLocation() tells files, memory, remote and Deploy apart", () => {
  assert.deepEqual(parseKvLocation(":memory:"), { kind: "memory" });
  assert.deepEqual(parseKvLocation("deploy"), { kind: "default" });
  assert.deepEqual(parseKvLocation("/var/lib/band.kv"), {
    kind: "file",
    path: "/var/lib/band.kv",
  });
});
