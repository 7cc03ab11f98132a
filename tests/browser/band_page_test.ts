// The band's page in Chromium: today at a glance on top, the controls in five
// groups behind keyboard-usable tabs with one URL fragment each, at most one
// primary button per group, a sign-in round trip for a signed-out visitor, and
// screenshots of every group at 1280 and 390 px, light and dark, in
// test-artifacts/.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { serveTestApp } from "../support/test_app.ts";
import { signIn } from "../support/signed_in.ts";

const GROUPS = [
  ["alerts", "Alerts", ["notifications", "incoming-call", "find"]],
  ["schedule", "Schedule", ["alarms", "reminders", "idle-alerts"]],
  ["screen", "Band screen", ["display", "weather", "music"]],
  ["settings", "Settings", [
    "general-settings",
    "goal",
    "heart-rate-monitoring",
    "band-lock",
    "band-time",
  ]],
  ["device", "Device", ["device-info", "gadgetbridge"]],
] as const;

/** Waits for every island but the lazy ones in hidden panels (they hydrate when shown). */
async function waitForIslands(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const markers = document.querySelectorAll<HTMLElement>("[data-island]");
    return markers.length > 0 &&
      Array.from(markers).every((m) =>
        m.dataset.hydrated === "true" ||
        (m.dataset.lazy === "true" &&
          // The marker is display: contents; the card inside has the box.
          !(m.firstElementChild ?? m).checkVisibility())
      );
  });
}

