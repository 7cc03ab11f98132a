// Turns the generated manifest into a Hono app: middleware chains per folder,
// per-method handlers, pages wrapped in _app, and one error path for all.
import { type Context, Hono } from "hono";
import type { ComponentType } from "preact";
import type { AppConfig } from "../../fresh.config.ts";
import type {
  AppProps,
  AppState,
  Handlers,
  Middleware,
  PageProps,
  RouteContext,
} from "./define.ts";
import { isPageResult } from "./define.ts";
import { HttpError } from "./errors.ts";
import { type IslandModule, registerIslands } from "./islands.ts";
import { pageProps, renderPage } from "./render.ts";
import {
  compareRoutes,
  folderCovers,
  isSpecialFile,
  routeFolder,
  routePattern,
} from "./route_paths.ts";
import { pickLocale } from "../time/locale.ts";
import { compressResponses } from "./compress.ts";
import { secureHeaders } from "./secure_headers.ts";
import { isAllowedHost, needsAllowedHost } from "./allowed_hosts.ts";
import { limitBody } from "./body_limits.ts";
import { findClientAddress, isFromTrustedProxy } from "./client_address.ts";
import { refuseLongUrls } from "./long_urls.ts";
import { markPrivate } from "./private_responses.ts";
import {
  getRequestId,
  logError,
  type LogFormat,
  type LogWriter,
  requestLog,
  setRoutePattern,
} from "./request_log.ts";
import { serveBuild, serveStaticFiles } from "./static_files.ts";
import { serveServiceWorker, SERVICE_WORKER_PATH } from "./service_worker.ts";
import type { IslandsBuild } from "./build_islands.ts";

/** A route module as the manifest imports it. */
export interface RouteModule {
  handler?: Handlers | Middleware;
  default?: ComponentType<never>;
}

/** The generated manifest's shape. */
export interface Manifest {
  routes: Record<string, RouteModule>;
  islands: Record<string, IslandModule>;
}

