// One log line per request, and one per unhandled error, both carrying the
// request id the response sends as `X-Request-Id`. A line names the route
// pattern (`/devices/:id`), never the raw path or query, and holds no cookie,
// key, token, body or personal data, so logs can be shipped anywhere.
import type { Context, MiddlewareHandler } from "hono";

/** How log lines are written: JSON Lines, or a short human-readable line (`LOG_FORMAT=pretty`). */
export type LogFormat = "json" | "pretty";

/** Where a log line goes (stdout in the server; a collector in tests). */
export type LogWriter = (line: string) => void;

/** One request, as logged. */
export interface RequestLogLine {
  time: string;
  level: "info";
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  /** Bytes of the body sent, as sent (compressed where it was). */
  bytes: number;
}

/** One unhandled error, as logged. */
export interface ErrorLogLine {
  time: string;
  level: "error";
  requestId: string;
  method: string;
  route: string;
  error: string;
  stack?: string;
}

const ROUTE_KEY = "routePattern";
const ID_KEY = "requestId";

/** A new request id: 16 hex digits, random. */
export function createRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Formats a log line in the configured format. */
export function formatLogLine(
  line: RequestLogLine | ErrorLogLine,
  format: LogFormat,
): string {
  if (format === "json") return JSON.stringify(line);
  if (line.level === "error") {
    return `${line.time} ERROR ${line.method} ${line.route} [${line.requestId}] ${line.error}${
      line.stack ? `\n${line.stack}` : ""
    }`;
  }
  return `${line.time} ${line.method} ${line.route} ${line.status} ${line.durationMs}ms ${line.bytes}B [${line.requestId}]`;
}

/** Records which route pattern answers a request, for its log line. */
export function setRoutePattern(c: Context, pattern: string): void {
  c.set(ROUTE_KEY as never, pattern as never);
}

/** The id of the request being answered ("" outside the logging middleware). */
export function getRequestId(c: Context): string {
  return (c.get(ID_KEY as never) as string | undefined) ?? "";
}

/** Logs every request once its body has been sent, and tags the response with `X-Request-Id`. */
export function requestLog(
  options: { format: LogFormat; write: LogWriter; now?: () => number },
): MiddlewareHandler {
  const now = options.now ?? Date.now;
  return async function requestLog(c, next) {
    const requestId = createRequestId();
    c.set(ID_KEY as never, requestId as never);
    const started = performance.now();
    await next();
    const route = (c.get(ROUTE_KEY as never) as string | undefined) ??
      "(static)";
    const log = (bytes: number) =>
      options.write(formatLogLine({
        time: new Date(now()).toISOString(),
        level: "info",
        requestId,
        method: c.req.method.slice(0, 16),
        route,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
        bytes,
      }, options.format));
    let res = c.res;
    try {
      res.headers.set("X-Request-Id", requestId);
    } catch {
      res = new Response(res.body, res);
      res.headers.set("X-Request-Id", requestId);
    }
    if (res.body === null) {
      log(0);
      c.res = res;
      return;
    }
    // Count the body as it streams out; log when it ends or is cut off.
    let bytes = 0;
    let logged = false;
    const once = () => {
      if (!logged) log(bytes);
      logged = true;
    };
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
        flush: once,
        cancel: once,
      }),
    );
    c.res = undefined;
    c.res = new Response(counted, res);
  };
}

/** Logs an unhandled error with its request id and stack; the person sees only the id. */
export function logError(
  write: LogWriter,
  format: LogFormat,
  input: {
    requestId: string;
    method: string;
    route: string;
    error: unknown;
    now: number;
  },
): void {
  const error = input.error instanceof Error
    ? input.error
    : new Error(String(input.error));
  write(formatLogLine({
    time: new Date(input.now).toISOString(),
    level: "error",
    requestId: input.requestId,
    method: input.method.slice(0, 16),
    route: input.route,
    error: `${error.name}: ${error.message}`.slice(0, 500),
    stack: error.stack,
  }, format));
}
