// The band with the server out of reach, in real Chromium with the simulator
// in the page: "Use this band offline on this browser" keeps a wrapped key;
// offline (network off, or the server process stopped) the band page opens
// from its saved copy, an alarm reaches the band and waits for the server,
// a sync fills the outbox without acknowledging the band; back online the
// outbox drains exactly once (after a reload, and with two tabs), the server
// holds exactly the band's minutes, the next sync acknowledges the band, and
// signing out wipes the key.
import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import {
  openPersistentProfile,
  type PersistentProfile,
  saveScreenshot,
} from "../support/browser.ts";
import { createTestApp } from "../support/test_app.ts";
import { buildInjectScript, TEST_KEY } from "../support/inject_band.ts";
import { signIn } from "../support/signed_in.ts";
import { getBand } from "../../lib/db/bands.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import { listStoredTimes, storeBand } from "./band_page_support.tsx";
import {
  card,
  expectNote,
  openGroup,
  readSim,
} from "./band_controls_support_test.ts";

const MAC = "D1:C5:15:51:03:89";
const MINUTE = 60_000;
const HISTORY_MINUTES = 1440;

interface OfflineSite {
  origin: string;
  kv: Deno.Kv;
  userId: string;
  bandId: string;
  cookie: { name: string; value: string; url: string };
  /** POST /samples requests the server answered. */
  uploads: number;
  /** Stops the server process's listener, as a server that went down. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): void;
  shutdown(): Promise<void>;
}

async function serveSite(): Promise<OfflineSite> {
  const testApp = await createTestApp({ env: { PORT: "0" } });
  const user = await signIn(testApp.kv, "http://localhost");
  const bandId = await storeBand(testApp.kv, user.userId, {
    mac: MAC,
    key: TEST_KEY,
  });
  let server: Deno.HttpServer<Deno.NetAddr> | null = null;
  let port = 0;
  const site: OfflineSite = {
    origin: "",
    kv: testApp.kv,
    userId: user.userId,
    bandId,
    cookie: { name: user.cookie.name, value: user.cookie.value, url: "" },
    uploads: 0,
    async stop() {
      await server?.shutdown();
      server = null;
    },
    start() {
      server = Deno.serve(
        { port, hostname: "127.0.0.1", onListen: () => {} },
        (request) => {
          const url = new URL(request.url);
          if (
            request.method === "POST" && url.pathname.endsWith("/samples")
          ) site.uploads++;
          return testApp.app.fetch(request);
        },
      );
      port = server.addr.port;
    },
    async shutdown() {
      await server?.shutdown();
      testApp.close();
    },
  };
  site.start();
  site.origin = `http://localhost:${port}`;
  site.cookie.url = site.origin;
  return site;
}

function openProfile(): Promise<PersistentProfile> {
  return openPersistentProfile({
    prefix: "band-web-offline-",
    viewport: { width: 1100, height: 900 },
    webBluetooth: true,
  });
}

/** The band's history: one day ending at the current minute, the same on every load. */
async function injectBand(context: BrowserContext, end: number): Promise<void> {
  await context.addInitScript(
    await buildInjectScript({
      bands: [{
        mac: MAC,
        key: TEST_KEY,
        historyDays: HISTORY_MINUTES / 1440,
        historyEnd: end,
        seed: 11,
      }],
      latencyMs: 1,
    }),
  );
}

async function openBandPage(page: Page, site: OfflineSite): Promise<void> {
  await page.goto(`${site.origin}/devices/${site.bandId}`);
  await page.waitForSelector(
    '[data-island="OfflineBand"][data-hydrated="true"]',
  );
}

/** Opens the band page until the service worker controls it and has saved it. */
async function openSaved(page: Page, site: OfflineSite): Promise<void> {
  await openBandPage(page, site);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await openBandPage(page, site);
}

/** A signed-in browser, the band in its pages, and the band page saved for offline. */
interface Stage {
  site: OfflineSite;
  profile: PersistentProfile;
  page: Page;
  /** The band's last minute + 1 (its history's end). */
  end: number;
}

async function setStage(): Promise<Stage> {
  const site = await serveSite();
  const profile = await openProfile();
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  await profile.context.addCookies([site.cookie]);
  await injectBand(profile.context, end);
  const page = await profile.context.newPage();
  await openSaved(page, site);
  return { site, profile, page, end };
}

async function clearStage(stage: Stage): Promise<void> {
  await stage.profile.close();
  await stage.site.shutdown();
}

async function keepOffline(page: Page): Promise<void> {
  await page.locator("#offline-toggle").check();
  await expectWaiting(page, /^Nothing waiting to upload/);
}

function waitingText(page: Page): Promise<string> {
  return page.locator("#offline-waiting").textContent().then((t) => t ?? "");
}

async function expectWaiting(page: Page, text: RegExp): Promise<void> {
  try {
    await page.locator("#offline-waiting", { hasText: text }).waitFor({
      timeout: 15_000,
    });
  } catch {
    throw new Error(
      `Expected the outbox line to match ${text}, it reads "${await waitingText(
        page,
      )}"`,
    );
  }
}

async function expectSummary(page: Page, text: RegExp): Promise<void> {
  try {
    await page.locator("#sync-summary", { hasText: text }).waitFor({
      timeout: 30_000,
    });
  } catch {
    const summary = await page.locator("#sync-summary").textContent({
      timeout: 1000,
    }).catch(() => null);
    const error = await page.locator("#connection-error").textContent({
      timeout: 1000,
    }).catch(() => null);
    throw new Error(
      `Expected the sync summary to match ${text}; it reads ${
        JSON.stringify(summary)
      }, the error line ${JSON.stringify(error)}`,
    );
  }
}

/** What the page's IndexedDB holds for offline use. */
function readStore(page: Page): Promise<
  {
    databases: string[];
    bands: { bandId: string; keyExtractable: boolean; text: string }[];
    outboxBatches: number;
  }
> {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name ?? "");
    if (!databases.includes("band-web-offline")) {
      return { databases, bands: [], outboxBatches: 0 };
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open("band-web-offline");
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const bands = (await all("bands")) as {
      bandId: string;
      key: { wrappingKey: CryptoKey; data: ArrayBuffer; iv: Uint8Array };
    }[];
    const outbox = await all("outbox");
    db.close();
    return {
      databases,
      bands: bands.map((b) => ({
        bandId: b.bandId,
        keyExtractable: b.key.wrappingKey.extractable,
        // Everything stored, as text, to look for the key in it.
        text: JSON.stringify(b) +
          Array.from(
            new Uint8Array(b.key.data),
            (x) => x.toString(16).padStart(2, "0"),
          ).join("") +
          new TextDecoder().decode(b.key.data),
      })),
      outboxBatches: outbox.length,
    };
  });
}

