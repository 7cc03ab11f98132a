// The band page tells one story (issue 9): the device facts are read as soon as
// the band connects, and after a sync the last-sync line, the Today card, the
// battery and the device facts show the new state without a reload. The Today
// card shows the band's live counter and, where it differs, the synced figure
// with a one-line explanation.
import assert from "node:assert/strict";
import { listDailySummaries } from "../../lib/db/history_queries.ts";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import {
  buildInjectScript,
  stopSimulatorBundler,
  TEST_KEY,
} from "../support/inject_band.ts";
import { signIn } from "../support/signed_in.ts";
import { serveBandApp, storeBand } from "./band_page_support.tsx";
import { readSim, waitForIslands } from "./band_controls_support_test.ts";

const MAC = "D1:C5:15:51:03:89";
const MINUTE = 60_000;
const LIVE_STEPS = 54_321;

Deno.test({
  name:
    "[browser] the band page reads device facts on connect and shows the synced state everywhere without a reload",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveBandApp();
    const browser = await launchBrowser({ webBluetooth: true });
    try {
      const user = await signIn(server.kv, server.origin, { timeZone: "UTC" });
      const bandId = await storeBand(server.kv, user.userId, {
        mac: MAC,
        key: TEST_KEY,
      });
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: "en-US",
        timezoneId: "UTC",
      });
      await context.addCookies([user.cookie]);
      await context.addInitScript(
        await buildInjectScript({
          bands: [{
            mac: MAC,
            key: TEST_KEY,
            historyDays: 2,
            historyEnd: Math.floor(Date.now() / MINUTE) * MINUTE,
            seed: 3,
          }],
          latencyMs: 1,
        }),
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));

      // Hold the sync at its first server call, once the band is connected.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let reached = () => {};
      const reachedSync = new Promise<void>((resolve) => (reached = resolve));
      await page.route(`**/api/bands/${bandId}/sync`, async (route) => {
        reached();
        await held;
        await route.continue();
      });

      await page.goto(`${server.origin}/devices/${bandId}`);
      await waitForIslands(page);
      assert.equal(
        await page.locator("#last-sync").textContent(),
        "Never synced",
      );
      assert.equal(
        await page.getByTestId("firmware").textContent(),
        "Not read yet",
      );
      assert.equal(await page.getByTestId("status-steps").textContent(), "0");
      await page.evaluate(([steps]) => {
        const g = globalThis as unknown as {
          __simBands: {
            state: { steps: number; battery: { level: number } };
          }[];
        };
        g.__simBands[0].state.steps = steps;
        g.__simBands[0].state.battery.level = 42;
      }, [LIVE_STEPS]);

      await page.getByRole("button", { name: "Connect", exact: true }).click();
      await reachedSync;
      // Connected, not yet synced: the facts come from the band itself.
      const firmware = (await readSim<string>(page, "softwareRevision"))
        .replace(/^V/, "");
      // The Device group is behind its tab, its card loaded when the tab opens:
      // it shows the facts read on connect.
      await page.getByRole("tab", { name: "Device" }).click();
      await page.getByTestId("firmware").filter({ hasText: firmware })
        .waitFor({ timeout: 5000 });
      await page.getByRole("tab", { name: "Alerts" }).click();
      await page.getByTestId("status-steps").filter({ hasText: "54,321" })
        .waitFor();
      await page.getByTestId("battery-level").filter({ hasText: "42%" })
        .waitFor();
      assert.equal(
        await page.locator("#last-sync").textContent(),
        "Never synced",
      );

      const started = Date.now();
      release();
      await page.locator("#sync-summary").waitFor({ timeout: 60_000 });

      // The last-sync line shows the sync that just ended, in the person's zone.
      const syncedAt = Number(
        await page.locator("#last-sync").getAttribute("data-time"),
      );
      assert.ok(syncedAt >= started && syncedAt <= Date.now());
      const words = new Intl.DateTimeFormat("en-US", {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "UTC",
      }).format(syncedAt);
      assert.equal(
        await page.locator("#last-sync").textContent(),
        `Last synced ${words}`,
      );

      // The Today card: the band's counter, the server's synced figure, and why they differ.
      const day = await page.locator("#status [data-day]").getAttribute(
        "data-day",
      );
      assert.ok(day);
      const [stored] = await listDailySummaries(server.kv, bandId, {
        from: day,
        to: day,
      });
      const synced = stored?.steps ?? 0;
      assert.notEqual(synced, LIVE_STEPS);
      assert.equal(
        await page.getByTestId("status-steps").textContent(),
        "54,321",
      );
      assert.equal(
        await page.getByTestId("status-note").textContent(),
        `The band counts 54,321 steps; ${
          synced.toLocaleString("en-US")
        } are synced so far: the rest arrive at the next sync`,
      );

      // The band's counter catches up with the synced minutes: one figure, no explanation.
      await page.evaluate(([steps]) => {
        const g = globalThis as unknown as {
          __simBands: {
            addSteps(n: number, extra: Record<string, number>): void;
            state: { steps: number };
          }[];
        };
        g.__simBands[0].addSteps(steps - g.__simBands[0].state.steps, {
          distanceMeters: 0,
          calories: 0,
        });
      }, [synced]);
      await page.getByTestId("status-note").filter({
        hasText: "Counting live on the band; every step is synced.",
      }).waitFor();

      // The battery is the one the sync read, still followed live.
      assert.equal(
        await page.getByTestId("battery-level").textContent(),
        "42%",
      );
      assert.equal(
        await page.locator("#battery .tile-head .badge").textContent(),
        "Live",
      );
      assert.equal(await page.getByTestId("firmware").textContent(), firmware);
      await saveScreenshot(page, "band-page-synced-1280-light");
      await page.emulateMedia({ colorScheme: "dark" });
      await saveScreenshot(page, "band-page-synced-1280-dark");
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, "band-page-synced-390-dark");
      await page.emulateMedia({ colorScheme: "light" });
      await saveScreenshot(page, "band-page-synced-390-light");
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.shutdown();
      await stopSimulatorBundler();
    }
  },
});

