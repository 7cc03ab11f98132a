// An export is validated before its first byte: once a 200 starts streaming it
// cannot become a 4xx, so a bad range must be refused up front, never cut off.
import assert from "node:assert/strict";
import { createHistoryApp } from "../history/_history_app.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";

async function setUp() {
  const kv = await Deno.openKv(":memory:");
  const ada = await seedPersonWithBand(kv, {
    timeZone: "Pacific/Kiritimati",
    now: Date.now(),
    weeks: 1,
    end: Date.UTC(2024, 2, 10, 10, 0),
    utcOffsetMinutes: 840,
  });
  const app = createHistoryApp(kv);
  const get = (path: string, accept = "text/csv") =>
    app.request(`http://localhost${path}`, {
      headers: { Cookie: ada.cookie, Accept: accept },
    });
  return { ada, get, [Symbol.dispose]: () => kv.close() };
}

Deno.test("[api] GET /api/bands/:id/export answers 400 before streaming for days out of range", async () => {
  using t = await setUp();
  for (const data of ["minutes", "daily"]) {
    for (
      const [from, to] of [
        ["9999-12-01", "9999-12-31"],
        ["2199-12-01", "2200-01-01"],
        ["2024-03-10", "2024-03-01"],
      ]
    ) {
      const res = await t.get(
        `/api/bands/${t.ada.bandId}/export?data=${data}&format=csv&from=${from}&to=${to}`,
      );
      assert.equal(res.status, 400, `${data} ${from} ${to}`);
      assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
      assert.match(
        (await res.json()).error.message,
        /^Cannot (export|read day): /,
      );
    }
  }
});

Deno.test("[api] GET /api/bands/:id/export streams to its end on the last supported day", async () => {
  using t = await setUp();
  for (const data of ["minutes", "daily"]) {
    const res = await t.get(
      `/api/bands/${t.ada.bandId}/export?data=${data}&format=jsonl&from=2199-12-31&to=2199-12-31`,
    );
    assert.equal(res.status, 200);
    assert.match(res.headers.get("Content-Type") ?? "", /application\/jsonl/);
    assert.equal(await res.text(), "");
  }
});

Deno.test("[page] GET /devices/:id/history answers 400 for a day outside the supported range in every view", async () => {
  using t = await setUp();
  for (const view of ["day", "week", "month", "year"]) {
    for (const day of ["9999-12-31", "0000-01-01", "2200-01-01"]) {
      const res = await t.get(
        `/devices/${t.ada.bandId}/history?view=${view}&day=${day}`,
        "text/html",
      );
      assert.equal(res.status, 400, `${view} ${day}`);
      assert.match(res.headers.get("Content-Type") ?? "", /text\/html/);
      assert.match(await res.text(), /is outside 1970-01-01 to 2199-12-31/);
    }
    const last = await t.get(
      `/devices/${t.ada.bandId}/history?view=${view}&day=2199-12-31`,
      "text/html",
    );
    assert.equal(last.status, 200, view);
    await last.body?.cancel();
  }
});
