// Reading a device's rows: Gadgetbridge keeps no UTC offset, so each minute
// takes the person's zone's offset at its instant, across a DST change, and
// runs split where the offset or the UTC month changes.
import assert from "node:assert/strict";
import { openGadgetbridgeDatabase } from "../../lib/gadgetbridge/open_database.ts";
import { readDeviceHistory } from "../../lib/gadgetbridge/read_device.ts";
import { makeMinutes, writeGadgetbridgeDb } from "./_gadgetbridge_db.ts";

Deno.test("readDeviceHistory() gives each minute its zone's offset across DST and splits batches by UTC month", async () => {
  // 2024-03-31 in Berlin: clocks go from +60 to +120 at 01:00 UTC.
  const start = Date.UTC(2024, 2, 31, 0, 0) / 1000;
  const { path } = writeGadgetbridgeDb({ samples: makeMinutes(start, 120) });
  // And a run on 1 April, a new UTC month.
  const april = Date.UTC(2024, 3, 1, 10) / 1000;
  const second = writeGadgetbridgeDb({
    samples: [...makeMinutes(start, 120), ...makeMinutes(april, 5)],
  });
  try {
    const gb = await openGadgetbridgeDatabase(second.path);
    try {
      const history = readDeviceHistory(gb, 1, {
        timeZone: "Europe/Berlin",
        now: Date.UTC(2024, 5, 1),
      });
      assert.deepEqual(
        history.months.map((batches) =>
          batches.map((b) => ({
            start: new Date(b.start).toISOString(),
            offset: b.utcOffsetMinutes,
            minutes: b.bytes.length / 4,
          }))
        ),
        [
          [
            { start: "2024-03-31T00:00:00.000Z", offset: 60, minutes: 60 },
            { start: "2024-03-31T01:00:00.000Z", offset: 120, minutes: 60 },
          ],
          [{ start: "2024-04-01T10:00:00.000Z", offset: 120, minutes: 5 }],
        ],
      );
    } finally {
      gb.db.close();
    }
  } finally {
    Deno.removeSync(path);
    Deno.removeSync(second.path);
  }
});

Deno.test("readDeviceHistory() drops rows in the future and before 2015", async () => {
  const now = Date.UTC(2024, 5, 1, 12);
  const { path } = writeGadgetbridgeDb({
    samples: [
      ...makeMinutes(Date.UTC(2014, 11, 31, 23, 58) / 1000, 4),
      ...makeMinutes(now / 1000 - 60, 4),
    ],
  });
  try {
    const gb = await openGadgetbridgeDatabase(path);
    try {
      const history = readDeviceHistory(gb, 1, { timeZone: "UTC", now });
      const minutes = history.months.flat().reduce(
        (n, b) => n + b.bytes.length / 4,
        0,
      );
      // 2015-01-01 00:00 and 00:01, then now - 1 min and now (which ends a
      // minute from now, the skew uploads allow too).
      assert.equal(minutes, 4);
    } finally {
      gb.db.close();
    }
  } finally {
    Deno.removeSync(path);
  }
});
