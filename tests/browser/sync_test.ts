import assert from "node:assert/strict";
import { listReadings } from "../../lib/db/readings.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { buildInjectScript, TEST_KEY } from "../support/inject_band.ts";
import { CHARACTERISTIC } from "../../lib/protocol/constants.ts";
import { signIn } from "../support/signed_in.ts";
import {
  listStoredTimes,
  serveBandApp,
  storeBand,
} from "./band_page_support.tsx";

const MAC = "D1:C5:15:51:03:89";
const MINUTE = 60_000;
const DAYS = 4;

Deno.test({
  name:
    "[browser] sync stores several days, is cut by a disconnect halfway, resumes with no minute lost or duplicated, brings the workouts and keeps a heart-rate reading",
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
      const end = Math.floor(Date.now() / MINUTE) * MINUTE;
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
      });
      await context.addCookies([user.cookie]);
      await context.addInitScript(
        await buildInjectScript({
          bands: [{
            mac: MAC,
            key: TEST_KEY,
            historyDays: DAYS,
            historyEnd: end,
            seed: 5,
          }],
          latencyMs: 1,
        }),
      );
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (err) => problems.push(String(err)));
      await page.goto(`${server.origin}/devices/${bandId}`);
      await page.waitForSelector(
        '[data-island="BandConnection"][data-hydrated="true"]',
      );
      // No grant yet: the island asks for the chooser instead of opening it by itself.
      await page.locator("#connection-error strong").getByText(
        "Choose your band to connect",
      )
        .waitFor();
      // Drop the link right after the band accepts its second acknowledgement:
      // hooked on the write itself, so the cut lands at the same step however
      // busy the machine is.
      await page.evaluate((fetchControl) => {
        type Band = {
          write(s: string, c: string, b: Uint8Array, r: boolean): Promise<void>;
          dropLink(): void;
        };
        const band = (globalThis as unknown as { __simBands: Band[] })
          .__simBands[0];
        const write = band.write.bind(band);
        let acks = 0;
        band.write = async (service, characteristic, bytes, withResponse) => {
          await write(service, characteristic, bytes, withResponse);
          if (characteristic === fetchControl && bytes[0] === 0x03) {
            acks++;
            if (acks === 2) band.dropLink();
          }
        };
      }, CHARACTERISTIC.fetchControl);
      await page.getByRole("button", { name: "Connect" }).click();
      await page.locator("#connection-error strong").getByText(
        "The connection to the band was lost",
      ).waitFor();
      const cut = await getSyncState(server.kv, bandId);
      assert.ok(
        cut.cursor !== null && cut.cursor < end,
        "the sync stopped before the end",
      );
      await page.evaluate(() => {
        const g = globalThis as unknown as {
          __simBands: unknown[];
          __simBluetooth: {
            radio: { setInRange(b: unknown, v: boolean): void };
          };
        };
        g.__simBluetooth.radio.setInRange(g.__simBands[0], true);
      });
      await page.getByRole("button", { name: "Connect" }).click();
      await page.locator("#sync-summary").waitFor();
      assert.equal(
        await page.locator("#sync-bar").getAttribute("value"),
        "1000",
      );
      assert.match(
        await page.locator("label[for=sync-bar]").textContent() ?? "",
        /100%/,
      );
      const state = await getSyncState(server.kv, bandId);
      assert.equal(state.cursor, end);
      const times = await listStoredTimes(server.kv, bandId, {
        from: new Date(end - DAYS * 1440 * MINUTE).toISOString().slice(0, 10),
        to: new Date(end).toISOString().slice(0, 10),
      });
      const expected = Array.from(
        { length: DAYS * 1440 },
        (_, i) => end - (DAYS * 1440 - i) * MINUTE,
      );
      assert.deepEqual(times, expected);
      const synced = await page.evaluate(() =>
        (globalThis as unknown as {
          __simBands: { state: { syncedMinutes: number } }[];
        })
          .__simBands[0].state.syncedMinutes
      );
      assert.equal(synced, DAYS * 1440);

      // The workouts the band recorded in those days followed the minutes.
      const recorded = await page.evaluate(() =>
        (globalThis as unknown as {
          __simBands: { state: { workouts: { start: number }[] } }[];
        }).__simBands[0].state.workouts.map((w) => w.start)
      );
      assert.ok(recorded.length > 0, "the band recorded no workout");
      const workouts = await listReadings<{ time: number }>(
        server.kv,
        "workouts",
        bandId,
        { from: 0, to: end + MINUTE, limit: 100 },
      );
      assert.deepEqual(workouts.map((w) => w.time).reverse(), recorded);
      assert.match(
        await page.locator("#sync-summary").textContent() ?? "",
        new RegExp(` · ${recorded.length} workouts? stored$`),
      );

      await saveScreenshot(page, "band-connection-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, "band-connection-390");
      // A reading the band sends on its own is kept on the server once the band
      // disconnects, even though no one asked for it.
      const before = Date.now();
      await page.evaluate(() =>
        (globalThis as unknown as {
          __simBands: { emitHeartRate(bpm: number): void }[];
        }).__simBands[0].emitHeartRate(83)
      );
      await page.getByRole("button", { name: "Disconnect" }).click();
      let heartRates: { time: number; bpm: number }[] = [];
      for (let i = 0; i < 50 && heartRates.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        heartRates = await listReadings(server.kv, "heart_rate", bandId, {
          from: before - 1000,
          to: Date.now() + 1000,
          limit: 10,
        });
      }
      assert.deepEqual(heartRates.map((r) => r.bpm), [83]);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
