// Debian's Chromium driven by playwright-core, with the flags this machine needs.
import { type Browser, chromium } from "playwright-core";
import { findChromium } from "./chromium_path.ts";

/** Folder for screenshots (git-ignored). */
export const ARTIFACTS =
  new URL("../../test-artifacts/", import.meta.url).pathname;

/** Starts a headless Chromium; `webBluetooth` turns on the Web Bluetooth API. */
export async function launchBrowser(
  options: { webBluetooth?: boolean } = {},
): Promise<Browser> {
  const executablePath = findChromium(Deno.env.get("CHROME_PATH"));
  if (!executablePath) {
    throw new Error(
      "Cannot start the browser tests: no Chromium found; run deno task test (it installs one) or set CHROME_PATH",
    );
  }
  return await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      ...(options.webBluetooth ? ["--enable-features=WebBluetooth"] : []),
    ],
  });
}

/** Saves a screenshot under test-artifacts/ and returns its path. */
export async function saveScreenshot(
  page: {
    screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
  },
  name: string,
): Promise<string> {
  await Deno.mkdir(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
