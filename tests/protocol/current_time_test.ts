import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeCurrentTime,
  parseCurrentTime,
} from "../../lib/protocol/current_time.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

Deno.test("encodeCurrentTime() writes GB's unit-test vector: 2022-12-15 20:38:53 Thursday UTC+1 (§30.7)", () => {
  const instant = Date.UTC(2022, 11, 15, 19, 38, 53);
  assertEquals(
    toHex(encodeCurrentTime(instant, 60)),
    "e6 07 0c 0f 14 26 35 04 00 00 04",
  );
});

Deno.test("encodeCurrentTime() writes Sunday as 7: 2024-03-10 14:05:09 UTC+1 (§30.7)", () => {
  const instant = Date.UTC(2024, 2, 10, 13, 5, 9);
  assertEquals(
    toHex(encodeCurrentTime(instant, 60)),
    "e8 07 03 0a 0e 05 09 07 00 00 04",
  );
});

Deno.test("encodeCurrentTime() carries DST in the zone and optional AF-style reason", () => {
  // 2024-07-01 12:00 in Europe/Paris is UTC+2 (DST) → tz 08.
  const instant = Date.UTC(2024, 6, 1, 10, 0, 0);
  assertEquals(
    toHex(encodeCurrentTime(instant, 120, { adjustReason: 0x08 })),
    "e8 07 07 01 0c 00 00 01 00 08 08",
  );
  // India, UTC+5:30 → 22 quarter hours.
  assertEquals(
    toHex(encodeCurrentTime(instant, 330)),
    "e8 07 07 01 0f 1e 00 01 00 00 16",
  );
});

Deno.test("parseCurrentTime() reads the real band captures (§30.7, CAP logs)", () => {
  assertEquals(parseCurrentTime(hex("ea 07 01 1f 17 04 05 06 00 00 ec")), {
    year: 2026,
    month: 1,
    day: 31,
    hour: 23,
    minute: 4,
    second: 5,
    dayOfWeek: 6,
    fractions256: 0,
    adjustReason: 0,
    tzQuarterHours: -20,
    epochMs: Date.UTC(2026, 1, 1, 4, 4, 5),
  });
  const sunday = parseCurrentTime(hex("ea 07 02 01 00 2f 0e 07 00 00 ec"));
  assertEquals([sunday.dayOfWeek, sunday.epochMs], [
    7,
    Date.UTC(2026, 1, 1, 5, 47, 14),
  ]);
});

Deno.test("parseCurrentTime() keeps fractions and maps MB4W's Sunday = 0 to unknown", () => {
  const parsed = parseCurrentTime(hex("e8 07 03 0a 0e 05 09 00 80 00 04"));
  assertEquals([parsed.dayOfWeek, parsed.fractions256, parsed.epochMs], [
    "unknown",
    128,
    Date.UTC(2024, 2, 10, 13, 5, 9, 500),
  ]);
});

Deno.test("current time codecs reject wrong lengths, impossible dates and odd zones", () => {
  throws(
    () => parseCurrentTime(hex("ea 07 01 1f 17 04 05 06 00 00")),
    RangeError,
  );
  throws(
    () => parseCurrentTime(hex("ea 07 0d 1f 17 04 05 06 00 00 ec")),
    ProtocolError,
  );
  throws(() => encodeCurrentTime(0, 7), RangeError);
  throws(() => encodeCurrentTime(0, 60, { adjustReason: 256 }), RangeError);
  throws(() => encodeCurrentTime(Number.NaN, 60), RangeError);
});
