// Serves files from a folder: static/ at the site root, and the islands build
// under /build/ with long-lived caching (its names carry a content hash).
import type { MiddlewareHandler } from "hono";

const CONTENT_TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  json: "application/json",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  txt: "text/plain; charset=utf-8",
  webmanifest: "application/manifest+json",
  woff2: "font/woff2",
};

/** Maps a URL path to a file inside `dir`, refusing anything that escapes it. */
export function resolveStaticPath(
  dir: string,
  urlPath: string,
): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const parts = decoded.split("/").filter(Boolean);
  if (
    parts.length === 0 ||
    parts.some((p) =>
      p === ".." || p === "." || p.includes("\\") || p.includes("\0")
    )
  ) {
    return undefined;
  }
  return `${dir}/${parts.join("/")}`;
}

async function fileResponse(
  path: string,
  cacheControl: string,
): Promise<Response | undefined> {
  try {
    const info = await Deno.stat(path);
    if (!info.isFile) return undefined;
    const body = await Deno.readFile(path);
    const ext = path.split(".").pop() ?? "";
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[ext] ?? "application/octet-stream",
        "Cache-Control": cacheControl,
      },
    });
  } catch (error) {
    if (
      error instanceof Deno.errors.NotFound ||
      error instanceof Deno.errors.NotADirectory
    ) return undefined;
    throw error;
  }
}

/** Serves `static/` files at the site root; falls through to routes when no file matches. */
export function serveStaticFiles(dir: string): MiddlewareHandler {
  return async function serveStaticMiddleware(c, next) {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return await next();
    const path = resolveStaticPath(dir, new URL(c.req.url).pathname);
    const response = path
      ? await fileResponse(path, "public, max-age=3600")
      : undefined;
    if (!response) return await next();
    return response;
  };
}

/** Serves the islands build with immutable caching; unknown files are 404. */
export function serveBuild(dir: string): MiddlewareHandler {
  return async function serveBuildMiddleware(c, next) {
    const name = new URL(c.req.url).pathname.replace(/^\/build\//, "");
    const path = resolveStaticPath(dir, name);
    const response = path && name !== "manifest.json"
      ? await fileResponse(path, "public, max-age=31536000, immutable")
      : undefined;
    if (!response) return await next();
    return response;
  };
}
