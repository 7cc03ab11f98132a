// Debian's Chromium driven by playwright-core, with the flags this machine needs.
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { findChromium } from "./chromium_path.ts";

/** Folder for screenshots (git-ignored). */
export const ARTIFACTS =
  new URL("../../test-artifacts/", import.meta.url).pathname;

// The flags every test browser runs with on this machine.
function chromiumArgs(webBluetooth: boolean): string[] {
  return [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    ...(webBluetooth ? ["--enable-features=WebBluetooth"] : []),
  ];
}

function requireChromium(): string {
  const executablePath = findChromium(Deno.env.get("CHROME_PATH"));
  if (!executablePath) {
    throw new Error(
      "Cannot start the browser tests: no Chromium found; run deno task test (it installs one) or set CHROME_PATH",
    );
  }
  return executablePath;
}

/** Starts a headless Chromium; `webBluetooth` turns on the Web Bluetooth API. */
export async function launchBrowser(
  options: { webBluetooth?: boolean } = {},
): Promise<Browser> {
  return await chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: chromiumArgs(options.webBluetooth ?? false),
  });
}

/** A browser profile kept on disk for one test, and how to close and remove it. */
export interface PersistentProfile {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Chromium with a persistent (not incognito) profile in a temporary
 * folder: installing the app, and storage that outlives a page, need one.
 */
export async function openPersistentProfile(
  options: {
    prefix: string;
    viewport: { width: number; height: number };
    webBluetooth?: boolean;
  },
): Promise<PersistentProfile> {
  const dir = await Deno.makeTempDir({ prefix: options.prefix });
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: requireChromium(),
    headless: true,
    viewport: options.viewport,
    locale: "en-GB",
    timezoneId: "UTC",
    args: chromiumArgs(options.webBluetooth ?? false),
  });
  return {
    context,
    async close() {
      await context.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
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
