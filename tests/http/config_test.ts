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

Deno.test("loadConfig() reads periodic backups and strict KV limits", () => {
  const none = loadConfig({});
  assert.equal(none.backups, undefined);
  assert.equal(none.kvStrictLimits, false);
  const on = loadConfig({
    BACKUP_DIR: "/var/backups/band-web",
    BACKUP_EVERY: "12h",
    KV_STRICT_LIMITS: "true",
  });
  assert.deepEqual(on.backups, {
    dir: "/var/backups/band-web",
    everyMs: 43_200_000,
    keep: 7,
  });
  assert.equal(on.kvStrictLimits, true);
  assert.throws(
    () => loadConfig({ BACKUP_DIR: "b", BACKUP_KEEP: "0" }),
    /BACKUP_KEEP must be a whole number of at least 1/,
  );
});

Deno.test("loadConfig() reads the public origin, allowed hosts, proxies, timeouts and connection cap", () => {
  const defaults = loadConfig({});
  assert.equal(defaults.publicUrl, undefined);
  assert.equal(defaults.allowedHosts, undefined);
  assert.equal(defaults.trustedProxies.length, 2);
  assert.equal(defaults.headersTimeoutMs, 10_000);
  assert.equal(defaults.requestTimeoutMs, 120_000);
  assert.equal(defaults.maxConnections, 768);
  const config = loadConfig({
    PUBLIC_URL: "https://Band.Example/",
    ALLOWED_HOSTS: "band.lan:8000, Other.lan",
    TRUSTED_PROXIES: "10.0.0.0/8",
    HEADERS_TIMEOUT_SECONDS: "2.5",
    REQUEST_TIMEOUT_SECONDS: "30",
    MAX_CONNECTIONS: "4000",
  });
  assert.equal(config.publicUrl, "https://band.example");
  assert.deepEqual(config.allowedHosts, ["band.lan:8000", "other.lan"]);
  assert.equal(config.trustedProxies.length, 1);
  assert.equal(config.headersTimeoutMs, 2500);
  assert.equal(config.requestTimeoutMs, 30_000);
  assert.equal(config.maxConnections, 4000);
  assert.throws(
    () => loadConfig({ PUBLIC_URL: "https://band.example/app" }),
    /PUBLIC_URL must be an origin such as https:\/\/band.example, got "https:\/\/band.example\/app"/,
  );
  assert.throws(
    () => loadConfig({ TRUSTED_PROXIES: "10.0.0.0/99" }),
    /TRUSTED_PROXIES must list addresses or ranges/,
  );
  assert.throws(
    () => loadConfig({ HEADERS_TIMEOUT_SECONDS: "0" }),
    /HEADERS_TIMEOUT_SECONDS must be seconds/,
  );
  assert.throws(
    () => loadConfig({ MAX_CONNECTIONS: "-1" }),
    /MAX_CONNECTIONS must be a positive whole number/,
  );
});
