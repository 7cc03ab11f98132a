// Whole-store backup and restore through the KV API alone, so it works the same
// on a local file, a KV Connect URL and Deno Deploy, while the server runs.
//
// Consistency: KV has no snapshot read across pages, so a backup lists the store
// twice and keeps the file only when both listings saw the same keys with the
// same versionstamps. Every key then held its value over the whole gap between
// the passes, so the file is the store as it was at one instant in that gap.
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupEnd,
  type BackupHeader,
  decodeEntry,
  encodeEntry,
  ListingDigest,
} from "./backup_format.ts";
import { KV_LIMITS, measureKey, measureValue } from "./kv_limits.ts";

/** A backup or restore that cannot go on, with a message for the person running it. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** What a backup wrote. */
export interface BackupResult {
  path: string;
  entries: number;
  bytes: number;
}

const encoder = new TextEncoder();
const FLUSH_BYTES = 64 * 1024;

/** Writes a consistent backup of every KV entry to `path` (via `path.partial`, renamed when complete). */
export async function writeBackup(
  kv: Deno.Kv,
  path: string,
  options: { now: number; attempts?: number },
): Promise<BackupResult> {
  const attempts = options.attempts ?? 5;
  const partial = `${path}.partial`;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const written = await writePass(kv, partial, options.now);
    const check = new ListingDigest();
    for await (const e of kv.list({ prefix: [] })) {
      check.add(e.key, e.versionstamp);
    }
    if (check.finish() === written.digest) {
      await Deno.rename(partial, path);
      const { size } = await Deno.stat(path);
      return { path, entries: written.entries, bytes: size };
    }
  }
  await Deno.remove(partial).catch(() => {});
  throw new BackupError(
    `Cannot back up: the store changed during each of ${attempts} passes: try again when it is quieter`,
  );
}

async function writePass(kv: Deno.Kv, path: string, now: number) {
  const file = await Deno.open(path, {
    write: true,
    create: true,
    truncate: true,
  });
  const gzip = new CompressionStream("gzip");
  const piped = gzip.readable.pipeTo(file.writable);
  const writer = gzip.writable.getWriter();
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(now).toISOString(),
  };
  let chunk = JSON.stringify(header) + "\n";
  const digest = new ListingDigest();
  for await (const entry of kv.list({ prefix: [] })) {
    digest.add(entry.key, entry.versionstamp);
    chunk += encodeEntry(entry) + "\n";
    if (chunk.length >= FLUSH_BYTES) {
      await writer.write(encoder.encode(chunk));
      chunk = "";
    }
  }
  const end: BackupEnd = {
    end: true,
    entries: digest.count,
    digest: digest.finish(),
  };
  await writer.write(encoder.encode(chunk + JSON.stringify(end) + "\n"));
  await writer.close();
  await piped;
  return { entries: end.entries, digest: end.digest };
}

/** Reads a backup's lines: the header, then each entry, checking the end line. */
async function* readBackupLines(path: string): AsyncGenerator<unknown> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path);
  } catch {
    throw new BackupError(`Cannot restore: cannot open ${path}`);
  }
  const text = file.readable
    .pipeThrough(new DecompressionStream("gzip"))
    .pipeThrough(new TextDecoderStream());
  let rest = "";
  try {
    for await (const piece of text) {
      rest += piece;
      let newline: number;
      while ((newline = rest.indexOf("\n")) >= 0) {
        const line = rest.slice(0, newline);
        rest = rest.slice(newline + 1);
        if (line !== "") yield JSON.parse(line);
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      "Cannot restore: the file is damaged, truncated or not a Band Web backup",
    );
  }
  if (rest.trim() !== "") {
    throw new BackupError("Cannot restore: the file ends mid-line (truncated)");
  }
}

