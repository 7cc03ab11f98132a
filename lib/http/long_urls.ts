// Very long request targets are refused before routing: nothing downstream (KV
// keys, logs, error pages) has to cope with them, and the log gets one short line.
import type { MiddlewareHandler } from "hono";

/** Longest accepted path and query, in characters. */
export const MAX_URL_LENGTH = 4096;

/** Answers 414 for a path and query longer than `maxLength`, without echoing it. */
export function refuseLongUrls(
  options: { maxLength?: number } = {},
): MiddlewareHandler {
  const maxLength = options.maxLength ?? MAX_URL_LENGTH;
  return async function refuseLongUrlsMiddleware(c, next) {
    const url = c.req.url;
    const start = url.indexOf("/", url.indexOf("//") + 2);
    const length = start === -1 ? 0 : url.length - start;
    if (length <= maxLength) return await next();
    const message =
      `Cannot read request: the address is ${length} characters long, at most ${maxLength}`;
    return Response.json(
      { error: { code: "uri_too_long", message } },
      { status: 414, headers: { "Cache-Control": "no-store" } },
    );
  };
}
