// Shared setup for the band-controls browser tests: a signed-in person, a stored
// band, one injected virtual band with the same MAC and key, and the band's page
// opened and connected. Named *_test.ts only so it sits with the files it serves;
// it declares no tests itself.
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../support/browser.ts";
import { buildInjectScript, TEST_KEY } from "../support/inject_band.ts";
import { signIn } from "../support/signed_in.ts";
import { serveBandApp, storeBand } from "./band_page_support.tsx";

/** The virtual band's MAC. */
export const MAC = "D1:C5:15:51:03:89";

/** A served app, a browser, and a band stored for a signed-in person. */
export interface ControlsRig {
  server: Awaited<ReturnType<typeof serveBandApp>>;
  browser: Browser;
  bandId: string;
  user: Awaited<ReturnType<typeof signIn>>;
  /** Opens the band's page at this width, connects it, and returns the page and its uncaught errors. */
  openConnected(width?: number): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Starts the app and the browser and stores the band. */
export async function startRig(): Promise<ControlsRig> {
  const server = await serveBandApp();
  const browser = await launchBrowser({ webBluetooth: true });
  const user = await signIn(server.kv, server.origin);
  const bandId = await storeBand(server.kv, user.userId, {
    mac: MAC,
    key: TEST_KEY,
  });
  const script = await buildInjectScript({
    bands: [{ mac: MAC, key: TEST_KEY }],
    latencyMs: 1,
  });
  return {
    server,
    browser,
    bandId,
    user,
    async openConnected(width = 1280) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
      });
      await context.addCookies([user.cookie]);
      await context.addInitScript(script);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.origin}/devices/${bandId}`);
      await waitForIslands(page);
      const status = page.locator("#connection-status");
      if (await status.getAttribute("data-status") !== "connected") {
        await page.getByRole("button", { name: "Connect", exact: true })
          .click();
      }
      await page.locator("#connection-status[data-status=connected]")
        .waitFor();
      return { page, errors };
    },
    async close() {
      await browser.close();
      await server.shutdown();
    },
  };
}

/**
 * Waits until every island on the page that should be live has hydrated: all
 * but lazy ones still out of sight (in a hidden tab panel), which hydrate when
 * first shown.
 */
export async function waitForIslands(page: Page): Promise<void> {
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

/** Reads a JSON-safe value from the first virtual band's state, by dotted path. */
export function readSim<T = unknown>(page: Page, path: string): Promise<T> {
  return page.evaluate((p) => {
    const g = globalThis as unknown as {
      __simBands: { state: Record<string, unknown> }[];
    };
    let value: unknown = g.__simBands[0].state;
    for (const key of p.split(".")) {
      value = (value as Record<string, unknown> | undefined)?.[key];
    }
    return JSON.parse(JSON.stringify(value ?? null));
  }, path) as Promise<T>;
}

/** Calls a method of the first virtual band (e.g. `addSteps`, `startFindPhone`). */
export function callSim(
  page: Page,
  method: string,
  ...args: unknown[]
): Promise<void> {
  return page.evaluate(([m, a]) => {
    const g = globalThis as unknown as {
      __simBands: Record<string, (...args: unknown[]) => void>[];
    };
    g.__simBands[0][m as string](...(a as unknown[]));
  }, [method, args] as const);
}

/** The card section with this id. */
export function card(page: Page, id: string) {
  return page.locator(`section#${id}`);
}

/** Waits for a card's note to read `text`, failing with the note's actual text. */
export async function expectNote(
  page: Page,
  id: string,
  text: string | RegExp,
): Promise<void> {
  const note = card(page, id).locator(".card-note");
  const wanted = typeof text === "string" ? text : undefined;
  try {
    await note.filter({ hasText: text }).waitFor({ timeout: 5000 });
  } catch {
    throw new Error(
      `Cannot find note ${wanted ?? text} in #${id}: it reads "${await note
        .textContent()}"`,
    );
  }
}

/** Opens a group of the band page's controls by its tab. */
export async function openGroup(page: Page, label: string): Promise<void> {
  await page.getByRole("tab", { name: label }).click();
  await page.locator("[role=tab][aria-selected=true]", { hasText: label })
    .waitFor();
  // The group's lazy cards hydrate once their panel shows.
  await waitForIslands(page);
}
