import assert from "node:assert/strict";
import { describeWaiting, formatBytes } from "../../islands/OfflineBand.tsx";

Deno.test("offline words: the outbox line says minutes, size and changes in the person's locale", () => {
  assert.equal(
    describeWaiting({ minutes: 0, bytes: 0, changes: 0 }, "en-GB"),
    "Nothing waiting to upload",
  );
  assert.equal(
    describeWaiting({ minutes: 1500, bytes: 8_100, changes: 2 }, "en-GB"),
    "1 day 1 h (1,500 minutes) waiting to upload · 8.1 kB on this browser · 2 setting changes waiting to be saved",
  );
  assert.match(
    describeWaiting({ minutes: 1234, bytes: 300, changes: 0 }, "de-DE"),
    /^20 h 34 min \(1\.234 minutes\) waiting to upload · 300 \S+ on this browser$/,
  );
  assert.equal(formatBytes(2_500_000, "en-GB"), "2.5 MB");
  assert.equal(formatBytes(12_345, "en-GB"), "12 kB");
});
