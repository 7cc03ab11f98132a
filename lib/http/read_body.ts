// Request bodies read while streaming against a byte limit: the reader stops at
// the first chunk past the limit, so an endless chunked body costs at most the
// limit in memory and answers 413.
import { badRequest, HttpError } from "./errors.ts";

/** 413 for a body over `maxBytes`. */
export function bodyTooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    "too_large",
    `Cannot read request: body is larger than ${maxBytes} bytes`,
  );
}

/** Reads a whole body, throwing a 413 `HttpError` as soon as it passes `maxBytes`. */
export async function readBodyBytes(
  req: Request,
  maxBytes: number,
): Promise<Uint8Array> {
  const declared = Number(req.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw bodyTooLarge(maxBytes);
  if (req.body === null) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw bodyTooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof HttpError) throw error;
    throw badRequest("Cannot read request: the body ended early");
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Reads a urlencoded form under `maxBytes` as plain strings; other content types get 415. */
export async function readUrlEncodedForm(
  req: Request,
  maxBytes: number,
): Promise<Record<string, string>> {
  const type = req.headers.get("Content-Type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new HttpError(
      415,
      "unsupported_media_type",
      "Cannot read form: send it as application/x-www-form-urlencoded",
    );
  }
  const bytes = await readBodyBytes(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("Cannot read form: it is not valid UTF-8");
  }
  // A null prototype, so a field named `__proto__` stays a plain field.
  const fields: Record<string, string> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) fields[name] = value;
  return fields;
}
