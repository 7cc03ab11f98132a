import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { serveTestApp } from "../support/test_app.ts";

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(String(err)));
  return problems;
}

/**
 * Opens a page with one Chromium virtual authenticator and sets up the owner
 * account through the form; `verifies` says whether the authenticator can
 * check the person (a phone or laptop) or not (a bare security key).
 */
async function setUpOwnerWithAuthenticator(
  browser: Browser,
  origin: string,
  verifies: boolean,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send(
    "WebAuthn.addVirtualAuthenticator",
    {
      options: {
        protocol: "ctap2",
        transport: verifies ? "internal" : "usb",
        hasResidentKey: true,
        hasUserVerification: verifies,
        isUserVerified: verifies,
        automaticPresenceSimulation: true,
      },
    },
  );
  await page.goto(`${origin}/setup`);
  await page.getByLabel("Username").fill("ada");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create owner account" }).click();
  await page.waitForURL(`${origin}/`);
  return { page, cdp, authenticatorId };
}

Deno.test({
  name:
    "[browser] passkeys: register with Chromium's virtual authenticator, rename, sign in through autofill and the button, remove it",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const { page, cdp, authenticatorId } = await setUpOwnerWithAuthenticator(
        browser,
        server.origin,
        true,
      );
      const problems = watchProblems(page);

      await page.goto(`${server.origin}/account`);
      await page.getByLabel("Passkey name").fill("Test laptop");
      await page.getByRole("button", { name: "Add a passkey" }).click();
      await page.getByRole("status").filter({
        hasText: 'Passkey "Test laptop" added',
      }).waitFor();
      const { credentials } = await cdp.send("WebAuthn.getCredentials", {
        authenticatorId,
      });
      assert.equal(credentials.length, 1);
      assert.equal(credentials[0].isResidentCredential, true);
      assert.equal(credentials[0].rpId, "localhost");

      await page.getByLabel("Name of passkey Test laptop").fill("Work laptop");
      await page.getByRole("button", { name: "Save name" }).click();
      await page.getByRole("status").filter({
        hasText: 'Passkey renamed to "Work laptop"',
      }).waitFor();
      await saveScreenshot(page, "account-passkeys");

      await page.getByRole("button", { name: "Sign out" }).click();
      // Conditional UI: the sign-in page offers passkeys in the username
      // field's autofill; the virtual authenticator, which needs no person,
      // answers that at once, so the page signs in by itself.
      await page.waitForURL(`${server.origin}/`);
      await page.getByRole("heading", { name: "Your bands" }).waitFor();

      // The button, in a browser without conditional UI.
      await page.addInitScript(() =>
        Object.defineProperty(
          PublicKeyCredential,
          "isConditionalMediationAvailable",
          { value: () => Promise.resolve(false) },
        )
      );
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/signin$/);
      await page.getByRole("button", { name: "Sign in with a passkey" })
        .click();
      await page.waitForURL(`${server.origin}/`);
      await page.getByRole("heading", { name: "Your bands" }).waitFor();
      assert.match(
        await page.locator(".user-name").textContent() ?? "",
        /ada/,
      );

      await page.goto(`${server.origin}/account`);
      assert.equal(
        await page.getByLabel("Name of passkey Work laptop").inputValue(),
        "Work laptop",
      );
      assert.doesNotMatch(
        await page.locator(".passkeys").textContent() ?? "",
        /last used never/,
        "the sign-in recorded a last use",
      );
      await page.getByRole("button", { name: "Remove passkey Work laptop" })
        .click();
      await page.getByRole("status").filter({
        hasText: 'Passkey "Work laptop" removed',
      }).waitFor();
      await page.reload();
      await page.getByText("No passkeys yet.").waitFor();

      // The authenticator still holds the credential, but the server no longer knows it.
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/signin$/);
      await page.getByRole("button", { name: "Sign in with a passkey" })
        .click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(
        await alert.textContent() ?? "",
        /Cannot sign in with this passkey: it is unknown here/,
      );
      assert.equal(new URL(page.url()).pathname, "/signin");
      assert.deepEqual(
        problems.filter((p) => !/status of 401/.test(p)),
        [],
      );
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "[browser] passkeys: an authenticator that cannot verify the person (a key without a PIN) is refused, and nothing is stored",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const server = await serveTestApp();
    const browser = await launchBrowser();
    try {
      const { page, cdp, authenticatorId } = await setUpOwnerWithAuthenticator(
        browser,
        server.origin,
        false,
      );

      await page.goto(`${server.origin}/account`);
      await page.getByLabel("Passkey name").fill("Bare key");
      await page.getByRole("button", { name: "Add a passkey" }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match(
        await alert.textContent() ?? "",
        /^Cannot add a passkey: .*it needs a PIN, fingerprint or face lock/,
      );
      const { credentials } = await cdp.send("WebAuthn.getCredentials", {
        authenticatorId,
      });
      assert.equal(credentials.length, 0);
      await page.reload();
      await page.getByText("No passkeys yet.").waitFor();
    } finally {
      await browser.close();
      await server.shutdown();
    }
  },
});
