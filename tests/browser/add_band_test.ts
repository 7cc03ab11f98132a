import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { listBands } from "../../lib/db/bands.ts";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import {
  buildInjectScript,
  OTHER_KEY,
  TEST_KEY,
} from "../support/inject_band.ts";
import { signIn } from "../support/signed_in.ts";
import { serveTestApp } from "../support/test_app.ts";

const MAC = "D1:C5:15:51:03:89";

async function withAddPage(
  run: (
    page: Page,
    server: Awaited<ReturnType<typeof serveTestApp>>,
    userId: string,
  ) => Promise<void>,
) {
  const server = await serveTestApp();
  const browser = await launchBrowser({ webBluetooth: true });
  try {
    const user = await signIn(server.kv, server.origin);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    await context.addCookies([user.cookie]);
    await context.addInitScript(
      await buildInjectScript({
        bands: [{ mac: MAC, key: TEST_KEY, historyDays: 1 }],
      }),
    );
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (err) => problems.push(String(err)));
    await page.goto(`${server.origin}/devices/new`);
    await page.waitForSelector(
      '[data-island="AddBandFlow"][data-hydrated="true"]',
    );
    await run(page, server, user.userId);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.shutdown();
  }
}

async function fill(page: Page, mac: string, key: string) {
  await page.getByLabel("Name").fill("Wrist");
  await page.getByLabel("MAC address").fill(mac);
  await page.getByLabel("Auth key").fill(key);
  await page.getByRole("button", { name: "Choose band and add" }).click();
}

Deno.test({
  name:
    "[browser] adding a band with the right MAC and key saves it and opens its page",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withAddPage(async (page, server, userId) => {
      await saveScreenshot(page, "add-band-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, "add-band-390");
      await page.setViewportSize({ width: 1280, height: 900 });
      assert.equal(
        await page.locator("#add-support strong").textContent(),
        "This browser can connect to your band",
      );
      await fill(page, MAC.toLowerCase(), TEST_KEY.toUpperCase());
      await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
      const bands = await listBands(server.kv, userId);
      assert.equal(bands.length, 1);
      assert.equal(bands[0].name, "Wrist");
      assert.equal(bands[0].mac, MAC);
      assert.equal(bands[0].authKey, TEST_KEY);
      assert.equal(bands[0].firmwareRevision, "1.0.9.70");
      assert.ok(page.url().endsWith(`/devices/${bands[0].id}`));
    });
  },
});

Deno.test({
  name:
    "[browser] adding a band with a wrong key is refused with the key message and nothing is saved",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withAddPage(async (page, server) => {
      await fill(page, MAC, OTHER_KEY);
      const error = page.locator("#add-error");
      await error.waitFor();
      assert.equal(
        await error.locator("strong").textContent(),
        "The band rejected the auth key",
      );
      assert.equal((await error.textContent())?.includes(OTHER_KEY), false);
      assert.equal(
        (await Array.fromAsync(server.kv.list({ prefix: ["bands"] }))).length,
        0,
      );
      await saveScreenshot(page, "add-band-wrong-key-1280");
    });
  },
});

Deno.test({
  name:
    "[browser] adding a band whose MAC differs from the one entered is refused",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withAddPage(async (page, server) => {
      await fill(page, "D1:C5:15:51:03:8A", TEST_KEY);
      const error = page.locator("#add-error");
      await error.waitFor();
      assert.equal(
        await error.locator("strong").textContent(),
        "This is a different band",
      );
      assert.equal(
        (await Array.fromAsync(server.kv.list({ prefix: ["bands"] }))).length,
        0,
      );
      // A malformed MAC never reaches the chooser.
      await page.getByLabel("MAC address").fill("not a mac");
      await page.getByRole("button", { name: "Choose band and add" }).click();
      assert.equal(
        await page.locator("#band-mac-hint").textContent(),
        "Enter the MAC as AA:BB:CC:DD:EE:FF",
      );
    });
  },
});
