import assert from "node:assert/strict";
import { listDailySummaries } from "../../lib/db/history_queries.ts";
import { getSyncState } from "../../lib/db/sync_state.ts";
import { updateUser } from "../../lib/db/users.ts";
import { createHistoryApp } from "../history/_history_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";

const END = Date.UTC(2024, 2, 10, 23, 0);
const NOW = END + 2 * 86_400_000;

Deno.test("[page] after the person changes time zone, the history page shows days of the new zone", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const ada = await seedPersonWithBand(kv, {
      timeZone: "UTC",
      now: NOW,
      weeks: 1,
      end: END,
    });
    const utcDay = (await listDailySummaries(kv, ada.bandId, {
      from: "2024-03-07",
      to: "2024-03-07",
    }))[0];
    assert.equal((await getSyncState(kv, ada.bandId)).summaryTimeZone, "UTC");

    await updateUser(kv, ada.userId, (u) => ({ ...u, timeZone: "Asia/Tokyo" }));
    const res = await createHistoryApp(kv, () => NOW).request(
      `http://localhost/devices/${ada.bandId}/history?view=week&day=2024-03-07`,
      { headers: { Cookie: ada.cookie, Accept: "text/html" } },
    );
    assert.equal(res.status, 200);
    await res.body?.cancel();

    assert.equal(
      (await getSyncState(kv, ada.bandId)).summaryTimeZone,
      "Asia/Tokyo",
    );
    const tokyoDay = (await listDailySummaries(kv, ada.bandId, {
      from: "2024-03-07",
      to: "2024-03-07",
    }))[0];
    // A Tokyo day starts nine hours before the UTC day of the same date.
    assert.equal(tokyoDay.start, utcDay.start - 9 * 3_600_000);
    assert.notEqual(tokyoDay.steps, utcDay.steps);
  } finally {
    kv.close();
  }
});
