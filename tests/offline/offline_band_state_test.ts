// The band page's offline coordinator against a fake server that can be out
// of reach: changes made while it is down wait and go in order, and a change
// made once it is back never lands before older waiting ones.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import assert from "node:assert/strict";
import { ApiClient } from "../../lib/api/client.ts";
import type {
  BandSettings,
  BandSettingsPatch,
  PublicBand,
} from "../../lib/api/band_schemas.ts";
import { mergeBandSettings } from "../../lib/api/settings_merge.ts";
import { publicBand } from "./_band.ts";
import {
  catchUp,
  forgetEverything,
  saveSettingsChange,
  turnOfflineOn,
} from "../../lib/state/offline_band.ts";
import { queuedChanges } from "../../lib/state/offline_signals.ts";

const BAND_ID = "band-1";
const T0 = Date.UTC(2026, 10, 30, 9, 0);

/** A server with one band whose settings PATCHes merge; `down` makes every call fail to connect. */
function createFakeServer() {
  const server = {
    down: false,
    settings: { goal: { steps: 8000, notify: true } } as BandSettings,
    patches: [] as BandSettingsPatch[],
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      if (server.down) return Promise.reject(new TypeError("Failed to fetch"));
      const url = new URL(String(input), "http://band.test");
      const path = url.pathname;
      const json = (body: unknown) =>
        Promise.resolve(Response.json(body, { status: 200 }));
      if (
        path === `/api/bands/${BAND_ID}/settings` && init?.method === "PATCH"
      ) {
        const patch = JSON.parse(String(init.body)) as BandSettingsPatch;
        server.patches.push(patch);
        server.settings = mergeBandSettings(
          server.settings,
          patch,
        ) as BandSettings;
        return json({ settings: server.settings });
      }
      if (path === `/api/bands/${BAND_ID}`) return json({ band: band() });
      if (path === `/api/bands/${BAND_ID}/key`) {
        return json({ authKey: "0123456789abcdef0123456789abcdef" });
      }
      if (path === `/api/bands/${BAND_ID}/sync`) {
        return json({ cursor: null, lastSyncAt: null });
      }
      if (path === `/api/bands/${BAND_ID}/today`) {
        return json({
          day: "2026-11-30",
          timeZone: "UTC",
          steps: 0,
          activeMinutes: 0,
          restingHeartRate: null,
          latestHeartRate: null,
          lastNight: null,
          lastSyncAt: null,
        });
      }
      return Promise.resolve(new Response("not found", { status: 404 }));
    }) as typeof fetch,
  };
  const band = (): PublicBand =>
    publicBand(BAND_ID, { settings: server.settings, createdAt: T0 });

  return server;
}

async function keptBand() {
  await forgetEverything();
  globalThis.indexedDB = new IDBFactory();
  const server = createFakeServer();
  const api = new ApiClient({ fetch: server.fetch, csrfToken: "t" });
  await turnOfflineOn(api, { bandId: BAND_ID, userId: "u1", now: () => T0 });
  return { server, api };
}

Deno.test("offline coordinator: a change made while the server is down waits, then goes as made", async () => {
  const { server, api } = await keptBand();
  server.down = true;
  const kept = await saveSettingsChange(api, {
    bandId: BAND_ID,
    patch: { goal: { steps: 9000 } },
    now: () => T0,
  });
  assert.deepEqual(kept.goal, { steps: 9000, notify: true });
  assert.equal(queuedChanges.value, 1);
  assert.deepEqual(server.patches, []);
  server.down = false;
  const result = await catchUp(api, { bandId: BAND_ID, now: () => T0 });
  assert.equal(result.changesSent, 1);
  assert.deepEqual(server.patches, [{ goal: { steps: 9000 } }]);
  assert.equal(queuedChanges.value, 0);
  await forgetEverything();
});

Deno.test("offline coordinator: a change made when the server is back never lands before older waiting ones", async () => {
  const { server, api } = await keptBand();
  server.down = true;
  await saveSettingsChange(api, {
    bandId: BAND_ID,
    patch: { goal: { steps: 9000 } },
    now: () => T0,
  });
  server.down = false;
  // Back, before anything sent the queue: the newer goal must win.
  await saveSettingsChange(api, {
    bandId: BAND_ID,
    patch: { goal: { steps: 10000 } },
    now: () => T0 + 1,
  });
  await catchUp(api, { bandId: BAND_ID, now: () => T0 + 2 });
  assert.equal(server.settings.goal?.steps, 10000);
  assert.equal(server.settings.goal?.notify, true);
  assert.equal(queuedChanges.value, 0);
  await forgetEverything();
});
