// Takeout and restore in one call per route: stream the archive out; or spool
// the upload, check it whole, write it, and always delete the temp file.
import type { TakeoutRestoreResult } from "../api/takeout_schemas.ts";
import type { ReadArchiveLimits } from "./read_archive.ts";
import { checkArchive } from "./check_archive.ts";
import { restoreArchive, type RestoreOptions } from "./restore_archive.ts";
import { spoolBody } from "./spool_body.ts";
import { spoolGate } from "../http/spool_files.ts";

export { streamTakeout, type TakeoutOptions } from "./write_takeout.ts";
export { buildTakeoutFileName } from "./file_name.ts";

/** Options of `restoreTakeoutUpload`. */
export interface RestoreUploadOptions extends RestoreOptions {
  maxBytes: number;
  limits?: ReadArchiveLimits;
}

/** Spools an uploaded takeout, refuses it with a 4xx unless it is whole and readable, then restores it. */
export async function restoreTakeoutUpload(
  kv: Deno.Kv,
  body: ReadableStream<Uint8Array> | null,
  options: RestoreUploadOptions,
): Promise<TakeoutRestoreResult> {
  return await spoolGate.run("restore an archive", async () => {
    const path = await spoolBody(body, options.maxBytes);
    try {
      const plan = await checkArchive(path, {
        now: options.now,
        limits: options.limits,
      });
      return await restoreArchive(kv, path, plan, options);
    } finally {
      await Deno.remove(path).catch(() => {});
    }
  });
}
