// Entry point: `deno task start` serves the app with its data in a local KV file.
import { loadConfig, readProcessEnv } from "./fresh.config.ts";
import { manifest } from "./fresh.gen.ts";
import { startServer } from "./lib/http/server.ts";

const root = new URL(".", import.meta.url).pathname.replace(/\/$/, "");
await startServer({ config: loadConfig(readProcessEnv()), manifest, root });