Deno.test({
  name:
    "[browser] after the demo band's first sync the band page, its Today figures and the home page tell the same story",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveBandApp();
    const browser = await launchBrowser({ webBluetooth: true });
    try {
      const user = await signIn(server.kv, server.origin, { timeZone: "UTC" });
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: "en-US",
        timezoneId: "UTC",
      });
      await context.addCookies([user.cookie]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.origin}/`);
      await page.getByRole("button", { name: "Try it with a virtual band" })
        .click();
      await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/, {
        waitUntil: "commit",
      });
      const bandId = page.url().split("/").pop()!;
      await page.locator("#sync-summary").waitFor({ timeout: 120_000 });
      assert.match(
        await page.locator("#last-sync").textContent() ?? "",
        /^Last synced /,
      );
      const day = await page.locator("#status [data-day]").getAttribute(
        "data-day",
      );
      assert.ok(day);
      const [stored] = await listDailySummaries(server.kv, bandId, {
        from: day,
        to: day,
      });
      const steps = (stored?.steps ?? 0).toLocaleString("en-US");
      // The band's live counter and the synced minutes agree: one figure, no gap to explain.
      await page.getByTestId("status-steps").filter({ hasText: steps })
        .waitFor();
      assert.equal(
        await page.getByTestId("status-note").textContent(),
        "Counting live on the band; every step is synced.",
      );
      assert.equal(
        await page.locator("#status .tile-head .badge").textContent(),
        "Live",
      );
      assert.match(
        await page.getByTestId("battery-level").textContent() ?? "",
        /^\d+%$/,
      );
      await page.goto(`${server.origin}/`);
      const stats = await page.getByRole("list", { name: "Bands" })
        .getByRole("listitem").locator(".stat").first().locator("*")
        .allTextContents();
      assert.deepEqual(stats, ["Steps today", steps]);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "[browser] connecting says what it does and can be cancelled, and connecting again works",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveBandApp();
    const browser = await launchBrowser({ webBluetooth: true });
    try {
      const user = await signIn(server.kv, server.origin, { timeZone: "UTC" });
      const bandId = await storeBand(server.kv, user.userId, {
        mac: MAC,
        key: TEST_KEY,
      });
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
      });
      await context.addCookies([user.cookie]);
      await context.addInitScript(
        await buildInjectScript({
          bands: [{ mac: MAC, key: TEST_KEY }],
          latencyMs: 1,
        }),
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.origin}/devices/${bandId}`);
      await waitForIslands(page);
      // The band never answers its first write (the authentication request).
      await page.evaluate(() => {
        type Band = { write(...args: unknown[]): Promise<void> };
        const g = globalThis as unknown as {
          __simBands: Band[];
          __restore?: () => void;
        };
        const band = g.__simBands[0];
        const write = band.write.bind(band);
        band.write = () => new Promise<void>(() => {});
        g.__restore = () => (band.write = write);
      });
      await page.getByRole("button", { name: "Connect", exact: true }).click();
      await page.locator("#connection-status[data-status=authenticating]")
        .waitFor();
      assert.equal(
        await page.locator("#connection-status").textContent(),
        "Authenticating…",
      );
      await page.getByRole("button", { name: "Cancel", exact: true }).click();
      await page.locator("#connection-error strong").getByText(
        "Connection cancelled",
      ).waitFor();
      assert.equal(
        await page.locator("#connection-status").getAttribute("data-status"),
        "idle",
      );
      assert.equal(
        await page.getByRole("button", { name: "Cancel", exact: true })
          .count(),
        0,
      );

      await page.evaluate(() =>
        (globalThis as unknown as { __restore: () => void }).__restore()
      );
      await page.getByRole("button", { name: "Connect", exact: true }).click();
      await page.locator("#connection-status[data-status=connected]")
        .waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
