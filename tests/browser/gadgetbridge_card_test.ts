// The Data card on the band page's Device tab in Chromium: pick a Gadgetbridge
// database, see the devices it holds, import one, and read what was stored;
// no CSP violation or console error on the way.
import { waitForIslands } from "./band_controls_support_test.ts";
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { launchBrowser } from "../support/browser.ts";
import { serveTestApp } from "../support/test_app.ts";
import { signIn } from "../support/signed_in.ts";
import {
  makeMinutes,
  TEST_MAC,
  writeGadgetbridgeDb,
} from "../gadgetbridge/_gadgetbridge_db.ts";

const NOW = Date.UTC(2024, 5, 1, 12);

Deno.test({
  name:
    "[browser] the Data card previews a Gadgetbridge file and imports the chosen device",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp({ now: () => NOW });
    const browser = await launchBrowser();
    const { path, bytes } = writeGadgetbridgeDb({
      samples: makeMinutes(Date.UTC(2024, 2, 1) / 1000, 30),
    });
    Deno.removeSync(path);
    try {
      const who = await signIn(server.kv, server.origin, { now: NOW });
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
          mac: TEST_MAC,
          authKey: "30313233343536373839404142434445",
        }),
      });
      assert.equal(created.status, 201);
      const bandId = (await created.json()).band.id;
      const context = await browser.newContext({ locale: "en-US" });
      await context.addCookies([who.cookie]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.addInitScript(() =>
        addEventListener(
          "securitypolicyviolation",
          (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`),
        )
      );
      await page.goto(`${server.origin}/devices/${bandId}#device`);
      await waitForIslands(page);
      const card = page.locator("#gadgetbridge");
      await card.locator("input[type=file]").setInputFiles({
        name: "Gadgetbridge",
        mimeType: "application/octet-stream",
        buffer: Buffer.from(bytes),
      });
      const choice = card.getByRole("radio");
      await choice.waitFor();
      assert.match(
        (await card.locator("fieldset").innerText()).replace(/\s+/g, " "),
        /Mi Smart Band 4 \(MIBAND4, C8:0F:10:AA:BB:CC\): 30 minutes/,
      );
      assert.equal(await choice.isChecked(), true);
      await card.getByRole("button", { name: "Import into this band" }).click();
      await card.locator(".notice-ok").waitFor();
      assert.match(
        await card.getByRole("status").innerText(),
        /^Imported 30 new minutes/,
      );
      assert.equal(
        await card.getByRole("link", { name: "Export for Gadgetbridge" })
          .getAttribute("href"),
        `/api/bands/${bandId}/export?format=gadgetbridge`,
      );
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
