// `deno task backup [FILE]`: writes a consistent snapshot of the whole store
// (KV_PATH: a file, a KV Connect URL or `deploy`), while the server may run.
import { loadConfig, readProcessEnv } from "../fresh.config.ts";
import { BackupError, writeBackup } from "../lib/db/backup.ts";
import { backupFileName } from "../lib/db/backup_schedule.ts";
import { describeKvLocation, openKv } from "../lib/http/open_kv.ts";

const config = loadConfig(readProcessEnv());
const now = Date.now();
const path = Deno.args[0] ?? `backups/${backupFileName(now)}`;
if (path.includes("/")) {
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
}
const kv = await openKv(config.kv);
try {
  const result = await writeBackup(kv, path, { now });
  console.log(
    `Backed up ${result.entries} entries from ${
      describeKvLocation(config.kv)
    } to ${result.path} (${result.bytes} bytes)`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  Deno.exitCode = 1;
} finally {
  kv.close();
}
