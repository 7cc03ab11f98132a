// What each page ships on its first load, in headless Chromium with a cold cache:
// requests, JavaScript (on the wire, raw and gzipped), CSP violations, console
// errors and the first contentful paint. Prints one row per page.
// Targets (enforced by tests/browser/wire_budget_test.ts): the band page at most
// 40 KB of gzipped JS in at most 12 requests, add-a-band at most 25 KB, history
// pages at most 9 KB. Run: deno task build && deno run -A tests/bench/wire_bench.ts
import { launchBrowser } from "../support/browser.ts";
import { formatKb, measurePage, serveWireSite } from "../support/wire_pages.ts";

const site = await serveWireSite();
const browser = await launchBrowser({ webBluetooth: true });
try {
  const rows = [];
  for (const plan of site.pages) {
    const cost = await measurePage(browser, site, plan);
    rows.push({
      page: cost.name,
      requests: cost.requests,
      "JS files": cost.jsFiles,
      "JS wire": formatKb(cost.jsTransferred),
      "JS raw": formatKb(cost.jsRaw),
      "JS gzip": formatKb(cost.jsGzip),
      encoding: [...new Set(cost.jsEncodings)].join(",") || "-",
      CSP: cost.cspViolations.length,
      errors: cost.consoleErrors.length,
      "FCP ms": cost.fcpMs === undefined ? "-" : Math.round(cost.fcpMs),
    });
    for (const line of [...cost.cspViolations, ...cost.consoleErrors]) {
      console.log(`${cost.name}: ${line}`);
    }
    if (cost.repeated.length) {
      console.log(`${cost.name}: fetched twice: ${cost.repeated.join(", ")}`);
    }
  }
  console.table(rows);
} finally {
  await browser.close();
  await site.shutdown();
}
