// `deno task dev`: rebuilds the manifest and islands, then serves; run under
// `deno run --watch`, so any change restarts this process and rebuilds.
import { loadConfig, readProcessEnv } from "./fresh.config.ts";

const root = new URL(".", import.meta.url).pathname.replace(/\/$/, "");
const build = new Deno.Command(Deno.execPath(), {
  args: ["run", "-A", `${root}/tools/build.ts`, "--dev"],
});
const { success } = await build.spawn().status;
if (!success) {
  console.error(
    "Cannot build islands: see the errors above; serving the last good build",
  );
}
const { manifest } = await import("./fresh.gen.ts");
const { startServer } = await import("./lib/http/server.ts");
await startServer({ config: loadConfig(readProcessEnv()), manifest, root });
