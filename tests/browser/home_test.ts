import assert from "node:assert/strict";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { signIn } from "../support/signed_in.ts";
import { serveTestApp } from "../support/test_app.ts";

Deno.test({
  name:
    "[browser] the home page hydrates its island, reacts to a click, and breaks no CSP rule",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
      });
      await context.addCookies([
        (await signIn(server.kv, server.origin)).cookie,
      ]);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") problems.push(msg.text());
      });
      page.on("pageerror", (err) => problems.push(String(err)));
      await page.goto(`${server.origin}/`);
      await page.waitForSelector(
        '[data-island="AddBandButton"][data-hydrated="true"]',
        { state: "attached" },
      );
      const status = page.locator("#bluetooth-support strong");
      // Without --enable-features=WebBluetooth, headless Chromium has no navigator.bluetooth.
      assert.equal(
        await status.textContent(),
        "This browser has no Web Bluetooth",
      );
      const button = page.getByRole("button", { name: "Add a band" });
      // A browser that cannot reach a band is offered the virtual one first.
      assert.equal(await button.getAttribute("class"), "button");
      assert.equal(
        await page.getByRole("button", { name: "Try it with a virtual band" })
          .getAttribute("class"),
        "button button-primary",
      );
      assert.equal(await page.locator(".button-primary").count(), 1);
      assert.equal(await button.getAttribute("aria-expanded"), "false");
      await button.click();
      assert.equal(await button.getAttribute("aria-expanded"), "true");
      assert.match(
        await page.locator("#bluetooth-support p").textContent() ?? "",
        /WebBluetooth/,
      );
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        const suffix = colorScheme === "dark" ? "-dark" : "";
        await page.setViewportSize({ width: 1280, height: 800 });
        await saveScreenshot(page, `home-1280${suffix}`);
        await page.setViewportSize({ width: 390, height: 844 });
        await saveScreenshot(page, `home-390${suffix}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "[browser] with Web Bluetooth on localhost, the island says the browser is ready",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser({ webBluetooth: true });
    try {
      const context = await browser.newContext();
      await context.addCookies([
        (await signIn(server.kv, server.origin)).cookie,
      ]);
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.waitForSelector(
        '[data-island="AddBandButton"][data-hydrated="true"]',
        { state: "attached" },
      );
      const text = await page.locator("#bluetooth-support strong")
        .textContent();
      // Headless Linux may report no adapter; either way the island has replaced "Checking".
      assert.ok(
        text === "This browser can connect to your band" ||
          text === "Bluetooth is off or missing",
        `unexpected status: ${text}`,
      );
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
