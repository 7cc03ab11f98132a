// The service worker (served at /sw.js, scope /, bundled by build_sw.ts with its
// version and precache list defined in). It precaches the app shell and every
// island chunk of this build; serves visited pages network-first with the saved
// copy (under an "Offline" banner) as the fallback and the offline page for the
// rest; never touches /api/**; waits to take over until the page asks (the
// page's "Reload to update", which waits for a sync to end); and removes other
// versions' caches on activation. Saved pages are cleared on sign-out.
import {
  insertOfflineBanner,
  isApiPath,
  isSavedPage,
  isSignedOutPage,
  listStaleCaches,
  nameCaches,
  OFFLINE_PATH,
  renderOfflineBanner,
  SAVED_AT_HEADER,
} from "./sw_policy.ts";
import { OFFLINE_DB_NAME } from "../offline/db_name.ts";

declare const __SW_VERSION__: string;
declare const __SW_PRECACHE__: string[];

// The worker's types, declared here: the project type-checks against the DOM lib.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface InstallEvent extends ExtendableEvent {
  /** Chrome's static routing API (123+): routes that never start the worker. */
  addRoutes?(
    rules: {
      condition: { urlPattern: { pathname: string } };
      source: "network";
    }[],
  ): Promise<void>;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: "install" | "activate",
    fn: (e: ExtendableEvent) => void,
  ): void;
  addEventListener(type: "fetch", fn: (e: FetchEvent) => void): void;
  addEventListener(
    type: "message",
    fn: (e: ExtendableMessageEvent) => void,
  ): void;
}

const worker = self as unknown as WorkerScope;
const VERSION = __SW_VERSION__;
const CACHES = nameCaches(VERSION);
const PRECACHE = new Set(__SW_PRECACHE__);

worker.addEventListener("install", (event) => {
  const install = event as InstallEvent;
  // The API goes straight to the network, without waking the worker: its
  // answers are never cached, and the page's requests stay the page's own.
  const routed = install.addRoutes?.([{
    condition: { urlPattern: { pathname: "/api/*" } },
    source: "network",
  }]).catch(() => {});
  event.waitUntil(Promise.all([precacheShell(), routed]));
});

worker.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const stale = listStaleCaches(await caches.keys(), VERSION);
    await Promise.all(stale.map((name) => caches.delete(name)));
    await worker.clients.claim();
  })());
});

worker.addEventListener("message", (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === "skip-waiting") event.waitUntil(worker.skipWaiting());
});

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || isApiPath(url.pathname)) return;
  if (request.mode === "navigate" && request.method === "POST") {
    // Sign-out: the saved pages and the bands kept for offline use belong
    // to the person leaving.
    if (url.pathname === "/signout") event.waitUntil(forgetPerson());
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(openPage(request, url));
  } else if (PRECACHE.has(url.pathname)) {
    event.respondWith(fromShell(request, url.pathname));
  }
});

async function precacheShell(): Promise<void> {
  const cache = await caches.open(CACHES.shell);
  // `reload` skips the HTTP cache, so the shell is this build's files.
  await cache.addAll(
    [...PRECACHE].map((path) => new Request(path, { cache: "reload" })),
  );
}

async function fromShell(request: Request, path: string): Promise<Response> {
  const cached = await caches.match(path, { cacheName: CACHES.shell });
  return cached ?? await fetch(request);
}

function clearSavedPages(): Promise<boolean> {
  return caches.delete(CACHES.pages);
}

// Nobody signed in: the saved pages and every band kept for offline use
// (wrapped keys, queued settings, the outbox) leave this browser. Open tabs
// let go of the store when asked, so the deletion completes.
async function forgetPerson(): Promise<void> {
  await Promise.all([
    clearSavedPages(),
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(OFFLINE_DB_NAME);
      request.onsuccess = request.onerror = () => resolve();
    }),
  ]);
}

async function openPage(request: Request, url: URL): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    return await openSavedPage(url);
  }
  if (response.status >= 502 && response.status <= 504) {
    // The server (or the proxy before it) is out of reach.
    return (await findSavedPage(url)) ?? response;
  }
  const landed = new URL(response.url || url.href);
  if (isSignedOutPage(landed.pathname)) {
    await forgetPerson();
  } else if (
    isSavedPage(url.pathname) && response.status === 200 &&
    !response.redirected &&
    response.headers.get("Content-Type")?.startsWith("text/html")
  ) {
    await savePage(url, response.clone());
  }
  return response;
}

async function savePage(url: URL, response: Response): Promise<void> {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, String(Date.now()));
  const saved = new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  const cache = await caches.open(CACHES.pages);
  await cache.put(url.href, saved);
}

async function openSavedPage(url: URL): Promise<Response> {
  const saved = await findSavedPage(url);
  if (saved) return saved;
  const offline = await caches.match(OFFLINE_PATH, {
    cacheName: CACHES.shell,
  });
  return offline ?? new Response(
    "You are offline and this page was not saved on this browser: try again when you are back online",
    { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
}

async function findSavedPage(url: URL): Promise<Response | undefined> {
  const cache = await caches.open(CACHES.pages);
  const saved = await cache.match(url.href, { ignoreVary: true });
  if (!saved) return undefined;
  const savedAt = Number(saved.headers.get(SAVED_AT_HEADER));
  const banner = renderOfflineBanner(savedAt, formatSavedAt);
  const html = insertOfflineBanner(await saved.text(), banner);
  const headers = new Headers(saved.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return new Response(html, { status: 200, headers });
}

function formatSavedAt(date: Date): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}
