import assert from "node:assert/strict";
import { listReadings } from "../../lib/db/readings.ts";
import { launchBrowser } from "../support/browser.ts";
import { buildInjectScript, TEST_KEY } from "../support/inject_band.ts";
import { signIn } from "../support/signed_in.ts";
import { serveBandApp, storeBand } from "./band_page_support.tsx";

const MAC = "D1:C5:15:51:03:8A";
const MINUTE = 60_000;

Deno.test({
  name:
    "[browser] heart-rate readings not yet uploaded reach the server when the person leaves the page",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveBandApp();
    const browser = await launchBrowser({ webBluetooth: true });
    try {
      const user = await signIn(server.kv, server.origin);
      const bandId = await storeBand(server.kv, user.userId, {
        mac: MAC,
        key: TEST_KEY,
      });
      const context = await browser.newContext();
      await context.addCookies([user.cookie]);
      await context.addInitScript(
        await buildInjectScript({
          bands: [{
            mac: MAC,
            key: TEST_KEY,
            historyDays: 1,
            historyEnd: Math.floor(Date.now() / MINUTE) * MINUTE,
            seed: 9,
          }],
        }),
      );
      const page = await context.newPage();
      await page.goto(`${server.origin}/devices/${bandId}`);
      await page.waitForSelector(
        '[data-island="BandConnection"][data-hydrated="true"]',
      );
      await page.getByRole("button", { name: "Connect" }).click();
      await page.locator("#sync-summary").waitFor();
      const before = Date.now();
      await page.evaluate(() =>
        (globalThis as unknown as {
          __simBands: { emitHeartRate(bpm: number): void }[];
        }).__simBands[0].emitHeartRate(77)
      );
      // Leave while the reading waits for the recorder's once-a-minute upload.
      await page.goto(`${server.origin}/account`);
      let bpms: number[] = [];
      for (let i = 0; i < 50 && bpms.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const readings = await listReadings<{ bpm: number }>(
          server.kv,
          "heart_rate",
          bandId,
          { from: before - 1000, to: Date.now() + 1000, limit: 10 },
        );
        bpms = readings.map((r) => r.bpm);
      }
      assert.deepEqual(bpms, [77]);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
