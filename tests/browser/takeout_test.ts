import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { serveTestApp } from "../support/test_app.ts";

const NOW = Date.UTC(2024, 5, 1, 12, 0);
const KEY = "8f1e2d3c4b5a69788796a5b4c3d2e1f0";

Deno.test({
  name:
    "[browser] Account page: Download everything saves the takeout, Restore from an archive takes it back",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp({ now: () => NOW });
    const browser = await launchBrowser();
    try {
      // The setup form takes the browser's zone: UTC here, whatever the machine's.
      const context = await browser.newContext({
        acceptDownloads: true,
        timezoneId: "UTC",
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (err) => problems.push(String(err)));
      await page.goto(`${server.origin}/setup`);
      await page.getByLabel("Username").fill("ada");
      await page.getByLabel("Password").fill("correct horse battery");
      await page.getByRole("button", { name: "Create owner account" }).click();
      await page.waitForURL(`${server.origin}/`);
      const added = await page.evaluate(async (key) => {
        const me = await (await fetch("/api/me")).json();
        const res = await fetch("/api/bands", {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-CSRF-Token": me.csrfToken,
          },
          body: JSON.stringify({
            name: "Blue band",
            mac: "C8:0F:10:AA:BB:CC",
            authKey: key,
          }),
        });
        return res.status;
      }, KEY);
      assert.equal(added, 201);

      await page.goto(`${server.origin}/account`);
      const card = page.locator("#takeout");
      await card.getByRole("heading", { name: "Your data" }).waitFor();
      await page.setViewportSize({ width: 1280, height: 800 });
      await card.scrollIntoViewIfNeeded();
      await saveScreenshot(card, "takeout-card-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(card, "takeout-card-390");
      await page.setViewportSize({ width: 1280, height: 800 });

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        card.getByRole("button", { name: "Download everything" }).click(),
      ]);
      assert.equal(
        download.suggestedFilename(),
        "band-web-takeout-ada-2024-06-01.zip",
      );
      const path = await download.path();
      const files = unzipSync(await Deno.readFile(path));
      const bands = new TextDecoder().decode(files["bands.jsonl"]);
      assert.match(bands, /"mac":"C8:0F:10:AA:BB:CC"/);
      assert.ok(!bands.includes(KEY), "no key unless ticked");

      await card.getByLabel("Takeout archive").setInputFiles(path);
      await card.getByRole("button", { name: "Restore from this archive" })
        .click();
      const note = card.getByRole("status").filter({ hasText: "Restored" });
      await note.waitFor();
      assert.match(
        await note.textContent() ?? "",
        /^Restored Blue band \(existing\): 0 new minutes/,
      );
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
