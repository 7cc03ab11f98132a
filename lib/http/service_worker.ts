// Serves the service worker at /sw.js (root scope): built from lib/pwa/ for the
// current islands build on the first request (read from `deno task build`'s
// output when it matches), never cached by the browser's HTTP cache so a new
// deploy is seen at the next navigation.
import type { MiddlewareHandler } from "hono";
import { ensureServiceWorker } from "../pwa/build_sw.ts";

/** URL path of the service worker. */
export const SERVICE_WORKER_PATH = "/sw.js";

/** Answers GET /sw.js with the worker for this build. */
export function serveServiceWorker(
  options: { buildDir: string; staticDir: string },
): MiddlewareHandler {
  let source: Promise<string> | undefined;
  return async function serviceWorkerMiddleware(c) {
    source ??= ensureServiceWorker(options).catch((error) => {
      source = undefined;
      throw error;
    });
    return c.body(await source, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
      "Service-Worker-Allowed": "/",
    });
  };
}
