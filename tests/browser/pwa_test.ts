// Installable and offline in real Chromium: the manifest and its icons, the
// installability criteria (as Chromium's own check reports them), the service
// worker taking control, visited pages opening offline under the saved-copy
// banner, the offline page for the rest, sign-out clearing saved pages, and a
// new version replacing the old caches through "Reload to update".
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  openPersistentProfile,
  type PersistentProfile,
  saveScreenshot,
} from "../support/browser.ts";
import { createTestApp } from "../support/test_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";
import { SESSION_COOKIE } from "../../lib/auth/session.ts";
import {
  compileServiceWorker,
  planServiceWorker,
} from "../../lib/pwa/build_sw.ts";
import { projectPaths } from "../../lib/http/server.ts";
import { ROOT } from "../support/test_app.ts";

// A fixed instant for the seeded history and the server's clock.
const NOW = Date.UTC(2026, 0, 15, 12, 0);

interface PwaSite {
  origin: string;
  cookie: { name: string; value: string; url: string };
  bandPath: string;
  /** Serves this worker source at /sw.js instead of the app's (a "new deploy"). */
  replaceWorker(source: string): void;
  /** Stops answering on the port, as a server that went down. */
  stopServing(): Promise<void>;
  shutdown(): Promise<void>;
}

async function servePwaSite(): Promise<PwaSite> {
  const testApp = await createTestApp({
    env: { PORT: "0" },
    now: () => NOW,
  });
  const seeded = await seedPersonWithBand(testApp.kv, {
    timeZone: "UTC",
    now: NOW,
    weeks: 1,
  });
  let worker: string | undefined;
  let stopped: Promise<void> | undefined;
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    (request) => {
      if (worker && new URL(request.url).pathname === "/sw.js") {
        return new Response(worker, {
          headers: {
            "Content-Type": "text/javascript; charset=utf-8",
            "Cache-Control": "no-cache",
          },
        });
      }
      return testApp.app.fetch(request);
    },
  );
  const origin = `http://localhost:${server.addr.port}`;
  return {
    origin,
    cookie: {
      name: SESSION_COOKIE,
      value: seeded.cookie.split("=")[1],
      url: origin,
    },
    bandPath: `/devices/${seeded.bandId}`,
    replaceWorker: (source) => worker = source,
    stopServing: () => stopped ??= server.shutdown(),
    async shutdown() {
      await (stopped ??= server.shutdown());
      testApp.close();
    },
  };
}

function openProfile(): Promise<PersistentProfile> {
  return openPersistentProfile({
    prefix: "band-web-pwa-",
    viewport: { width: 1000, height: 760 },
  });
}

/**
 * Opens a page and waits until the service worker controls it. Pages with an
 * island register the worker (a band page does; home with bands ships no script).
 */
async function openControlled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

function listCaches(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const found: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      found[name] = (await cache.keys()).map((r) =>
        new URL(r.url).pathname + new URL(r.url).search
      );
    }
    return found;
  });
}

function pagesIn(caches: Record<string, string[]>): string[] {
  return Object.entries(caches)
    .filter(([name]) => name.startsWith("band-web-pages-"))
    .flatMap(([, paths]) => paths).sort();
}

const browserTest = { sanitizeResources: false, sanitizeOps: false };

Deno.test({
  ...browserTest,
  name:
    "[browser] the manifest is served and valid, and Chromium finds the app installable",
  async fn() {
    const site = await servePwaSite();
    const profile = await openProfile();
    try {
      const response = await fetch(`${site.origin}/manifest.webmanifest`);
      assert.equal(response.status, 200);
      assert.equal(
        response.headers.get("Content-Type"),
        "application/manifest+json",
      );
      const manifest = await response.json();
      assert.equal(manifest.name, "Band Web");
      assert.equal(manifest.short_name, "Band Web");
      assert.equal(manifest.start_url, "/");
      assert.equal(manifest.scope, "/");
      assert.equal(manifest.display, "standalone");
      assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
      assert.deepEqual(
        manifest.shortcuts.map((s: { url: string }) => s.url),
        ["/", "/devices/new"],
      );
      for (const icon of manifest.icons) {
        const file = await fetch(`${site.origin}${icon.src}`);
        assert.equal(file.status, 200, icon.src);
        assert.match(
          file.headers.get("Content-Type") ?? "",
          new RegExp(`^${icon.type.replace("+", "\\+")}`),
        );
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (icon.type === "image/png") {
          // The IHDR chunk: width and height at bytes 16 and 20.
          const view = new DataView(bytes.buffer);
          const side = Number(icon.sizes.split("x")[0]);
          assert.equal(view.getUint32(16), side, icon.src);
          assert.equal(view.getUint32(20), side, icon.src);
        }
      }
      const worker = await fetch(`${site.origin}/sw.js`);
      assert.equal(worker.status, 200);
      assert.equal(worker.headers.get("Service-Worker-Allowed"), "/");
      assert.equal(worker.headers.get("Cache-Control"), "no-cache");
      assert.match(
        worker.headers.get("Content-Type") ?? "",
        /^text\/javascript/,
      );
      await worker.body?.cancel();

      await profile.context.addCookies([site.cookie]);
      const page = profile.context.pages()[0] ??
        await profile.context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(String(e)));
      await openControlled(page, `${site.origin}${site.bandPath}`);
      const cdp = await profile.context.newCDPSession(page);
      const parsed = await cdp.send("Page.getAppManifest") as {
        url: string;
        errors: unknown[];
        data?: string;
      };
      assert.equal(parsed.url, `${site.origin}/manifest.webmanifest`);
      assert.deepEqual(parsed.errors, []);
      // The link sends the session cookie, so Chromium's copy lists the band.
      const fetched = JSON.parse(parsed.data ?? "{}") as {
        shortcuts?: { url: string }[];
      };
      assert.deepEqual(
        fetched.shortcuts?.map((s) => s.url),
        [site.bandPath, "/", "/devices/new"],
      );
      const { installabilityErrors } = await cdp.send(
        "Page.getInstallabilityErrors",
      );
      assert.deepEqual(installabilityErrors, []);
      assert.deepEqual(problems, []);
    } finally {
      await profile.close();
      await site.shutdown();
    }
  },
});