function checkHeader(line: unknown): BackupHeader {
  const header = line as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT || typeof header.version !== "number") {
    throw new BackupError("Cannot restore: the file is not a Band Web backup");
  }
  if (header.version > BACKUP_VERSION) {
    throw new BackupError(
      `Cannot restore: the backup is format version ${header.version} and this Band Web reads up to ${BACKUP_VERSION}: update Band Web first`,
    );
  }
  return header as BackupHeader;
}

/** Reads a whole backup without writing anything; throws unless it is complete and intact. */
export async function verifyBackup(
  path: string,
): Promise<{ header: BackupHeader; entries: number }> {
  let header: BackupHeader | undefined;
  let end: BackupEnd | undefined;
  const digest = new ListingDigest();
  for await (const line of readBackupLines(path)) {
    if (header === undefined) {
      header = checkHeader(line);
    } else if (end !== undefined) {
      throw new BackupError("Cannot restore: lines follow the end marker");
    } else if ((line as Partial<BackupEnd>).end === true) {
      end = line as BackupEnd;
    } else {
      const { key, versionstamp } = decodeEntry(line);
      digest.add(key, versionstamp);
    }
  }
  if (header === undefined) {
    throw new BackupError("Cannot restore: the file is empty");
  }
  if (end === undefined) {
    throw new BackupError(
      "Cannot restore: the backup is truncated (no end marker)",
    );
  }
  if (end.entries !== digest.count || end.digest !== digest.finish()) {
    throw new BackupError(
      "Cannot restore: the backup's entries do not match its end marker",
    );
  }
  return { header, entries: end.entries };
}

/** Batches writes into atomic operations that stay within hosted KV's limits. */
class LimitedBatch {
  #kv: Deno.Kv;
  #atomic: Deno.AtomicOperation;
  #mutations = 0;
  #bytes = 0;
  #keyBytes = 0;

  constructor(kv: Deno.Kv) {
    this.#kv = kv;
    this.#atomic = kv.atomic();
  }

  async add(key: Deno.KvKey, value?: unknown): Promise<void> {
    const keyBytes = measureKey(key);
    const bytes = keyBytes + (value === undefined ? 0 : measureValue(value));
    if (
      this.#mutations + 1 > KV_LIMITS.maxMutations ||
      this.#bytes + bytes > KV_LIMITS.maxCommitBytes ||
      this.#keyBytes + keyBytes > KV_LIMITS.maxCommitKeyBytes
    ) await this.flush();
    if (value === undefined) this.#atomic.delete(key);
    else this.#atomic.set(key, value);
    this.#mutations++;
    this.#bytes += bytes;
    this.#keyBytes += keyBytes;
  }

  async flush(): Promise<void> {
    if (this.#mutations === 0) return;
    const result = await this.#atomic.commit();
    if (!result.ok) throw new BackupError("Cannot restore: a write failed");
    this.#atomic = this.#kv.atomic();
    this.#mutations = this.#bytes = this.#keyBytes = 0;
  }
}

/** Loads a verified backup into `kv`; refuses a non-empty store unless `force`, which first empties it. */
export async function restoreBackup(
  kv: Deno.Kv,
  path: string,
  options: { force?: boolean } = {},
): Promise<{ entries: number; removed: number }> {
  const { entries } = await verifyBackup(path);
  let removed = 0;
  for await (const _ of kv.list({ prefix: [] }, { limit: 1 })) {
    if (!options.force) {
      throw new BackupError(
        "Cannot restore: the store is not empty: restore into an empty store, or pass --force to replace everything in it",
      );
    }
    const wipe = new LimitedBatch(kv);
    for await (const e of kv.list({ prefix: [] })) {
      await wipe.add(e.key);
      removed++;
    }
    await wipe.flush();
  }
  const load = new LimitedBatch(kv);
  let first = true;
  for await (const line of readBackupLines(path)) {
    if (first || (line as Partial<BackupEnd>).end === true) {
      first = false;
      continue;
    }
    const { key, value } = decodeEntry(line);
    await load.add(key, value);
  }
  await load.flush();
  return { entries, removed };
}
