// The route contract, kept to Fresh's shape so a later move to Fresh is
// mechanical: a route exports `handler` (per HTTP method) and/or a default page.
import type { ComponentChildren, ComponentType } from "preact";
import type { AppConfig } from "../../fresh.config.ts";

/** The signed-in person, as routes see them. */
export interface SessionUser {
  id: string;
  username: string;
  role: "owner" | "member";
  timeZone?: string;
}

/** Per-request state that middleware fills in and routes read. */
export interface AppState {
  config: AppConfig;
  kv: Deno.Kv;
  /** The current instant in epoch ms: routes ask this, never `Date.now()`, so tests can pin it. */
  now: () => number;
  /** The request's id, sent as `X-Request-Id` and shown on error pages ("" when requests are not logged). */
  requestId: string;
  /** The signed-in person, when there is a valid session. */
  user?: SessionUser;
  /** The session id and its CSRF token, when signed in. */
  session?: { id: string; csrfToken: string };
  /** The client's address (from the socket, or `X-Forwarded-For` behind a trusted proxy). */
  clientAddress: string;
  /** Whether the request reached the app over https (directly or through a trusted proxy). */
  secure: boolean;
  /** The person's formatting locale, from Accept-Language (see lib/time/locale.ts). */
  locale?: string;
  /** Free slots for middleware of later features. */
  [key: string]: unknown;
}

/** What a handler or middleware receives. */
export interface RouteContext<S = AppState> {
  req: Request;
  url: URL;
  params: Record<string, string>;
  state: S;
}

/** Data for the page component, with an optional status and headers. */
export interface PageResult<D> {
  readonly kind: "page";
  data: D;
  status?: number;
  headers?: HeadersInit;
}

/** One method's handler: a Response, or data for the route's page. */
export type HandlerFn<D = unknown, S = AppState> = (
  ctx: RouteContext<S>,
) => Response | PageResult<D> | Promise<Response | PageResult<D>>;

/** A route's handlers, one per HTTP method. */
export type Handlers<D = unknown, S = AppState> = Partial<
  Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", HandlerFn<D, S>>
>;

/** Props of a page component. */
export interface PageProps<D = unknown, S = AppState> {
  data: D;
  url: URL;
  params: Record<string, string>;
  state: S;
}

/** Props of `_app.tsx`: the page to wrap. */
export interface AppProps<S = AppState> extends PageProps<unknown, S> {
  Component: ComponentType<Record<string, never>>;
  children?: ComponentChildren;
}

/** A middleware: runs before the routes beside and below it; calls `next()` to continue. */
export type Middleware<S = AppState> = (
  ctx: RouteContext<S> & { next: () => Promise<Response> },
) => Response | Promise<Response>;

/** Marks handler output as data for the route's page component. */
export function page<D>(
  data: D,
  init: { status?: number; headers?: HeadersInit } = {},
): PageResult<D> {
  return { kind: "page", data, ...init };
}

/** Tells a page result from a Response. */
export function isPageResult(value: unknown): value is PageResult<unknown> {
  return typeof value === "object" && value !== null &&
    (value as { kind?: unknown }).kind === "page";
}
