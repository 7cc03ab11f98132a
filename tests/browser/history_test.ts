import assert from "node:assert/strict";
import {
  ARTIFACTS,
  launchBrowser,
  saveScreenshot,
} from "../support/browser.ts";
import { AFTERNOON_UTC } from "../support/clock.ts";
import { createHistoryApp } from "../history/_history_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";
import { SESSION_COOKIE } from "../../lib/auth/session.ts";
import { storeReadings } from "../../lib/db/readings.ts";
import { todayIn } from "../../lib/history/history_view.ts";
import { addDays, startOfLocalDay } from "../../lib/time/zones.ts";

const TZ = "Europe/Berlin";
const MINUTE = 60_000;

// Two workouts and three on-demand measurements on the day shown, so the
// screenshots carry the workout list, its bands and the dots.
async function seedReadings(kv: Deno.Kv, bandId: string, dayStart: number) {
  const at = (hour: number, minute: number) =>
    dayStart + (hour * 60 + minute) * MINUTE;
  await storeReadings(kv, "workouts", bandId, [
    {
      time: at(7, 10),
      end: at(7, 55),
      type: 1,
      steps: 5200,
      distanceMeters: 6420,
      calories: 385,
      averageHeartRate: 141,
      maxHeartRate: 172,
      raw: null,
    },
    {
      time: at(17, 30),
      end: at(18, 40),
      type: 4,
      steps: null,
      distanceMeters: 21300,
      calories: 540,
      averageHeartRate: null,
      maxHeartRate: null,
      raw: null,
    },
  ]);
  await storeReadings(kv, "heart_rate", bandId, [
    { time: at(9, 5), bpm: 68 },
    { time: at(13, 40), bpm: 74 },
    { time: at(21, 15), bpm: 61 },
  ]);
}

const VIEWS = [
  { view: "day", charts: ["#day-steps", "#day-heart-rate", "#day-activity"] },
  { view: "week", charts: ["#range-steps", "#range-sleep", "#range-resting"] },
  { view: "month", charts: ["#range-steps", "#range-active", "#range-worn"] },
  {
    view: "year",
    charts: ["#range-calendar", "#range-steps", "#range-sleep"],
  },
] as const;

Deno.test({
  name:
    "[browser] each history view renders its charts at 1280 and 390 px without CSP errors or sideways scrolling",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const kv = await Deno.openKv(":memory:");
    // A pinned "today", so the views and their screenshots are the same on every run.
    const now = AFTERNOON_UTC;
    const seeded = await seedPersonWithBand(kv, {
      timeZone: TZ,
      now,
      weeks: 5,
      utcOffsetMinutes: 60,
      stepGoal: 8000,
    });
    const day = addDays(todayIn(TZ, now), -1);
    await seedReadings(kv, seeded.bandId, startOfLocalDay(day, TZ));
    const server = Deno.serve(
      { port: 0, hostname: "127.0.0.1", onListen: () => {} },
      createHistoryApp(kv, () => now).fetch,
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
            `${origin}/devices/${seeded.bandId}/history?view=${view}&day=${day}`,
          );
          for (const selector of charts) {
            assert.equal(
              await page.locator(`${selector} svg`).count() > 0,
              true,
            );
          }
          if (view === "day") {
            assert.equal(await page.locator("#day-workouts li").count(), 2);
            assert.equal(
              await page.locator("#day-steps rect[data-workout-start]").count(),
              2,
            );
            assert.equal(
              await page.locator("#day-heart-rate circle[data-bpm]").count(),
              3,
            );
          } else {
            assert.equal(
              await page.locator(".stat-label", { hasText: "Workouts" })
                .count(),
              1,
            );
          }
          const overflow = await page.evaluate(() =>
            document.documentElement.scrollWidth -
            document.documentElement.clientWidth
          );
          assert.equal(overflow, 0, `${view} at ${width} px scrolls sideways`);
          await saveScreenshot(page, `history-${view}-${width}`);
          await page.emulateMedia({ colorScheme: "dark" });
          await saveScreenshot(page, `history-${view}-${width}-dark`);
          await page.emulateMedia({ colorScheme: "light" });
        }
      }
      // Today: the rest of the day reads "not yet"; on a phone every minute
      // with steps keeps a one-pixel outline, however thin its bar.
      const today = todayIn(TZ, now);
      await page.setViewportSize({ width: 390, height: 900 });
      await page.goto(
        `${origin}/devices/${seeded.bandId}/history?view=day&day=${today}`,
      );
      assert.equal(
        await page.locator("#day-steps .chart-legend", { hasText: "Not yet" })
          .count(),
        1,
      );
      assert.equal(
        await page.locator("#day-steps rect[data-future-start]").count(),
        1,
      );
      assert.equal(
        await page.locator("#day-steps .chart-minute-bars rect").first()
          .evaluate((rect) => getComputedStyle(rect).vectorEffect),
        "non-scaling-stroke",
      );
      await page.locator("#day-steps").screenshot({
        path: `${ARTIFACTS}history-today-steps-390.png`,
      });
      await saveScreenshot(page, "history-today-390");
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
      kv.close();
    }
  },
});
