// The demo path end to end: a person with no bands tries the virtual band from the
// home page, the in-page simulator connects and syncs by itself through the real page
// code (minutes and workouts), and the home page then lists the band with today's
// steps and its last sync.
import assert from "node:assert/strict";
import { listBands } from "../../lib/db/bands.ts";
import {
  listDailySummaries,
  listMinutes,
} from "../../lib/db/history_queries.ts";
import { listReadings } from "../../lib/db/readings.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import type { WorkoutReading } from "../../lib/state/workout_sync.ts";
import { DEMO_HISTORY_DAYS } from "../../lib/state/virtual_band.ts";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { AFTERNOON_UTC, startClockAt } from "../support/clock.ts";
import { signIn } from "../support/signed_in.ts";
import { serveTestApp } from "../support/test_app.ts";

const DAY_MS = 86_400_000;

function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

Deno.test({
  name:
    "[browser] the virtual band from the empty home page connects by itself, syncs its history and workouts to the server and is listed at home",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    // "Today has steps" holds only once the generated person is up: the server and
    // the page both run from a pinned afternoon, whatever the machine's clock says.
    const clock = startClockAt(AFTERNOON_UTC);
    const server = await serveTestApp({ now: clock });
    const browser = await launchBrowser({ webBluetooth: true });
    try {
      const user = await signIn(server.kv, server.origin, {
        timeZone: "UTC",
        now: clock(),
      });
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        timezoneId: "UTC",
      });
      await context.clock.install({ time: clock() });
      await context.addCookies([user.cookie]);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (err) => problems.push(String(err)));
      const keyReads: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname.endsWith("/key")) {
          keyReads.push(request.url());
        }
      });
      await page.goto(`${server.origin}/`);
      assert.equal(
        await page.locator(".empty-state h2, .empty-state h1").first()
          .textContent(),
        "No bands yet",
      );
      await saveScreenshot(page, "home-empty-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, "home-empty-390");
      await page.setViewportSize({ width: 1280, height: 900 });

      const started = clock();
      await page.getByRole("button", { name: "Try it with a virtual band" })
        .click();
      await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/, {
        waitUntil: "commit",
      });
      const bands = await listBands(server.kv, user.userId);
      assert.equal(bands.length, 1);
      const band = bands[0];
      assert.ok(page.url().endsWith(`/devices/${band.id}`));
      assert.equal(
        await page.locator("h1 .badge").textContent(),
        "Virtual band",
      );
      await page.waitForSelector(
        '[data-island="BandConnection"][data-hydrated="true"]',
      );
      // The demo band has no grant on its first visit, yet its chooser is simulated:
      // the page connects and syncs with no click and no mention of Chrome's list.
      await page.locator("#sync-summary").waitFor({ timeout: 120_000 });
      assert.equal(await page.getByText("Chrome's list").count(), 0);
      // The simulator and the connection share one read of the key.
      assert.equal(keyReads.length, 1);
      assert.equal(await page.locator("#connection-error").count(), 0);
      const simulated = await page.evaluate(() =>
        (globalThis as unknown as {
          __bandWebVirtualBand: {
            state: { workouts: Array<{ start: number; end: number }> };
          };
        }).__bandWebVirtualBand.state.workouts.map((w) => [w.start, w.end])
      );
      assert.ok(simulated.length > 0, "the demo band recorded no workout");
      assert.equal(
        await page.locator("#sync-summary").textContent(),
        `Synced ${DEMO_HISTORY_DAYS} days of history · ${simulated.length} workouts stored`,
      );
      assert.equal(
        await page.locator("#sync-progress label").textContent(),
        "History sync 100%",
      );
      assert.equal(
        await page.locator("#connection-status").getAttribute("data-status"),
        "connected",
      );

      // Every generated minute reached the server's KV, none twice.
      const now = clock();
      let stored = 0;
      for (
        let t = now - (DEMO_HISTORY_DAYS + 1) * DAY_MS;
        t <= now;
        t += DAY_MS
      ) {
        stored += (await listMinutes(server.kv, band.id, {
          day: utcDay(t),
          timeZone: "UTC",
        })).length;
      }
      assert.equal(stored, DEMO_HISTORY_DAYS * 1440);
      const sync = await getSyncState(server.kv, band.id);
      assert.ok(sync.lastSyncAt !== null && sync.lastSyncAt >= started);
      const today = utcDay(now);
      const [summary] = await listDailySummaries(server.kv, band.id, {
        from: today,
        to: today,
      });
      assert.ok(summary.steps > 0);

      // Every workout of the demo band reached the server, as the band recorded it.
      const workouts = await listReadings<WorkoutReading>(
        server.kv,
        "workouts",
        band.id,
        { from: 0, to: now + DAY_MS, limit: 500 },
      );
      assert.deepEqual(
        workouts.map((w) => [w.time, w.end]).reverse(),
        simulated,
      );
      assert.ok(workouts.every((w) => w.type === 1 && (w.steps ?? 0) > 0));

      await page.goto(`${server.origin}/`);
      const row = page.getByRole("list", { name: "Bands" }).getByRole(
        "listitem",
      );
      assert.equal(await row.count(), 1);
      assert.equal(
        await row.locator("h2 a").textContent(),
        "Virtual band",
      );
      assert.equal(await row.locator("h2 .badge").textContent(), "Virtual");
      const stats = await row.locator(".stat").evaluateAll((nodes) =>
        nodes.map((n) => [...n.children].map((c) => c.textContent))
      );
      assert.deepEqual(stats[0], [
        "Steps today",
        summary.steps.toLocaleString("en"),
      ]);
      assert.deepEqual(stats[2], ["Last sync", "Just now"]);
      await saveScreenshot(page, "home-bands-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, "home-bands-390");
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "[browser] the add page's virtual band button creates a virtual band and opens its page",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser({ webBluetooth: true });
    try {
      const user = await signIn(server.kv, server.origin);
      const context = await browser.newContext();
      await context.addCookies([user.cookie]);
      const page = await context.newPage();
      await page.goto(`${server.origin}/devices/new`);
      await page.waitForSelector(
        '[data-island="AddBandFlow"][data-hydrated="true"]',
      );
      const post = page.waitForResponse((r) =>
        r.request().method() === "POST" && r.url().endsWith("/devices/new")
      );
      await page.getByRole("button", { name: "Try it with a virtual band" })
        .click();
      assert.equal((await post).status(), 303);
      await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
      const bands = await listBands(server.kv, user.userId);
      assert.equal(bands.length, 1);
      assert.ok(page.url().endsWith(`/devices/${bands[0].id}`));
      assert.equal(
        await page.locator("h1 .badge").textContent(),
        "Virtual band",
      );
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
