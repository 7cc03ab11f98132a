// Every page's first load in Chromium with a cold cache, against its budget:
// requests and gzipped JavaScript (see tests/support/wire_pages.ts for how they
// are counted), with no CSP violation and no console error anywhere.
// The bench (tests/bench/wire_bench.ts) prints the same figures.
import assert from "node:assert/strict";
import { launchBrowser } from "../support/browser.ts";
import {
  formatKb,
  measurePage,
  type PageCost,
  serveWireSite,
} from "../support/wire_pages.ts";

const KB = 1024;

/** Budgets by page name; pages not listed only need to be clean. */
const BUDGETS: Record<string, { jsGzip: number; requests?: number }> = {
  "add a band": { jsGzip: 25 * KB },
  "band page": { jsGzip: 40 * KB, requests: 12 },
  "history day": { jsGzip: 9 * KB },
  "history week": { jsGzip: 9 * KB },
  "history month": { jsGzip: 9 * KB },
  "history year": { jsGzip: 9 * KB },
};

function describe(cost: PageCost): string {
  return `${cost.name}: ${cost.requests} requests, ${cost.jsFiles} JS files, ${
    formatKb(cost.jsGzip)
  } gzip`;
}

let measured: Promise<PageCost[]> | undefined;

/** Visits every page once (cold cache each), shared by the tests below. */
function measureAllPages(): Promise<PageCost[]> {
  measured ??= (async () => {
    const site = await serveWireSite();
    const browser = await launchBrowser({ webBluetooth: true });
    try {
      const costs: PageCost[] = [];
      for (const plan of site.pages) {
        costs.push(await measurePage(browser, site, plan));
      }
      return costs;
    } finally {
      await browser.close();
      await site.shutdown();
    }
  })();
  return measured;
}

Deno.test({
  name:
    "[browser] no page raises a CSP violation or a console error, and none fetches a file twice",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const costs = await measureAllPages();
    assert.ok(costs.length >= 11, "every page was visited");
    for (const cost of costs) {
      assert.deepEqual(cost.cspViolations, [], `${cost.name}: CSP`);
      assert.deepEqual(cost.consoleErrors, [], `${cost.name}: console`);
      if (BUDGETS[cost.name]) {
        assert.deepEqual(cost.repeated, [], `${cost.name}: fetched twice`);
      }
    }
  },
});

Deno.test({
  name:
    "[browser] every page stays within its request and gzipped JavaScript budget, scripts precompressed",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const costs = await measureAllPages();
    assert.deepEqual(
      costs.map((c) => c.name).filter((name) => BUDGETS[name]),
      Object.keys(BUDGETS),
      "every budgeted page was visited",
    );
    const over: string[] = [];
    for (const cost of costs) {
      const budget = BUDGETS[cost.name];
      if (!budget) continue;
      if (cost.jsGzip > budget.jsGzip) {
        over.push(`${describe(cost)}: over ${formatKb(budget.jsGzip)} of JS`);
      }
      if (budget.requests !== undefined && cost.requests > budget.requests) {
        over.push(`${describe(cost)}: over ${budget.requests} requests`);
      }
      if (!cost.jsEncodings.every((e) => e === "br")) {
        over.push(`${cost.name}: scripts not served precompressed`);
      }
    }
    assert.deepEqual(over, []);
  },
});
