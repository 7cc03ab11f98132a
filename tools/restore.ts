// `deno task restore FILE [--force]`: loads a backup into an empty store
// (KV_PATH); `--force` first removes everything the store holds.
import { loadConfig, readProcessEnv } from "../fresh.config.ts";
import { BackupError, restoreBackup } from "../lib/db/backup.ts";
import { describeKvLocation, openKv } from "../lib/http/open_kv.ts";

const force = Deno.args.includes("--force");
const path = Deno.args.find((a) => !a.startsWith("--"));
if (path === undefined) {
  console.error("Usage: deno task restore FILE [--force]");
  Deno.exit(2);
}
const config = loadConfig(readProcessEnv());
const kv = await openKv(config.kv);
try {
  const { entries, removed } = await restoreBackup(kv, path, { force });
  console.log(
    `Restored ${entries} entries into ${describeKvLocation(config.kv)}${
      removed > 0 ? ` after removing ${removed}` : ""
    }`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  Deno.exitCode = 1;
} finally {
  kv.close();
}
