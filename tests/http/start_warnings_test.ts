import assert from "node:assert/strict";
import { loadConfig } from "../../fresh.config.ts";
import { listStartWarnings } from "../../lib/http/server.ts";

Deno.test("listStartWarnings() says nothing for the loopback default", () => {
  assert.deepEqual(listStartWarnings(loadConfig({})), []);
});

Deno.test("listStartWarnings() warns on a public address without a proxy, TLS or PUBLIC_URL", () => {
  const warnings = listStartWarnings(loadConfig({ LISTEN_ADDRESS: "0.0.0.0" }));
  assert.equal(warnings.length, 2);
  assert.match(
    warnings[0],
    /without a reverse proxy: put Caddy in front \(docs\/Caddyfile\)/,
  );
  assert.match(warnings[1], /PUBLIC_URL is not set/);
  assert.deepEqual(
    listStartWarnings(loadConfig({
      LISTEN_ADDRESS: "0.0.0.0",
      TRUST_PROXY: "true",
      PUBLIC_URL: "https://band.example",
    })),
    [],
  );
});