async function createBand(
  origin: string,
  who: Awaited<ReturnType<typeof signIn>>,
): Promise<string> {
  const created = await fetch(`${origin}/api/bands`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Origin: origin,
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
  return (await created.json()).band.id;
}

Deno.test({
  name:
    "[browser] the band page shows today on top and its controls in five groups, and saves screenshots of each at 1280 and 390 px, light and dark",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const who = await signIn(server.kv, server.origin);
      const bandId = await createBand(server.origin, who);
      const heights: string[] = [];
      for (const width of [1280, 390]) {
        for (const scheme of ["light", "dark"] as const) {
          const context = await browser.newContext({
            viewport: { width, height: 900 },
            colorScheme: scheme,
            locale: "en-US",
          });
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
              (e) =>
                console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`),
            )
          );
          await page.goto(`${server.origin}/devices/${bandId}`);
          await waitForIslands(page);
          assert.equal(
            await page.locator("h1").first().innerText(),
            "Morning band",
          );
          // Today at a glance: four tiles, each saying where its figures come from.
          assert.deepEqual(
            await page.locator(".today-tiles .tile h3").allTextContents(),
            ["Steps", "Last night", "Heart rate", "Battery"],
          );
          assert.deepEqual(
            await page.locator(".tile-head .badge").allTextContents(),
            [
              "Synced",
              "Synced",
              "Synced",
              "Synced",
            ],
          );
          assert.equal(
            await page.locator("#last-sync").textContent(),
            "Never synced",
          );
          // Nothing on the page spills sideways.
          assert.equal(
            await page.evaluate(() =>
              document.documentElement.scrollWidth <= innerWidth
            ),
            true,
          );
          const tabs = page.getByRole("tab");
          assert.deepEqual(
            await tabs.allTextContents(),
            GROUPS.map(([, label]) => label),
          );
          for (const [id, label, cards] of GROUPS) {
            await page.getByRole("tab", { name: label }).click();
            const panel = page.locator(`#${id}[role=tabpanel]`);
            await panel.waitFor({ state: "visible" });
            // Its lazy cards hydrate once shown.
            await waitForIslands(page);
            assert.equal(
              await page.locator("[role=tabpanel]:visible").count(),
              1,
            );
            assert.deepEqual(
              await panel.locator("section.band-card").evaluateAll((nodes) =>
                nodes.map((n) => n.id)
              ),
              [...cards],
            );
            assert.ok(
              await panel.locator(".button-primary").count() <= 1,
              `${label} has more than one primary button`,
            );
            assert.ok(page.url().endsWith(`#${id}`));
            heights.push(
              `${id}-${width}-${scheme}: ${await page.evaluate(() =>
                document.documentElement.scrollHeight
              )} px`,
            );
            await saveScreenshot(page, `band-page-${id}-${width}-${scheme}`);
          }
          assert.deepEqual(errors, []);
          await context.close();
        }
      }
      console.log(`band page heights: ${heights.join(", ")}`);
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "[browser] the band page's group tabs follow the keyboard with a roving tabindex and a link's fragment opens its group",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const who = await signIn(server.kv, server.origin);
      const bandId = await createBand(server.origin, who);
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
      });
      await context.addCookies([who.cookie]);
      const page = await context.newPage();
      await page.goto(`${server.origin}/devices/${bandId}#schedule`);
      await waitForIslands(page);
      await page.locator("#schedule[role=tabpanel]").waitFor({
        state: "visible",
      });
      assert.equal(await page.locator("#alerts").isHidden(), true);
      const selected = page.locator("[role=tab][aria-selected=true]");
      assert.equal(await selected.textContent(), "Schedule");
      assert.deepEqual(
        await page.getByRole("tab").evaluateAll((tabs) =>
          tabs.map((t) => t.getAttribute("tabindex"))
        ),
        ["-1", "0", "-1", "-1", "-1"],
      );

      await selected.focus();
      await page.keyboard.press("ArrowRight");
      assert.equal(await selected.textContent(), "Band screen");
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent),
        "Band screen",
      );
      assert.equal(await page.locator("#screen").isVisible(), true);
      assert.ok(page.url().endsWith("#screen"));
      await page.keyboard.press("End");
      assert.equal(await selected.textContent(), "Device");
      await page.keyboard.press("ArrowRight");
      assert.equal(await selected.textContent(), "Alerts");
      await page.keyboard.press("ArrowLeft");
      assert.equal(await selected.textContent(), "Device");
      await page.keyboard.press("Home");
      assert.equal(await selected.textContent(), "Alerts");
      assert.equal(await page.locator("#alerts").isVisible(), true);

      // No width from a small phone to a wide screen spills sideways, in any group.
      for (const [id, label] of GROUPS) {
        await page.getByRole("tab", { name: label }).click();
        for (let width = 320; width <= 1440; width += 80) {
          await page.setViewportSize({ width, height: 900 });
          assert.equal(
            await page.evaluate(() =>
              document.documentElement.scrollWidth <= innerWidth
            ),
            true,
            `#${id} spills sideways at ${width} px`,
          );
        }
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole("tab", { name: "Alerts" }).click();

      // An in-page link to a group opens it.
      await page.evaluate(() => (location.hash = "#settings"));
      await page.locator("#settings[role=tabpanel]").waitFor({
        state: "visible",
      });
      assert.equal(await selected.textContent(), "Settings");
      await context.close();
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "[browser] a band page opened after sign-out sends the person to sign in and back to the band",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const who = await signIn(server.kv, server.origin);
      const bandId = await createBand(server.origin, who);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.origin}/devices/${bandId}`);
      assert.equal(
        new URL(page.url()).pathname + new URL(page.url()).search,
        `/signin?next=${encodeURIComponent(`/devices/${bandId}`)}`,
      );
      await page.getByLabel("Username").fill("ada");
      await page.getByLabel("Password").fill("correct horse battery staple");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL(`${server.origin}/devices/${bandId}`);
      assert.equal(
        await page.locator("h1").first().innerText(),
        "Morning band",
      );
      await context.close();
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "[browser] the Device group forgets the band after a confirmation and returns home",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const who = await signIn(server.kv, server.origin);
      const bandId = await createBand(server.origin, who);
      const context = await browser.newContext();
      await context.addCookies([who.cookie]);
      const page = await context.newPage();
      await page.goto(`${server.origin}/devices/${bandId}#device`);
      // The fragment's group shows once the tabs hydrate; its cards hydrate then.
      await page.locator("#device[role=tabpanel]").waitFor({
        state: "visible",
      });
      await waitForIslands(page);
      await page.getByRole("button", { name: "Forget this band…" }).click();
      // Nothing is deleted before the confirmation; keeping it backs out.
      await page.getByRole("button", { name: "Keep it" }).click();
      const kept = await fetch(`${server.origin}/api/bands`, {
        headers: { Cookie: who.cookieHeader },
      });
      assert.equal((await kept.json()).bands.length, 1);
      await page.getByRole("button", { name: "Forget this band…" }).click();
      await page.getByRole("button", {
        name: "Forget Morning band and its history",
      }).click();
      await page.waitForURL(`${server.origin}/`);
      const res = await fetch(`${server.origin}/api/bands`, {
        headers: { Cookie: who.cookieHeader },
      });
      assert.equal(res.status, 200);
      assert.deepEqual((await res.json()).bands, []);
      await context.close();
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
