// The add-band page against Chromium's own Web Bluetooth stack, with the band played
// by CDP BluetoothEmulation. Chrome 156 here has every method these tests use, but
// its chooser lists emulated peripherals by address with an empty name, and it has
// no getDevices() without persistent permissions. The emulation cannot push the
// band's auth challenge, so these tests stop at the authenticate step.
import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { BAND_REQUEST_OPTIONS } from "../../lib/ble/request_options.ts";
import { CHARACTERISTIC, SERVICE } from "../../lib/protocol/constants.ts";
import { encodeSystemId } from "../../lib/protocol/mac.ts";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import {
  answerChooser,
  EmulatedBand,
  enableBluetoothEmulation,
} from "../support/bluetooth_emulation.ts";
import { TEST_KEY } from "../support/inject_band.ts";
import { signIn } from "../support/signed_in.ts";
import { serveTestApp } from "../support/test_app.ts";

const MAC = "D1:C5:15:51:03:89";
const OTHER_MAC = "D1:C5:15:51:03:8A";
const NOT_A_BAND_MAC = "C8:0F:10:AA:BB:CC";

interface Setup {
  page: Page;
  context: BrowserContext;
  band: EmulatedBand;
  kv: Deno.Kv;
}

async function withEmulatedBand(
  systemIdMac: string,
  run: (setup: Setup) => Promise<void>,
) {
  const server = await serveTestApp();
  const browser = await launchBrowser({ webBluetooth: true });
  try {
    const user = await signIn(server.kv, server.origin);
    const session = await enableBluetoothEmulation(browser);
    const band = await EmulatedBand.create(session, { address: MAC });
    // Another Huami device nearby, which the chooser's name filter must leave out.
    await EmulatedBand.create(session, {
      address: NOT_A_BAND_MAC,
      name: "Mi Smart Band 5",
    });
    band.values.set(CHARACTERISTIC.systemId, encodeSystemId(systemIdMac));
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    await context.addCookies([user.cookie]);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (err) => problems.push(String(err)));
    await page.goto(`${server.origin}/devices/new`);
    await page.waitForSelector(
      '[data-island="AddBandFlow"][data-hydrated="true"]',
    );
    await run({ page, context, band, kv: server.kv });
    assert.deepEqual(band.errors, []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.shutdown();
  }
}

async function submit(page: Page, mac: string) {
  await page.getByLabel("MAC address").fill(mac);
  await page.getByLabel("Auth key").fill(TEST_KEY);
  await page.getByRole("button", { name: "Choose band and add" }).click();
}

async function countBands(kv: Deno.Kv): Promise<number> {
  return (await Array.fromAsync(kv.list({ prefix: ["bands"] }))).length;
}

const isAuthRequest = (op: { characteristic: string; type: string }) =>
  op.characteristic === CHARACTERISTIC.auth && op.type === "write";

Deno.test({
  name:
    "[browser] emulated band: the chooser picks it, its System ID passes the MAC check and the page writes 02 00 to the auth characteristic",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withEmulatedBand(MAC, async ({ page, context, band, kv }) => {
      const chooser = await answerChooser(context, page, {
        select: band.address,
      });
      await submit(page, MAC);
      await chooser.answered;
      assert.deepEqual(chooser.listed, [MAC]);
      const write = await band.waitForOperation(isAuthRequest);
      assert.equal(write.service, SERVICE.miBand2);
      assert.equal(write.writeType, "write-without-response");
      assert.deepEqual(write.data, Uint8Array.of(0x02, 0x00));
      // Real Web Bluetooth: System ID read first, then the auth subscription, then the request.
      assert.deepEqual(
        band.operations.map((op) => `${op.characteristic} ${op.type}`),
        [
          `${CHARACTERISTIC.systemId} read`,
          `${CHARACTERISTIC.auth} subscribe-to-notifications`,
          `${CHARACTERISTIC.auth} write`,
        ],
      );
      const current = page.locator('.add-steps li[aria-current="step"]');
      assert.equal(await current.textContent(), "Authenticate with the key …");
      assert.deepEqual(
        await page.locator(".add-steps li.step-done").allTextContents(),
        ["Choose the band in Chrome's list ✓", "Check its MAC address ✓"],
      );
      await saveScreenshot(page, "emulation-authenticating-1280");
      // The emulated band never answers with a challenge; dropping the link must end the wait.
      await band.disconnect();
      const error = page.locator("#add-error");
      await error.waitFor();
      assert.equal(
        await error.locator("strong").textContent(),
        "The connection to the band was lost",
      );
      assert.equal((await error.textContent())?.includes(TEST_KEY), false);
      assert.equal(await countBands(kv), 0);
    });
  },
});

