import assert from "node:assert/strict";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import {
  seedPersonWithBand,
  storeSampleRun,
} from "../history/_seed_history.ts";
import { AFTERNOON_UTC } from "../support/clock.ts";
import { createTestApp } from "../support/test_app.ts";
import { SESSION_COOKIE } from "../../lib/auth/session.ts";
import { startOfLocalDay } from "../../lib/time/zones.ts";
import type { ActivitySample } from "../../lib/protocol/activity_sample.ts";

const TZ = "Europe/Berlin";
const DAY = "2024-03-05";

// One known day: deep sleep until 06:00, then awake, with 86 steps at 14:05,
// 40 at 14:06 and heart rate 72 at 14:05 and 75 at 14:20.
function buildDay(): ActivitySample[] {
  return Array.from({ length: 1440 }, (_, minute) => {
    const steps = minute === 14 * 60 + 5 ? 86 : minute === 14 * 60 + 6 ? 40 : 0;
    const heartRate = minute === 14 * 60 + 5
      ? 72
      : minute === 14 * 60 + 20
      ? 75
      : 255;
    return {
      kind: minute < 360 ? 11 : 1,
      intensity: steps ? 40 : 5,
      steps,
      heartRate,
    } as ActivitySample;
  });
}

Deno.test({
  name:
    "[browser] chart details follow the pointer and the arrow keys on the day and week views",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const now = AFTERNOON_UTC;
    const testApp = await createTestApp({ now: () => now });
    const kv = testApp.kv;
    const seeded = await seedPersonWithBand(kv, {
      timeZone: TZ,
      now,
      stepGoal: 8000,
    });
    await storeSampleRun(kv, seeded.bandId, {
      start: startOfLocalDay(DAY, TZ),
      utcOffsetMinutes: 60,
      samples: buildDay(),
    }, { timeZone: TZ, now });
    const server = Deno.serve(
      { port: 0, hostname: "127.0.0.1", onListen: () => {} },
      testApp.app.fetch,
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
      // Chromium logs CSP refusals as console errors; this also catches any it reports only as events.
      await page.addInitScript(() => {
        addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective}`);
        });
      });
      await page.setViewportSize({ width: 1280, height: 900 });
      const tip = page.locator(".chart-details");
      const url = (view: string) =>
        `${origin}/devices/${seeded.bandId}/history?view=${view}&day=${DAY}`;

      await page.goto(url("day"));
      await page.waitForSelector("[data-island=ChartDetails][data-hydrated]", {
        state: "attached",
      });
      assert.equal(await tip.getAttribute("role"), "status");
      const bar = page.locator("#day-steps .chart-fill-steps rect").first();
      const box = (await bar.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 1);
      assert.equal(await tip.textContent(), "14:05 · 86 steps");
      assert.equal(
        await page.locator("#day-steps svg.chart-svg").getAttribute("tabindex"),
        "0",
      );
      await saveScreenshot(page, "history-hover-1280");
      await page.locator("#day-steps svg.chart-svg").focus();
      await page.keyboard.press("ArrowRight");
      assert.equal(await tip.textContent(), "14:06 · 40 steps");
      await page.keyboard.press("ArrowRight");
      assert.equal(await tip.textContent(), "14:07 · 0 steps");

      // Heart rate is sparse: the pointer snaps to a reading, arrows jump between them.
      const heart = page.locator("#day-heart-rate svg.chart-svg");
      const heartBox = (await heart.boundingBox())!;
      // 14:08 in viewBox units (plot 42..470 over 1440 minutes), three minutes
      // from the reading at 14:05 and twelve from the next.
      const at = 42 + ((14 * 60 + 8.5) * 428) / 1440;
      await page.mouse.move(
        heartBox.x + (heartBox.width * at) / 480,
        heartBox.y + heartBox.height / 2,
      );
      assert.equal(await tip.textContent(), "14:05 · 72 bpm");
      await heart.focus();
      await page.keyboard.press("ArrowRight");
      assert.equal(await tip.textContent(), "14:20 · 75 bpm");

      const strip = page.locator("#day-activity svg.chart-svg");
      await strip.focus();
      await page.keyboard.press("Home");
      assert.equal(await tip.textContent(), "00:00 · deep sleep");
      await page.keyboard.press("PageDown");
      assert.equal(await tip.textContent(), "01:00 · deep sleep");

      await page.goto(url("week"));
      await page.waitForSelector("[data-island=ChartDetails][data-hydrated]", {
        state: "attached",
      });
      const day = page.locator(`#range-steps rect[data-day="${DAY}"]`);
      const dayBox = (await day.boundingBox())!;
      await page.mouse.move(
        dayBox.x + dayBox.width / 2,
        dayBox.y + dayBox.height - 1,
      );
      assert.equal(
        await tip.textContent(),
        "Tue 5 Mar · 126 steps (goal 8,000)",
      );
      await page.locator("#range-steps svg.chart-svg").focus();
      await page.keyboard.press("ArrowRight");
      assert.equal(await tip.textContent(), "Wed 6 Mar · no data");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft");
      assert.equal(await tip.textContent(), "Mon 4 Mar · no data");
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
      testApp.close();
    }
  },
});