function expectedMinutes(end: number): number[] {
  return Array.from(
    { length: HISTORY_MINUTES },
    (_, i) => end - (HISTORY_MINUTES - i) * MINUTE,
  );
}

async function storedMinutes(site: OfflineSite, end: number) {
  return await listStoredTimes(site.kv, site.bandId, {
    from: new Date(end - 2 * 1440 * MINUTE).toISOString().slice(0, 10),
    to: new Date(end + 1440 * MINUTE).toISOString().slice(0, 10),
  });
}

// A sync that finds no minute the server lacks; the workouts the band kept
// while offline (if its day of history holds one) come now.
const NO_NEW_MINUTES = /^(Already up to date|\d+ workouts? stored)$/;

const browserTest = { sanitizeResources: false, sanitizeOps: false };

Deno.test({
  ...browserTest,
  name:
    "[browser] offline: the kept band connects with its wrapped key, an alarm reaches the band and waits, a sync fills the outbox unacknowledged; online again it drains exactly and the next sync acknowledges; sign-out wipes the key",
  async fn() {
    const stage = await setStage();
    const { site, profile, page, end } = stage;
    try {
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(String(e)));

      // Off by default: nothing secret in this browser.
      assert.equal(await page.locator("#offline-toggle").isChecked(), false);
      assert.deepEqual((await readStore(page)).bands, []);
      await keepOffline(page);
      const kept = await readStore(page);
      assert.equal(kept.bands.length, 1);
      assert.equal(kept.bands[0].keyExtractable, false);
      assert.ok(
        !kept.bands[0].text.toLowerCase().includes(TEST_KEY),
        "the key is not stored in the clear",
      );

      // Offline: the page opens from its saved copy and the band still connects.
      await profile.context.setOffline(true);
      await openBandPage(page, site);
      assert.match(
        await page.locator("#offline-banner").textContent() ?? "",
        /^Offline: saved copy from /,
      );
      await page.getByRole("button", { name: "Connect" }).click();
      await expectSummary(page, /^Read 1 day of history from the band/);
      await expectWaiting(
        page,
        /^1 day \(1,440 minutes\) waiting to upload · \d/,
      );
      assert.equal(await readSim(page, "syncedMinutes"), 0);
      assert.equal((await readStore(page)).outboxBatches > 0, true);
      assert.match(
        await page.locator("#offline-reach").textContent() ?? "",
        /server is out of reach/,
      );
      await saveScreenshot(page, "offline-band-outbox");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: "dark" });
      await saveScreenshot(page, "offline-band-outbox-390-dark");
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize({ width: 1100, height: 900 });

      // An alarm set offline reaches the band and waits for the server.
      await openGroup(page, "Schedule");
      const alarms = card(page, "alarms");
      await alarms.getByLabel("Time of alarm 1").fill("06:30");
      await alarms.getByRole("button", { name: "Save alarm" }).click();
      await expectNote(
        page,
        "alarms",
        "Alarm 1 set for 06:30 · kept on this browser until the server is back",
      );
      const slots = await readSim<{ time: unknown }[]>(page, "alarms");
      assert.deepEqual(slots[0].time, { hour: 6, minute: 30 });
      await expectWaiting(page, /1 setting change waiting to be saved/);
      assert.equal(
        await getSyncState(site.kv, site.bandId).then((s) => s.cursor),
        null,
      );
      await saveScreenshot(page, "offline-band-alarm");

      // Back online: the change and the outbox go up, exactly once.
      await profile.context.setOffline(false);
      await expectWaiting(page, /^Nothing waiting to upload/);
      assert.deepEqual(await storedMinutes(site, end), expectedMinutes(end));
      const band = await getBand(site.kv, site.userId, site.bandId);
      assert.deepEqual(
        band?.settings.alarms?.map((a) => [a.index, a.hour, a.minute]),
        [[0, 6, 30]],
      );
      assert.equal(await readSim(page, "syncedMinutes"), 0);
      // The next sync reaches the server and acknowledges the band.
      await page.getByRole("button", { name: "Sync now" }).click();
      await expectSummary(page, NO_NEW_MINUTES);
      assert.equal(await readSim(page, "syncedMinutes"), HISTORY_MINUTES);
      assert.deepEqual(await storedMinutes(site, end), expectedMinutes(end));

      // Sign-out wipes the key (and everything else kept for offline use).
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${site.origin}/signin`);
      const after = await readStore(page);
      assert.deepEqual(after.bands, []);
      assert.deepEqual(problems, []);
    } finally {
      await clearStage(stage);
    }
  },
});

Deno.test({
  ...browserTest,
  name:
    "[browser] offline with the server process stopped: the outbox survives a reload, two tabs upload it once, and the server holds exactly the band's minutes",
  async fn() {
    const stage = await setStage();
    const { site, profile, page: first, end } = stage;
    try {
      await keepOffline(first);

      await site.stop();
      await openBandPage(first, site);
      await first.getByRole("button", { name: "Connect" }).click();
      await expectWaiting(first, /^1 day \(1,440 minutes\) waiting to upload/);
      assert.equal(await readSim(first, "syncedMinutes"), 0);
      const batches = (await readStore(first)).outboxBatches;
      assert.ok(batches > 0);

      // A reload while the server is down: the outbox is still there, and the
      // band (reconnected by itself) has nothing newer to add to it.
      const nothingNew = (page: Page) =>
        expectSummary(page, /^Nothing new on the band/);
      await openBandPage(first, site);
      await expectWaiting(first, /^1 day \(1,440 minutes\) waiting to upload/);
      await nothingNew(first);
      const second = await profile.context.newPage();
      await openBandPage(second, site);
      await expectWaiting(second, /^1 day \(1,440 minutes\) waiting to upload/);
      await nothingNew(second);
      assert.equal((await readStore(second)).outboxBatches, batches);
      assert.equal(site.uploads, 0);

      // The server is back and both tabs hear it at once: one uploads.
      site.start();
      await Promise.all(
        [first, second].map((p) =>
          p.evaluate(() => dispatchEvent(new Event("online")))
        ),
      );
      await expectWaiting(first, /^Nothing waiting to upload/);
      await expectWaiting(second, /^Nothing waiting to upload/);
      assert.equal(site.uploads, batches);
      assert.deepEqual(await storedMinutes(site, end), expectedMinutes(end));

      // The reloaded tab reconnected by itself; its next sync acknowledges the band.
      await first.getByRole("button", { name: "Sync now" }).click();
      await expectSummary(first, NO_NEW_MINUTES);
      assert.equal(await readSim(first, "syncedMinutes"), HISTORY_MINUTES);
      assert.deepEqual(await storedMinutes(site, end), expectedMinutes(end));
    } finally {
      await clearStage(stage);
    }
  },
});

Deno.test({
  ...browserTest,
  name:
    "[browser] offline: if the browser evicts the outbox, nothing is lost: the band was never acknowledged and the next sync online stores every minute",
  async fn() {
    const stage = await setStage();
    const { site, profile, page, end } = stage;
    try {
      await keepOffline(page);

      await profile.context.setOffline(true);
      await openBandPage(page, site);
      await page.getByRole("button", { name: "Connect" }).click();
      await expectWaiting(page, /^1 day \(1,440 minutes\) waiting to upload/);
      assert.equal(await readSim(page, "syncedMinutes"), 0);

      // Storage pressure: the browser drops the whole store, outbox and all.
      await page.evaluate(() =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase("band-web-offline");
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        })
      );
      assert.deepEqual(
        (await readStore(page)).databases.includes(
          "band-web-offline",
        ),
        false,
      );

      await profile.context.setOffline(false);
      await page.getByRole("button", { name: "Sync now" }).click();
      await expectSummary(page, /^Synced 1 day/);
      assert.deepEqual(await storedMinutes(site, end), expectedMinutes(end));
      assert.equal(await readSim(page, "syncedMinutes"), HISTORY_MINUTES);
      // The page says what happened: the band is no longer kept on this browser.
      await page.locator("#offline-toggle:not(:checked)").waitFor();
    } finally {
      await clearStage(stage);
    }
  },
});
