// The band's page in Chromium: it renders every card, the goal card writes to
// the server, and screenshots at desktop and phone widths land in test-artifacts/.
import assert from "node:assert/strict";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { serveTestApp } from "../support/test_app.ts";
import { signIn } from "../support/signed_in.ts";

Deno.test({
  name:
    "[browser] the band page shows every card and saves screenshots at 1280 and 390 px",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const who = await signIn(server.kv, server.origin);
      const created = await fetch(`${server.origin}/api/bands`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Origin: server.origin,
          Cookie: who.cookieHeader,
          "X-CSRF-Token": who.csrfToken,
        },
        body: JSON.stringify({
          name: "Morning band",
          mac: "C8:0F:10:12:34:56",
          authKey: "30313233343536373839404142434445",
        }),
      });
      assert.equal(created.status, 201);
      const bandId = (await created.json()).band.id;
      for (const width of [1280, 390]) {
        const context = await browser.newContext({
          viewport: { width, height: 900 },
        });
        await context.addCookies([who.cookie]);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`${server.origin}/devices/${bandId}`);
        await page.waitForSelector(
          "#settings [data-hydrated], [data-hydrated] #settings, #settings",
          { timeout: 10_000 },
        );
        assert.equal(
          await page.locator("h1").first().innerText(),
          "Morning band",
        );
        assert.equal(await page.locator("section.band-card").count(), 15);
        await saveScreenshot(page, `band-page-${width}`);
        assert.deepEqual(errors, []);
        await context.close();
      }
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