Deno.test({
  ...browserTest,
  name:
    "[browser] offline or with the server down, a visited page opens from its saved copy under a banner and an unvisited page gets the offline page",
  async fn() {
    const site = await servePwaSite();
    const profile = await openProfile();
    try {
      await profile.context.addCookies([site.cookie]);
      const page = await profile.context.newPage();
      await openControlled(page, `${site.origin}${site.bandPath}`);
      // Controlled from here on: these visits are saved.
      await page.goto(`${site.origin}/`);
      await page.goto(`${site.origin}${site.bandPath}`);
      const online = await page.locator("h1").first().textContent();
      const cached = await listCaches(page);
      assert.deepEqual(pagesIn(cached), ["/", site.bandPath]);
      assert.ok(
        Object.values(cached).flat().every((path) => !path.startsWith("/api")),
        "no API answer is cached",
      );
      const shell = Object.entries(cached).find(([name]) =>
        name.startsWith("band-web-shell-")
      )?.[1] ?? [];
      assert.ok(shell.includes("/offline.html"));
      assert.ok(
        !shell.includes("/manifest.webmanifest"),
        "the per-person manifest is not in the shared shell",
      );
      assert.ok(shell.includes("/styles.css"));
      assert.ok(shell.some((path) =>
        /^\/build\/page-\w+\.js$/.test(path)
      ));

      await profile.context.setOffline(true);
      await page.goto(`${site.origin}${site.bandPath}`);
      const banner = page.locator("#offline-banner");
      assert.match(
        await banner.textContent() ?? "",
        /^Offline: saved copy from \S.+$/,
      );
      const savedAt = await banner.locator("time").getAttribute("datetime");
      assert.ok(!Number.isNaN(Date.parse(savedAt ?? "")), "a real time");
      assert.equal(await page.locator("h1").first().textContent(), online);
      await saveScreenshot(page, "pwa-offline-banner");

      await page.goto(`${site.origin}${site.bandPath}/history`);
      assert.equal(
        await page.locator("h1").textContent(),
        "This page was not saved on this browser",
      );
      assert.match(
        await page.locator("main").textContent() ?? "",
        /What still works/,
      );
      await saveScreenshot(page, "pwa-offline-page");

      // Online again, but the server is down: the same saved copy.
      await profile.context.setOffline(false);
      await site.stopServing();
      await page.goto(`${site.origin}/`);
      assert.match(
        await page.locator("#offline-banner").textContent() ?? "",
        /^Offline: saved copy from /,
      );
      await page.emulateMedia({ colorScheme: "dark" });
      await saveScreenshot(page, "pwa-offline-home-dark");
    } finally {
      await profile.close();
      await site.shutdown();
    }
  },
});

Deno.test({
  ...browserTest,
  name: "[browser] signing out clears the saved pages",
  async fn() {
    const site = await servePwaSite();
    const profile = await openProfile();
    try {
      await profile.context.addCookies([site.cookie]);
      const page = await profile.context.newPage();
      await openControlled(page, `${site.origin}${site.bandPath}`);
      await page.goto(`${site.origin}${site.bandPath}`);
      assert.deepEqual(pagesIn(await listCaches(page)), [site.bandPath]);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${site.origin}/signin`);
      assert.deepEqual(pagesIn(await listCaches(page)), []);
      await profile.context.setOffline(true);
      await page.goto(`${site.origin}${site.bandPath}`);
      assert.equal(
        await page.locator("h1").textContent(),
        "This page was not saved on this browser",
      );
    } finally {
      await profile.close();
      await site.shutdown();
    }
  },
});

Deno.test({
  ...browserTest,
  name:
    "[browser] a new version waits, offers Reload to update, and replaces the old caches",
  async fn() {
    const site = await servePwaSite();
    const profile = await openProfile();
    try {
      await profile.context.addCookies([site.cookie]);
      const page = await profile.context.newPage();
      await openControlled(page, `${site.origin}${site.bandPath}`);
      await page.goto(`${site.origin}/`);
      const before = Object.keys(await listCaches(page)).sort();
      const plan = await planServiceWorker(projectPaths(ROOT));
      assert.deepEqual(before, [
        `band-web-pages-${plan.version}`,
        `band-web-shell-${plan.version}`,
      ]);
      const next = { ...plan, version: `${plan.version}-next` };
      site.replaceWorker(await compileServiceWorker(next));
      // A navigation checks for a new worker; it installs and waits.
      await page.goto(`${site.origin}${site.bandPath}`);
      const offer = page.getByRole("button", { name: "Reload to update" });
      await offer.waitFor();
      assert.deepEqual(
        Object.keys(await listCaches(page)).sort(),
        [...before, `band-web-shell-${next.version}`].sort(),
        "the old version keeps serving until the person reloads",
      );
      await Promise.all([page.waitForEvent("load"), offer.click()]);
      await page.waitForFunction(
        (version) =>
          caches.keys().then((names) =>
            names.length === 1 && names[0] === `band-web-shell-${version}`
          ),
        next.version,
      );
      assert.equal(
        await page.getByRole("button", { name: "Reload to update" }).count(),
        0,
      );
    } finally {
      await profile.close();
      await site.shutdown();
    }
  },
});
