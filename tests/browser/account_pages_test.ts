import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { serveTestApp } from "../support/test_app.ts";

/** Screenshots a page at both widths and checks it fits a phone without sideways scrolling. */
async function shootBothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await saveScreenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  assert.equal(overflow, 0, `${name} scrolls sideways at 390 px`);
  await saveScreenshot(page, `${name}-390`);
}

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    // A wrong password (401) and the 404 page are answered on purpose; CSP
    // violations and script errors are what must not happen.
    const expected =
      /Failed to load resource: the server responded with a status of (401|404)/;
    if (msg.type() === "error" && !expected.test(msg.text())) {
      problems.push(msg.text());
    }
  });
  page.on("pageerror", (err) => problems.push(String(err)));
  return problems;
}

Deno.test({
  name:
    "[browser] first run to second person: setup, sign out, sign in, invite, accept, all through the forms",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const owner = await browser.newContext();
      const page = await owner.newPage();
      const problems = watchProblems(page);
      await page.goto(`${server.origin}/`);
      assert.equal(
        new URL(page.url()).pathname,
        "/setup",
        "a fresh server asks for the owner account",
      );
      await shootBothWidths(page, "setup");
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByLabel("Username").fill("ada");
      await page.getByLabel("Password").fill("correct horse battery");
      await page.getByRole("button", { name: "Create owner account" }).click();
      await page.waitForURL(`${server.origin}/`);
      await page.getByRole("heading", { name: "Your bands" }).waitFor();

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/signin$/);
      await shootBothWidths(page, "signin");
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByLabel("Username").fill("ada");
      await page.getByLabel("Password").fill("wrong password!!");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByRole("alert").waitFor();
      assert.match(
        await page.getByRole("alert").textContent() ?? "",
        /password/i,
      );
      await page.getByLabel("Password").fill("correct horse battery");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL(`${server.origin}/`);

      await page.goto(`${server.origin}/account`);
      await page.getByRole("button", { name: "Create invitation link" })
        .click();
      const field = page.locator("#invitation-url");
      const link = (await field.inputValue()).trim();
      // In view without scrolling, even on a phone, and copied with one click.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => scrollTo(0, 0));
      const box = await field.boundingBox();
      assert.ok(box && box.y + box.height <= 844, "the link is above the fold");
      await page.context().grantPermissions([
        "clipboard-read",
        "clipboard-write",
      ]);
      await page.getByRole("button", { name: "Copy" }).click();
      await page.getByRole("status").filter({ hasText: "Copied" }).waitFor();
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        link,
      );
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.match(
        link,
        /^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{20,}$/,
      );
      await shootBothWidths(page, "account");

      const guest = await browser.newContext();
      const guestPage = await guest.newPage();
      const guestProblems = watchProblems(guestPage);
      await guestPage.goto(link);
      await shootBothWidths(guestPage, "invite");
      await guestPage.setViewportSize({ width: 1280, height: 800 });
      await guestPage.getByLabel("Username").fill("grace");
      await guestPage.getByLabel("Password").fill("another long password");
      await guestPage.getByRole("button", { name: "Create account" }).click();
      await guestPage.waitForURL(`${server.origin}/`);
      assert.match(
        await guestPage.locator(".user-name").textContent() ?? "",
        /grace/,
      );

      const reuse = await (await browser.newContext()).newPage();
      await reuse.goto(link);
      assert.match(
        await reuse.locator("main").textContent() ?? "",
        /no longer|used|expired|invalid/i,
      );

      await page.goto(`${server.origin}/no/such/page`);
      await shootBothWidths(page, "not-found");
      assert.match(
        await page.locator("h1").textContent() ?? "",
        /Page not found/,
      );
      assert.deepEqual([...problems, ...guestProblems], []);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
