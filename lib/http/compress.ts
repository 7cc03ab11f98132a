// Compresses text responses on the fly: brotli when the client accepts it, else
// gzip, through the platform's CompressionStream. Responses that already carry a
// Content-Encoding (the precompressed islands build) pass through untouched.
import type { MiddlewareHandler } from "hono";
import { parseAccept } from "hono/utils/accept";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";

/** Encodings we produce, best first, with their CompressionStream format. */
const ENCODINGS = [
  { name: "br", format: "brotli" },
  { name: "gzip", format: "gzip" },
] as const;

/** Below this many bytes (when the length is known) compression costs more than it saves. */
export const COMPRESS_THRESHOLD = 1024;

/** Picks the encoding for an `Accept-Encoding` header, or undefined for none. */
export function chooseEncoding(
  acceptEncoding: string | undefined,
): typeof ENCODINGS[number] | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = parseAccept(acceptEncoding);
  const wildcard = accepted.find((a) => a.type === "*")?.q ?? 0;
  let best: { encoding: typeof ENCODINGS[number]; q: number } | undefined;
  for (const encoding of ENCODINGS) {
    const q = accepted.find((a) => a.type.toLowerCase() === encoding.name)?.q ??
      wildcard;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}

function isCompressible(response: Response, method: string): boolean {
  const type = response.headers.get("Content-Type");
  const length = response.headers.get("Content-Length");
  const cacheControl = response.headers.get("Cache-Control") ?? "";
  return method !== "HEAD" && response.body !== null &&
    response.status !== 204 && response.status !== 206 &&
    !response.headers.has("Content-Encoding") &&
    !(length !== null && Number(length) < COMPRESS_THRESHOLD) &&
    type !== null && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) &&
    !/(^|,)\s*no-transform\s*(,|$)/i.test(cacheControl);
}

/** Compresses compressible responses for clients that accept br or gzip. */
export function compressResponses(): MiddlewareHandler {
  return async function compressMiddleware(c, next) {
    await next();
    if (!isCompressible(c.res, c.req.method)) return;
    const vary = c.res.headers.get("Vary");
    if (!vary) c.res.headers.set("Vary", "Accept-Encoding");
    else if (!/accept-encoding|\*/i.test(vary)) {
      c.res.headers.set("Vary", `${vary}, Accept-Encoding`);
    }
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    if (!encoding) return;
    const compressed = new Response(
      c.res.body!.pipeThrough(new CompressionStream(encoding.format)),
      c.res,
    );
    compressed.headers.delete("Content-Length");
    compressed.headers.set("Content-Encoding", encoding.name);
    const etag = compressed.headers.get("ETag");
    if (etag && !etag.startsWith("W/")) {
      compressed.headers.set("ETag", `W/${etag}`);
    }
    c.res = undefined;
    c.res = compressed;
  };
}
