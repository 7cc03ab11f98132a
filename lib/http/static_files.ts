// Serves files through Hono's serveStatic: static/ at the site root (cached for an
// hour), and the islands build under /build/ (cached for good: its names carry a
// content hash), each build file with its precompressed .br or .gz when the client
// accepts one.
import type { MiddlewareHandler } from "hono";
import { serveStatic } from "hono/deno";

const BUILD_PREFIX = /^\/build\//;

/** Serves `static/` files at the site root; falls through to routes when no file matches. */
export function serveStaticFiles(dir: string): MiddlewareHandler {
  return serveStatic({
    root: dir,
    onFound: (_path, c) => {
      c.header("Cache-Control", "public, max-age=3600");
    },
  });
}

/** Serves the islands build with immutable caching, precompressed; unknown files are 404. */
export function serveBuild(dir: string): MiddlewareHandler {
  const serve = serveStatic({
    root: dir,
    precompressed: true,
    rewriteRequestPath: (path) => path.replace(BUILD_PREFIX, "/"),
    onFound: (_path, c) => {
      c.header("Cache-Control", "public, max-age=31536000, immutable");
      c.header("Vary", "Accept-Encoding");
    },
  });
  return async function serveBuildMiddleware(c, next) {
    // Only the built scripts are public: not the manifest, not the .br/.gz twins.
    if (!/^\/build\/[\w-]+\.js$/.test(c.req.path)) return await next();
    return await serve(c, next);
  };
}
