import assert from "node:assert/strict";
import { listDailySummaries } from "../../lib/db/history_queries.ts";
import { daySummaryKey, syncStateKey } from "../../lib/db/keys.ts";
import {
  changeTimeZone,
  migrateStoredFigures,
  needsRebuild,
} from "../../lib/db/summary_rebuild.ts";
import { toLocalDayNumber } from "../../lib/db/summaries.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import { FIGURES_VERSION } from "../../lib/minute/day_figures.ts";
import { createHistoryApp } from "../history/_history_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";

const END = Date.UTC(2024, 2, 10, 23, 0);
const NOW = Date.UTC(2024, 2, 11, 8, 0);

Deno.test("changeTimeZone() rebuilds the stored figures once, and pages only read them", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const ada = await seedPersonWithBand(kv, {
      timeZone: "UTC",
      now: NOW,
      weeks: 1,
      end: END,
    });
    const range = { from: "2024-03-07", to: "2024-03-07" };
    const [utcDay] = await listDailySummaries(kv, ada.bandId, range);
    assert.deepEqual((await getSyncState(kv, ada.bandId)).figures, {
      version: FIGURES_VERSION,
      timeZone: "UTC",
    });

    await changeTimeZone(kv, ada.userId, "Asia/Tokyo");
    const state = await getSyncState(kv, ada.bandId);
    assert.deepEqual(state.figures, {
      version: FIGURES_VERSION,
      timeZone: "Asia/Tokyo",
    });
    assert.equal(state.rebuild, null);
    assert.equal(needsRebuild(state, "Asia/Tokyo"), false);
    const [tokyoDay] = await listDailySummaries(kv, ada.bandId, range);
    // A Tokyo day starts nine hours before the UTC day of the same date.
    assert.equal(tokyoDay.start, utcDay.start - 9 * 3_600_000);
    assert.notEqual(tokyoDay.steps, utcDay.steps);

    // A page view writes nothing: the sync state keeps its version.
    const before = await kv.get(syncStateKey(ada.bandId));
    const res = await createHistoryApp(kv, () => NOW).request(
      `http://localhost/devices/${ada.bandId}/history?view=week&day=2024-03-07`,
      { headers: { Cookie: ada.cookie, Accept: "text/html" } },
    );
    await res.body?.cancel();
    const after = await kv.get(syncStateKey(ada.bandId));
    assert.equal(after.versionstamp, before.versionstamp);
  } finally {
    kv.close();
  }
});

Deno.test("migrateStoredFigures() rebuilds old figures once and resumes a rebuild cut short", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const ada = await seedPersonWithBand(kv, {
      timeZone: "Europe/Berlin",
      now: NOW,
      weeks: 2,
      end: END,
    });
    const fresh = await listDailySummaries(kv, ada.bandId, {
      from: "2024-02-20",
      to: "2024-03-10",
    });
    // An old app's state (no figures stamp), a stale figure, and a day from another zone.
    const key = syncStateKey(ada.bandId);
    const old = (await kv.get<Record<string, unknown>>(key)).value!;
    await kv.set(key, {
      cursor: old.cursor,
      lastSyncAt: old.lastSyncAt,
      summaryTimeZone: "Europe/Berlin",
    });
    const n = toLocalDayNumber("2024-03-01");
    const march1 = fresh.find((d) => d.day === "2024-03-01")!;
    await kv.set(daySummaryKey(ada.bandId, n), { ...march1, steps: -1 });
    await kv.set(daySummaryKey(ada.bandId, toLocalDayNumber("2020-01-01")), {
      ...fresh[0],
      day: "2020-01-01",
    });

    assert.equal(await migrateStoredFigures(kv), 1);
    assert.deepEqual(
      await listDailySummaries(kv, ada.bandId, {
        from: "2020-01-01",
        to: "2024-03-10",
      }),
      fresh,
    );
    assert.equal(await migrateStoredFigures(kv), 0);

    // A rebuild cut short after its first chunk is finished by the next start.
    const state = await getSyncState(kv, ada.bandId);
    await kv.set(key, {
      ...state,
      rebuild: {
        version: FIGURES_VERSION,
        timeZone: "Europe/Berlin",
        next: "2024-03-01",
      },
    });
    await kv.set(daySummaryKey(ada.bandId, n), { ...march1, steps: -1 });
    assert.equal(await migrateStoredFigures(kv), 1);
    const [day] = await listDailySummaries(kv, ada.bandId, {
      from: "2024-03-01",
      to: "2024-03-01",
    });
    assert.deepEqual(day, march1);
    assert.equal((await getSyncState(kv, ada.bandId)).rebuild, null);
  } finally {
    kv.close();
  }
});

Deno.test("changeTimeZone() to the zone already stored rebuilds nothing", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const ada = await seedPersonWithBand(kv, {
      timeZone: "Asia/Tokyo",
      now: NOW,
      weeks: 1,
      end: END,
    });
    const before = await kv.get(syncStateKey(ada.bandId));
    assert.equal(await changeTimeZone(kv, ada.userId, "Asia/Tokyo"), true);
    const after = await kv.get(syncStateKey(ada.bandId));
    assert.equal(after.versionstamp, before.versionstamp);
  } finally {
    kv.close();
  }
});