Deno.test({
  name:
    "[browser] emulated band: a System ID with another MAC is refused before any auth write",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withEmulatedBand(OTHER_MAC, async ({ page, context, band, kv }) => {
      const chooser = await answerChooser(context, page, {
        select: band.address,
      });
      await submit(page, MAC);
      await chooser.answered;
      const error = page.locator("#add-error");
      await error.waitFor();
      assert.equal(
        await error.locator("strong").textContent(),
        "This is a different band",
      );
      assert.deepEqual(
        band.operations.map((op) => `${op.characteristic} ${op.type}`),
        [`${CHARACTERISTIC.systemId} read`],
      );
      assert.equal(await countBands(kv), 0);
      await saveScreenshot(page, "emulation-mac-mismatch-1280");
    });
  },
});

Deno.test({
  name:
    "[browser] emulated band: cancelling the chooser says no band was chosen, and choosing again works",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withEmulatedBand(MAC, async ({ page, context, band }) => {
      const cancel = await answerChooser(context, page, { cancel: true });
      await submit(page, MAC);
      await cancel.answered;
      const error = page.locator("#add-error");
      await error.waitFor();
      assert.equal(
        await error.locator("strong").textContent(),
        "No band was chosen",
      );
      assert.equal(
        await error.locator("p").textContent(),
        'Click connect again and pick "Mi Smart Band 4" in the list',
      );
      assert.deepEqual(band.operations, []);
      const retry = page.getByRole("button", { name: "Choose band and add" });
      assert.equal(await retry.isEnabled(), true);
      const select = await answerChooser(context, page, {
        select: band.address,
      });
      await retry.click();
      await select.answered;
      await band.waitForOperation(isAuthRequest);
      assert.equal(await error.count(), 0);
    });
  },
});

Deno.test({
  name:
    "[browser] emulated band: a GATT error on the System ID read shows a Bluetooth failure message",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withEmulatedBand(MAC, async ({ page, context, band, kv }) => {
      // ATT 0x02 "Read Not Permitted" on System ID only.
      band.handler = (op) =>
        op.characteristic === CHARACTERISTIC.systemId
          ? { code: 0x02 }
          : undefined;
      const chooser = await answerChooser(context, page, {
        select: band.address,
      });
      await submit(page, MAC);
      await chooser.answered;
      const error = page.locator("#add-error");
      await error.waitFor();
      assert.equal(
        await error.locator("strong").textContent(),
        "A Bluetooth request to the band failed",
      );
      assert.equal(
        await error.locator("p").textContent(),
        "Try again; if it keeps failing, reconnect the band",
      );
      assert.equal(band.operations.some(isAuthRequest), false);
      assert.equal(await countBands(kv), 0);
    });
  },
});

Deno.test({
  name:
    "[browser] emulated band: the app's requestDevice options grant its services and refuse an unlisted one",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withEmulatedBand(MAC, async ({ page, context, band }) => {
      // A probe button on the page, so requestDevice runs inside a real click.
      await page.evaluate(
        ({ options, listed, unlisted }) => {
          const button = document.createElement("button");
          button.id = "probe";
          button.textContent = "Probe";
          button.addEventListener("click", async () => {
            const bluetooth = (navigator as unknown as {
              bluetooth: {
                requestDevice(o: unknown): Promise<{
                  gatt: {
                    connect(): Promise<{
                      getPrimaryService(uuid: string): Promise<unknown>;
                    }>;
                  };
                }>;
              };
            }).bluetooth;
            const outcome = (p: Promise<unknown>) =>
              p.then(() => "ok", (err: Error) => err.name);
            const device = await bluetooth.requestDevice(options);
            const server = await device.gatt.connect();
            button.dataset.listed = await outcome(
              server.getPrimaryService(listed),
            );
            button.dataset.unlisted = await outcome(
              server.getPrimaryService(unlisted),
            );
          });
          document.body.append(button);
        },
        {
          options: BAND_REQUEST_OPTIONS,
          listed: SERVICE.miBand1,
          unlisted: SERVICE.firmwareUpdate,
        },
      );
      const chooser = await answerChooser(context, page, {
        select: band.address,
      });
      await page.locator("#probe").click();
      await chooser.answered;
      const probe = page.locator("#probe[data-unlisted]");
      await probe.waitFor();
      assert.equal(await probe.getAttribute("data-listed"), "ok");
      assert.equal(await probe.getAttribute("data-unlisted"), "SecurityError");
    });
  },
});
