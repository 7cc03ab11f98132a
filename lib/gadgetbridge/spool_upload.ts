// An upload spooled to a temp file while it streams in, under a byte limit, so
// a database of hundreds of megabytes never sits in memory. A ZIP backup is
// unpacked on the fly: only its `database/Gadgetbridge` entry reaches the file.
import { Unzip, UnzipInflate } from "fflate";
import { badRequest, HttpError } from "../http/errors.ts";
import { createSpoolFile } from "../http/spool_files.ts";

/** Where Gadgetbridge's ZIP backup keeps the database. */
export const ZIP_DATABASE_PATH = "database/Gadgetbridge";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    "too_large",
    `Cannot import Gadgetbridge data: the upload is larger than ${maxBytes} bytes`,
  );
}

function startsWithZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Writes chunks to an open file in order, counting bytes against a limit. */
class LimitedFile {
  #file: Deno.FsFile;
  #max: number;
  size = 0;

  constructor(file: Deno.FsFile, max: number) {
    this.#file = file;
    this.#max = max;
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.size += chunk.byteLength;
    if (this.size > this.#max) throw tooLarge(this.#max);
    for (let at = 0; at < chunk.byteLength;) {
      at += await this.#file.write(chunk.subarray(at));
    }
  }
}

/** Feeds a ZIP stream and collects the database entry's bytes as they unpack. */
class ZipDatabaseEntry {
  #unzip = new Unzip();
  #pending: Uint8Array[] = [];
  #error: Error | null = null;
  found = false;
  complete = false;

  constructor() {
    this.#unzip.register(UnzipInflate);
    this.#unzip.onfile = (file) => {
      if (file.name !== ZIP_DATABASE_PATH || this.found) return;
      this.found = true;
      file.ondata = (error, data, final) => {
        if (error) this.#error = error;
        else {
          this.#pending.push(data);
          if (final) this.complete = true;
        }
      };
      file.start();
    };
  }

  /** Pushes compressed bytes; returns the unpacked bytes they released. */
  push(chunk: Uint8Array, final: boolean): Uint8Array[] {
    try {
      this.#unzip.push(chunk, final);
    } catch (error) {
      this.#error = error as Error;
    }
    if (this.#error) {
      throw badRequest(
        `Cannot import Gadgetbridge data: the ZIP file is damaged (${this.#error.message})`,
      );
    }
    return this.#pending.splice(0);
  }
}

/**
 * Streams a request body into a new temp file and returns its path: the body
 * itself, or the `database/Gadgetbridge` entry when the body is a ZIP. Throws
 * 413 past `maxBytes` (of the body, and of the unpacked entry), 400 for a
 * body that ends early or a ZIP without the database; the file is deleted then.
 */
export async function spoolUpload(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<string> {
  if (body === null) {
    throw badRequest("Cannot import Gadgetbridge data: the body is empty");
  }
  const path = await createSpoolFile("gadgetbridge");
  const file = await Deno.open(path, { write: true, truncate: true });
  const reader = body.getReader();
  try {
    const out = new LimitedFile(file, maxBytes);
    let received = 0;
    let zip: ZipDatabaseEntry | null | undefined;
    while (true) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch {
        throw badRequest(
          "Cannot import Gadgetbridge data: the upload ended early",
        );
      }
      if (result.done) break;
      const chunk = result.value;
      received += chunk.byteLength;
      if (received > maxBytes) throw tooLarge(maxBytes);
      // A first chunk shorter than the magic is rare enough to treat as a plain file.
      zip ??= startsWithZip(chunk) ? new ZipDatabaseEntry() : null;
      if (zip === null) await out.write(chunk);
      else for (const part of zip.push(chunk, false)) await out.write(part);
    }
    if (zip) {
      for (const part of zip.push(new Uint8Array(0), true)) {
        await out.write(part);
      }
      if (!zip.found) {
        throw badRequest(
          `Cannot import Gadgetbridge data: the ZIP file has no ${ZIP_DATABASE_PATH}`,
        );
      }
      if (!zip.complete) {
        throw badRequest(
          `Cannot import Gadgetbridge data: the ZIP file ends inside ${ZIP_DATABASE_PATH}`,
        );
      }
    }
    if (out.size === 0) {
      throw badRequest("Cannot import Gadgetbridge data: the body is empty");
    }
    file.close();
    return path;
  } catch (error) {
    await reader.cancel().catch(() => {});
    try {
      file.close();
    } catch { /* already closed */ }
    await Deno.remove(path).catch(() => {});
    throw error;
  }
}
