// A takeout upload spooled to a temp file while it streams in, under a byte
// limit, so restoring can read it twice (check, then write) without holding
// hundreds of megabytes in memory.
import { badRequest, HttpError } from "../http/errors.ts";
import { createSpoolFile } from "../http/spool_files.ts";

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    "too_large",
    `Cannot restore: the upload is larger than ${maxBytes} bytes`,
  );
}

/**
 * Streams a request body into a new temp file and returns its path; throws 413
 * past `maxBytes`, 400 for an empty body or one that ends early (the file is
 * deleted then).
 */
export async function spoolBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<string> {
  if (body === null) throw badRequest("Cannot restore: the body is empty");
  const path = await createSpoolFile("takeout");
  const file = await Deno.open(path, { write: true, truncate: true });
  const reader = body.getReader();
  try {
    let size = 0;
    while (true) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch {
        throw badRequest("Cannot restore: the upload ended early");
      }
      if (result.done) break;
      size += result.value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      for (let at = 0; at < result.value.byteLength;) {
        at += await file.write(result.value.subarray(at));
      }
    }
    if (size === 0) throw badRequest("Cannot restore: the body is empty");
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
