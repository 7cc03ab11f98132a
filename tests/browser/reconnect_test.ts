import assert from "node:assert/strict";
import { launchBrowser } from "../support/browser.ts";
import { buildInjectScript, TEST_KEY } from "../support/inject_band.ts";
import { signIn } from "../support/signed_in.ts";
import { serveBandApp, storeBand } from "./band_page_support.tsx";

const MAC = "D1:C5:15:51:03:89";

for (const getDevices of [true, false]) {
  Deno.test({
    name: getDevices
      ? "[browser] after a reload the band reconnects by itself through getDevices()"
      : "[browser] after a reload without getDevices() the band is picked again in the chooser and its MAC checked",
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
            bands: [
              { mac: "D1:C5:15:51:03:8A", key: TEST_KEY },
              { mac: MAC, key: TEST_KEY },
            ],
            getDevices,
          }),
        );
        const page = await context.newPage();
        await page.goto(`${server.origin}/devices/${bandId}`);
        await page.waitForSelector(
          '[data-island="BandConnection"][data-hydrated="true"]',
        );
        // The chooser's first candidate is the other band: the MAC check refuses it.
        await page.getByRole("button", { name: "Connect" }).click();
        const error = page.locator("#connection-error strong");
        await error.getByText("This is a different band").waitFor();
        await page.evaluate((mac) => {
          (globalThis as unknown as { __simBluetooth: { choose: string } })
            .__simBluetooth
            .choose = mac;
        }, MAC);
        await page.getByRole("button", { name: "Connect" }).click();
        await page.locator("#connection-status[data-status=connected]")
          .waitFor();
        await page.reload();
        await page.waitForSelector(
          '[data-island="BandConnection"][data-hydrated="true"]',
        );
        if (getDevices) {
          await page.locator("#connection-status[data-status=connected]")
            .waitFor();
        } else {
          await error.getByText("Choose your band to connect").waitFor();
          await page.evaluate((mac) => {
            (globalThis as unknown as { __simBluetooth: { choose: string } })
              .__simBluetooth
              .choose = mac;
          }, MAC);
          await page.getByRole("button", { name: "Connect" }).click();
          await page.locator("#connection-status[data-status=connected]")
            .waitFor();
        }
        const connected = await page.evaluate(() =>
          (globalThis as unknown as { __simBands: { connected: boolean }[] })
            .__simBands
            .map((b) => b.connected)
        );
        assert.deepEqual(connected, [false, true]);
      } finally {
        await browser.close();
        await server.shutdown();
      }
    },
  });
}
