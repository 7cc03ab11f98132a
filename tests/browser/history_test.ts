import assert from "node:assert/strict";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { createHistoryApp } from "../history/_history_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";
import { SESSION_COOKIE } from "../../lib/auth/session.ts";

const VIEWS = [
  { view: "day", charts: ["#day-steps", "#day-heart-rate", "#day-activity"] },
  { view: "week", charts: ["#range-steps", "#range-sleep", "#range-resting"] },
  { view: "month", charts: ["#range-steps", "#range-active", "#range-worn"] },
  { view: "year", charts: ["#range-steps", "#range-sleep", "#range-resting"] },
] as const;

Deno.test({
  name:
    "[browser] each history view renders its charts at 1280 and 390 px without CSP errors or sideways scrolling",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const kv = await Deno.openKv(":memory:");
    const now = Date.now();
    const seeded = await seedPersonWithBand(kv, {
      timeZone: "Europe/Berlin",
      now,
      weeks: 5,
      utcOffsetMinutes: 60,
      stepGoal: 8000,
    });
    const server = Deno.serve(
      { port: 0, hostname: "127.0.0.1", onListen: () => {} },
      createHistoryApp(kv).fetch,
    );
    const origin = `http://localhost:${server.addr.port}`;
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await context.addCookies([{
        name: SESSION_COOKIE,
        value: seeded.cookie.split("=")[1],
        url: origin,
      }]);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") problems.push(msg.text());
      });
      page.on("pageerror", (err) => problems.push(String(err)));
      for (const { view, charts } of VIEWS) {
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(
            `${origin}/devices/${seeded.bandId}/history?view=${view}`,
          );
          for (const selector of charts) {
            assert.equal(
              await page.locator(`${selector} svg`).count() > 0,
              true,
            );
          }
          const overflow = await page.evaluate(() =>
            document.documentElement.scrollWidth -
            document.documentElement.clientWidth
          );
          assert.equal(overflow, 0, `${view} at ${width} px scrolls sideways`);
          await saveScreenshot(page, `history-${view}-${width}`);
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
      kv.close();
    }
  },
});
