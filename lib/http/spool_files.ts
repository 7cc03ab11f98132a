// Files on disk for the jobs too big for memory: an uploaded Gadgetbridge
// database or takeout (spooled while it streams in, then read twice), and a
// Gadgetbridge export (built, then streamed out). They share one name prefix,
// so a start after a crash can sweep what the crash left behind, and one gate,
// so a few people uploading 512 MiB at once cannot fill the disk or starve the
// server: past `maxRunning` jobs the next is told to come back.
import { HttpError } from "./errors.ts";

/** The prefix of every spool file's name, in the system's temp folder. */
export const SPOOL_PREFIX = "band-web-spool-";

/** Seconds a refused job is asked to wait. */
export const SPOOL_BUSY_RETRY_SECONDS = 60;

/** An hour: no spool file lives that long, so older ones are a crash's leftovers. */
export const STALE_SPOOL_MS = 3_600_000;

/** Creates an empty spool file for a job of `kind` ("gadgetbridge", "takeout"); returns its path. */
export async function createSpoolFile(kind: string): Promise<string> {
  return await Deno.makeTempFile({ prefix: `${SPOOL_PREFIX}${kind}-` });
}

/** Runs at most `maxRunning` file jobs at once; the next is refused with 503 and `Retry-After`. */
export class SpoolGate {
  #running = 0;
  readonly maxRunning: number;

  constructor(maxRunning: number) {
    this.maxRunning = maxRunning;
  }

  /** How many jobs run now. */
  get running(): number {
    return this.#running;
  }

  /** Runs `job` when fewer than `maxRunning` run; `what` names it in the refusal ("import Gadgetbridge data"). */
  async run<T>(what: string, job: () => Promise<T>): Promise<T> {
    if (this.#running >= this.maxRunning) {
      throw new HttpError(
        503,
        "busy",
        `Cannot ${what} now: ${this.maxRunning} other large files are being read on this server; try again in a minute`,
        { headers: { "Retry-After": String(SPOOL_BUSY_RETRY_SECONDS) } },
      );
    }
    this.#running++;
    try {
      return await job();
    } finally {
      this.#running--;
    }
  }
}

/** The server's one gate for imports, restores and exports that spool to disk. */
export const spoolGate: SpoolGate = new SpoolGate(3);

/**
 * Removes spool files older than `olderThanMs` (a crash's leftovers) from the
 * temp folder; returns how many. Files of jobs still running elsewhere are
 * younger than that and stay.
 */
export async function sweepStaleSpoolFiles(
  options: { now: number; olderThanMs?: number; dir?: string },
): Promise<number> {
  const dir = options.dir ?? await findTempFolder();
  const limit = options.now - (options.olderThanMs ?? STALE_SPOOL_MS);
  let removed = 0;
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.isFile || !entry.name.startsWith(SPOOL_PREFIX)) continue;
    const path = `${dir}/${entry.name}`;
    const info = await Deno.stat(path).catch(() => null);
    const modified = info?.mtime?.getTime();
    if (modified === undefined || modified >= limit) continue;
    await Deno.remove(path).then(() => removed++, () => {});
  }
  return removed;
}

// Where Deno puts temp files (TMPDIR, else the system's): learnt from one.
async function findTempFolder(): Promise<string> {
  const probe = await Deno.makeTempFile({ prefix: `${SPOOL_PREFIX}probe-` });
  await Deno.remove(probe);
  return probe.slice(0, probe.lastIndexOf("/"));
}
