// Entry point: `deno task start` serves the app with its data in a local KV file.
// SIGTERM or SIGINT stops it gracefully: no new connections, requests in flight
// (uploads above all) finish within SHUTDOWN_GRACE_SECONDS, then KV closes. A
// second signal stops it at once.
import { loadConfig, readProcessEnv } from "./fresh.config.ts";
import { manifest } from "./fresh.gen.ts";
import { startServer } from "./lib/http/server.ts";

const root = new URL(".", import.meta.url).pathname.replace(/\/$/, "");
const server = await startServer({
  config: loadConfig(readProcessEnv()),
  manifest,
  root,
});

let stopping = false;
async function stop(signal: Deno.Signal) {
  if (stopping) Deno.exit(1);
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then stopping`);
  const { drained } = await server.shutdown();
  if (!drained) console.warn("Stopped before every request in flight ended");
  Deno.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  Deno.addSignalListener(signal, () => void stop(signal));
}
