import assert from "node:assert/strict";
import { restoreBackup, writeBackup } from "../../lib/db/backup.ts";
import { seedPersonWithBand } from "../history/_seed_history.ts";
import { createTestApp, type TestApp } from "../support/test_app.ts";

const TZ = "Europe/Berlin";
// Sessions expire against the app's clock, so the seed is stamped with it.
const NOW = Date.now();
const END = Date.UTC(2024, 2, 10, 23, 0);

async function readEverySurface(t: TestApp, bandId: string, cookie: string) {
  const paths = [
    "/",
    "/account",
    `/devices/${bandId}`,
    `/devices/${bandId}/history?view=day&day=2024-03-05`,
    `/devices/${bandId}/history?view=week&day=2024-03-05`,
    `/devices/${bandId}/history?view=month&day=2024-03-05`,
    `/devices/${bandId}/history?view=year&day=2024-03-05`,
    `/api/bands/${bandId}`,
    `/api/bands/${bandId}/summaries/daily?from=2024-02-20&to=2024-03-11`,
    ...["minutes", "daily"].flatMap((data) =>
      ["csv", "jsonl"].map((format) =>
        `/api/bands/${bandId}/export?data=${data}&format=${format}&from=2024-02-25&to=2024-03-11`
      )
    ),
  ];
  const pages: Record<string, string> = {};
  for (const path of paths) {
    const res = await t.app.request(`http://localhost${path}`, {
      headers: { Cookie: cookie, Accept: "text/html" },
    });
    pages[path] = `${res.status} ${await res.text()}`;
  }
  return pages;
}

Deno.test("[api] backup, wipe and restore bring back every page and export unchanged", async () => {
  const dir = await Deno.makeTempDir();
  const before = await createTestApp();
  const after = await createTestApp();
  try {
    const ada = await seedPersonWithBand(before.kv, {
      timeZone: TZ,
      now: NOW,
      weeks: 2,
      end: END,
      utcOffsetMinutes: 60,
      stepGoal: 9000,
    });
    const original = await readEverySurface(before, ada.bandId, ada.cookie);
    for (const [path, page] of Object.entries(original)) {
      assert.match(page, /^200 /, `${path} should answer 200 before backup`);
    }
    assert.match(original[`/devices/${ada.bandId}`], /Blue band/);

    const { entries } = await writeBackup(before.kv, `${dir}/b.gz`, {
      now: NOW,
    });
    assert.ok(entries > 10);
    await restoreBackup(after.kv, `${dir}/b.gz`);
    const restored = await readEverySurface(after, ada.bandId, ada.cookie);
    assert.deepEqual(restored, original);
  } finally {
    before.close();
    after.close();
    await Deno.remove(dir, { recursive: true });
  }
});
