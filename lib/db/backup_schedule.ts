// Periodic backups from inside the server (BACKUP_DIR, BACKUP_EVERY,
// BACKUP_KEEP): one snapshot per period, the oldest beyond the last N removed.
import { BackupError, writeBackup } from "./backup.ts";

const SUFFIX = ".kvbackup.gz";

/** A backup's file name for an instant: sortable, so name order is time order. */
export function backupFileName(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, "").replace(
    /\.\d+Z$/,
    "Z",
  );
  return `band-web-${stamp}${SUFFIX}`;
}

/** Writes one backup into `dir` and removes all but the newest `keep`. */
export async function backupAndPrune(
  kv: Deno.Kv,
  options: { dir: string; keep: number; now: number },
): Promise<string> {
  await Deno.mkdir(options.dir, { recursive: true });
  const { path } = await writeBackup(
    kv,
    `${options.dir}/${backupFileName(options.now)}`,
    { now: options.now },
  );
  const names: string[] = [];
  for await (const e of Deno.readDir(options.dir)) {
    if (e.isFile && e.name.startsWith("band-web-") && e.name.endsWith(SUFFIX)) {
      names.push(e.name);
    }
  }
  names.sort();
  for (const name of names.slice(0, Math.max(0, names.length - options.keep))) {
    await Deno.remove(`${options.dir}/${name}`);
  }
  return path;
}

/** Starts periodic backups; returns a function that stops them. */
export function startBackupSchedule(
  kv: Deno.Kv,
  options: { dir: string; everyMs: number; keep: number; now?: () => number },
): () => void {
  const now = options.now ?? Date.now;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const path = await backupAndPrune(kv, { ...options, now: now() });
      console.log(`Backup written: ${path}`);
    } catch (error) {
      console.error(
        error instanceof BackupError
          ? error.message
          : `Cannot back up: ${(error as Error).message}`,
      );
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, options.everyMs);
  return () => clearInterval(timer);
}
