// What each page costs on the wire, measured in Chromium: requests, JavaScript
// bytes (as transferred, and gzipped at the default level for a fixed yardstick),
// CSP violations, console errors and the first contentful paint. Shared by the
// budget test (tests/browser/wire_budget_test.ts) and the bench
// (tests/bench/wire_bench.ts), so both measure the same pages the same way.
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createDemoBand } from "../../routes/api/demo-band.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";
import { SESSION_COOKIE } from "../../lib/auth/session.ts";
import { todayIn } from "../../lib/history/history_view.ts";
import { addDays } from "../../lib/time/zones.ts";
import { serveTestApp } from "./test_app.ts";

/** One page's figures. */
export interface PageCost {
  name: string;
  path: string;
  /** Every request the page made until it settled (document, styles, scripts, API). */
  requests: number;
  /** JavaScript files fetched. */
  jsFiles: number;
  /** JavaScript bytes as they crossed the wire (after any Content-Encoding). */
  jsTransferred: number;
  /** JavaScript bytes before compression. */
  jsRaw: number;
  /** JavaScript bytes gzipped at the default level, file by file. */
  jsGzip: number;
  /** Content-Encoding of each script, e.g. `br`, `gzip` or `identity`. */
  jsEncodings: string[];
  /** URLs requested more than once. */
  repeated: string[];
  /** `securitypolicyviolation` events, as "directive: blocked URI". */
  cspViolations: string[];
  /** Console errors and uncaught exceptions. */
  consoleErrors: string[];
  /** First contentful paint in milliseconds, when the browser reported one. */
  fcpMs?: number;
}

/** A page to visit: its name and path, and whether it needs the session. */
export interface PagePlan {
  name: string;
  path: string;
  signedIn: boolean;
  /** A selector that appears once the page has hydrated (or rendered, for pages without islands). */
  ready?: string;
}

/** The served app with a person, a real band with five weeks of history and a virtual band. */
export interface WireSite {
  origin: string;
  cookie: { name: string; value: string; url: string };
  /** Every page of the app worth weighing, in visiting order. */
  pages: PagePlan[];
  shutdown(): Promise<void>;
}

const TZ = "Europe/Berlin";

/** Serves the app on a free port, with the setup page first (before the owner exists). */
export async function serveWireSite(): Promise<WireSite> {
  const server = await serveTestApp();
  const now = Date.now();
  const setup: PagePlan = { name: "setup", path: "/setup", signedIn: false };
  // The setup page exists only until the owner does: render it once for the record.
  const setupHtml = await (await fetch(`${server.origin}/setup`)).text();
  if (!setupHtml.includes("<form")) {
    throw new Error("Cannot weigh the setup page: it did not render a form");
  }
  const seeded = await seedPersonWithBand(server.kv, {
    timeZone: TZ,
    now,
    weeks: 5,
    utcOffsetMinutes: 60,
    stepGoal: 8000,
  });
  const virtual = await createDemoBand(server.kv, seeded.userId, now);
  const day = addDays(todayIn(TZ, now), -1);
  const band = `/devices/${seeded.bandId}`;
  const history = (view: string) => ({
    name: `history ${view}`,
    path: `${band}/history?view=${view}&day=${day}`,
    signedIn: true,
  });
  return {
    origin: server.origin,
    cookie: {
      name: SESSION_COOKIE,
      value: seeded.cookie.split("=")[1],
      url: server.origin,
    },
    pages: [
      setup,
      { name: "signin", path: "/signin", signedIn: false },
      { name: "home", path: "/", signedIn: true },
      { name: "account", path: "/account", signedIn: true },
      {
        name: "add a band",
        path: "/devices/new",
        signedIn: true,
        ready: '[data-island="AddBandFlow"][data-hydrated="true"]',
      },
      {
        name: "band page",
        path: band,
        signedIn: true,
        ready: '[data-island="BandConnection"][data-hydrated="true"]',
      },
      {
        name: "virtual band page",
        path: `/devices/${virtual.id}`,
        signedIn: true,
        ready: '[data-island="BandConnection"][data-hydrated="true"]',
      },
      history("day"),
      history("week"),
      history("month"),
      history("year"),
    ],
    shutdown: server.shutdown,
  };
}

// Reported by the page itself, installed before any of its scripts run.
const WATCH_SCRIPT = `
globalThis.__wire = { csp: [], fcp: undefined };
document.addEventListener("securitypolicyviolation", (e) => {
  globalThis.__wire.csp.push(e.violatedDirective + ": " + e.blockedURI);
});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name === "first-contentful-paint") globalThis.__wire.fcp = entry.startTime;
  }
}).observe({ type: "paint", buffered: true });
`;

/** A fresh browser context (cold cache) for one page, signed in when the plan says so. */
async function openContext(
  browser: Browser,
  site: WireSite,
  plan: PagePlan,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: TZ,
    locale: "en-GB",
  });
  if (plan.signedIn) await context.addCookies([site.cookie]);
  await context.addInitScript(WATCH_SCRIPT);
  return context;
}

/** Visits one page in a cold context and returns what it cost. */
export async function measurePage(
  browser: Browser,
  site: WireSite,
  plan: PagePlan,
): Promise<PageCost> {
  const context = await openContext(browser, site, plan);
  try {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
    const scripts: Promise<ScriptCost>[] = [];
    const urls: string[] = [];
    page.on("requestfinished", (request) => {
      urls.push(request.url());
      if (request.resourceType() === "script") {
        scripts.push(weighScript(request));
      }
    });
    page.on("requestfailed", (request) => urls.push(request.url()));
    await page.goto(`${site.origin}${plan.path}`, { waitUntil: "load" });
    if (plan.ready) await page.waitForSelector(plan.ready);
    await page.waitForLoadState("networkidle");
    const watched = await readWatch(page);
    const weighed = await Promise.all(scripts);
    const seen = new Map<string, number>();
    for (const url of urls) seen.set(url, (seen.get(url) ?? 0) + 1);
    return {
      name: plan.name,
      path: plan.path,
      requests: urls.length,
      jsFiles: weighed.length,
      jsTransferred: sum(weighed.map((s) => s.transferred)),
      jsRaw: sum(weighed.map((s) => s.raw)),
      jsGzip: sum(weighed.map((s) => s.gzip)),
      jsEncodings: weighed.map((s) => s.encoding),
      repeated: [...seen].filter(([, n]) => n > 1).map(([url]) =>
        url.replace(site.origin, "")
      ),
      cspViolations: watched.csp,
      consoleErrors,
      fcpMs: watched.fcp,
    };
  } finally {
    await context.close();
  }
}

interface ScriptCost {
  transferred: number;
  raw: number;
  gzip: number;
  encoding: string;
}

async function weighScript(
  request: import("playwright-core").Request,
): Promise<ScriptCost> {
  const response = await request.response();
  if (!response) return { transferred: 0, raw: 0, gzip: 0, encoding: "none" };
  const body = await response.body();
  const sizes = await request.sizes();
  const headers = await response.allHeaders();
  return {
    transferred: sizes.responseBodySize,
    raw: body.byteLength,
    gzip: gzipSync(body).byteLength,
    encoding: headers["content-encoding"] ?? "identity",
  };
}

async function readWatch(
  page: Page,
): Promise<{ csp: string[]; fcp?: number }> {
  return await page.evaluate(() =>
    (globalThis as unknown as { __wire: { csp: string[]; fcp?: number } })
      .__wire
  );
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Formats bytes as kilobytes with one decimal (1 KB = 1024 bytes). */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