/** What the app needs to run. */
export interface AppOptions {
  config: AppConfig;
  kv: Deno.Kv;
  manifest: Manifest;
  /** The islands build to serve; pages with islands fail without one. */
  build?: IslandsBuild;
  /** Absolute folder of the islands build output. */
  buildDir?: string;
  /** Absolute folder of static files. */
  staticDir?: string;
  /** The clock every route reads "now" from, in epoch ms (default `Date.now`); tests pin it. */
  now?: () => number;
  /** Where request and error log lines go; without it, only errors reach the console. */
  log?: { format: LogFormat; write: LogWriter };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Builds the Hono app from a manifest. */
export function createApp(options: AppOptions): Hono {
  const { manifest } = options;
  registerIslands(manifest.islands);
  const special = (name: string) =>
    Object.entries(manifest.routes).filter(([path]) =>
      path.endsWith(`/${name}.tsx`) || path.endsWith(`/${name}.ts`)
    );
  const appModule = special("_app").find(([path]) => routeFolder(path) === "/")
    ?.[1];
  const App = appModule?.default as ComponentType<AppProps> | undefined;
  const middlewares = special("_middleware")
    .map(([path, mod]) => ({
      folder: routeFolder(path),
      fn: mod.handler as Middleware,
    }))
    .filter((m) => typeof m.fn === "function")
    .sort((a, b) => a.folder.length - b.folder.length);
  const notFoundPage = special("_404")[0]?.[1]?.default as
    | ComponentType<PageProps>
    | undefined;
  const errorPage = special("_500")[0]?.[1]?.default as
    | ComponentType<PageProps>
    | undefined;

  const render = (
    page: ComponentType<PageProps>,
    props: PageProps,
    status = 200,
    headers?: HeadersInit,
  ) => {
    const { html } = renderPage({
      app: App,
      page,
      props,
      build: options.build,
    });
    const response = new Response(html, { status, headers });
    response.headers.set("Content-Type", "text/html; charset=utf-8");
    return response;
  };

  const renderError = (
    error: unknown,
    ctx: RouteContext,
    route: string,
  ): Response => {
    const http = error instanceof HttpError ? error : undefined;
    const requestId = ctx.state.requestId;
    if (!http) {
      logError(
        options.log?.write ?? console.error,
        options.log?.format ?? "pretty",
        {
          requestId,
          method: ctx.req.method,
          route,
          error,
          now: ctx.state.now(),
        },
      );
    }
    const status = http?.status ?? 500;
    const code = http?.code ?? "internal";
    const message = http?.message ??
      "Something went wrong on the server: try again, and check the server log";
    if (isApiPath(ctx.url.pathname) || !wantsHtml(ctx.req)) {
      const body: Record<string, unknown> = { code, message };
      if (http?.details !== undefined) body.details = http.details;
      if (!http) body.requestId = requestId;
      const response = Response.json({ error: body }, {
        status,
        headers: http?.headers,
      });
      return response;
    }
    const page = status === 404 ? notFoundPage : errorPage;
    if (!page) return new Response(message, { status, headers: http?.headers });
    try {
      return render(
        page,
        pageProps({ status, code, message, requestId }, ctx),
        status,
        http?.headers,
      );
    } catch (renderFailure) {
      console.error("Cannot render the error page", renderFailure);
      return new Response(message, { status });
    }
  };

  const runChain = async (
    ctx: RouteContext,
    path: string,
    final: () => Promise<Response>,
  ): Promise<Response> => {
    const chain = middlewares.filter((m) => folderCovers(m.folder, path));
    const run = async (index: number): Promise<Response> => {
      if (index >= chain.length) return await final();
      return await chain[index].fn({ ...ctx, next: () => run(index + 1) });
    };
    try {
      refuseUnknownHost(ctx, options.config);
      return markPrivate(await run(0));
    } catch (error) {
      return markPrivate(renderError(error, ctx, path));
    }
  };

  const app = new Hono({ strict: false });
  if (options.log) {
    app.use("*", requestLog({ ...options.log, now: options.now }));
  }
  app.use("*", refuseLongUrls());
  app.use("*", secureHeaders(options.config));
  app.use("*", compressResponses());
  if (options.buildDir) app.use(`/build/*`, serveBuild(options.buildDir));
  if (options.staticDir) app.use("*", serveStaticFiles(options.staticDir));
  if (options.buildDir && options.staticDir) {
    // The worker precaches this build's chunks and the static shell.
    app.get(
      SERVICE_WORKER_PATH,
      serveServiceWorker({
        buildDir: options.buildDir,
        staticDir: options.staticDir,
      }),
    );
  }

  const contextOf = (c: Context): RouteContext => {
    const url = publicUrl(c, isFromTrustedProxy(proxyInput(c, options)));
    // The path the router matched (percent-decoded), so checks such as CSRF's
    // `/api/` test see `/%61pi/bands` as the `/api/bands` it runs.
    url.pathname = c.req.path;
    return {
      req: c.req.raw,
      url,
      params: c.req.param() as Record<string, string>,
      state: baseState(c, url, options),
    };
  };

  const routes = Object.entries(manifest.routes)
    .filter(([path]) => !isSpecialFile(path))
    .map(([path, mod]) => ({ path, pattern: routePattern(path), mod }))
    .sort((a, b) => compareRoutes(a.pattern, b.pattern));

  for (const { path, pattern, mod } of routes) {
    const handlers =
      (typeof mod.handler === "object" ? mod.handler : undefined) as
        | Handlers
        | undefined;
    const Page = mod.default as ComponentType<PageProps> | undefined;
    const allowed = METHODS.filter((m) =>
      handlers?.[m] || (m === "GET" && Page)
    );
    app.all(pattern, limitBody(pattern), (c) => {
      setRoutePattern(c, pattern);
      const ctx = contextOf(c);
      const method = ctx.req.method === "HEAD"
        ? "GET"
        : ctx.req.method as typeof METHODS[number];
      return runChain(
        ctx,
        routeFolder(path) === "/" ? pattern : pattern,
        async () => {
          const fn = handlers?.[method];
          if (!fn && !(method === "GET" && Page)) {
            throw new HttpError(
              405,
              "method_not_allowed",
              `Cannot ${ctx.req.method} ${ctx.url.pathname}: use ${
                allowed.join(", ")
              }`,
              {
                headers: { Allow: allowed.join(", ") },
              },
            );
          }
          const result = fn ? await fn(ctx) : undefined;
          if (result instanceof Response) return result;
          if (!Page) {
            throw new Error(
              `Route ${path} returned page data but has no page component`,
            );
          }
          const data = isPageResult(result) ? result.data : undefined;
          return render(
            Page,
            pageProps(data, ctx),
            isPageResult(result) ? result.status : 200,
            isPageResult(result) ? result.headers : undefined,
          );
        },
      );
    });
  }

  app.all("*", (c) => {
    setRoutePattern(c, "(not found)");
    const ctx = contextOf(c);
    return runChain(ctx, "(not found)", () => {
      throw new HttpError(
        404,
        "not_found",
        `Cannot find ${ctx.url.pathname}: check the address`,
      );
    });
  });
  return app;
}

function proxyInput(c: Context, options: AppOptions) {
  return {
    socketAddress: (c.env as { remoteAddr?: { hostname?: string } } | undefined)
      ?.remoteAddr?.hostname,
    trustProxy: options.config.trustProxy,
    trustedProxies: options.config.trustedProxies,
  };
}

function baseState(c: Context, url: URL, options: AppOptions): AppState {
  return {
    config: options.config,
    kv: options.kv,
    now: options.now ?? Date.now,
    requestId: getRequestId(c),
    clientAddress: findClientAddress({
      ...proxyInput(c, options),
      forwardedFor: c.req.header("x-forwarded-for"),
    }),
    secure: url.protocol === "https:",
    locale: pickLocale(c.req.header("accept-language")),
  };
}

function refuseUnknownHost(ctx: RouteContext, config: AppConfig) {
  if (!needsAllowedHost(ctx.req.method, ctx.url.pathname)) return;
  if (isAllowedHost(ctx.url, config)) return;
  throw new HttpError(
    403,
    "unknown_host",
    `Cannot accept request: this server does not answer as ${
      ctx.url.host.slice(0, 100)
    } (set PUBLIC_URL or ALLOWED_HOSTS)`,
  );
}

/**
 * The URL as the browser sees it: behind a trusted reverse proxy that ends TLS,
 * the forwarded scheme and host replace the proxy-to-app hop's, so origin
 * checks and secure cookies see https.
 */
export function publicUrl(c: Context, fromTrustedProxy: boolean): URL {
  const url = new URL(c.req.url);
  if (!fromTrustedProxy) return url;
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim();
  const scheme = proto === "https" || proto === "http"
    ? proto
    : url.protocol.slice(0, -1);
  try {
    const origin = new URL(`${scheme}://${host ?? url.host}`);
    return new URL(url.pathname + url.search, origin);
  } catch {
    return url;
  }
}

/** Whether a path belongs to the JSON API. */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

function wantsHtml(req: Request): boolean {
  const accept = req.headers.get("accept") ?? "";
  return accept === "" || accept.includes("text/html") ||
    accept.includes("*/*");
}
