import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex } from "./hex.ts";
import {
  encodeDateTime,
  encodeFetchStamp,
  encodeShortDateTime,
  encodeTzByte,
  encodeUnixTime,
  encodeZonedDateTime,
  fromEpochMs,
  parseDateTime,
  parseFetchStamp,
  parseShortDateTime,
  parseTzByte,
  parseUnixTime,
  parseZonedDateTime,
  toDayOfWeek,
  toEpochMs,
  toTzQuarterHours,
  toUtcOffsetMinutes,
} from "../../lib/protocol/date_time.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

const dt = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

Deno.test("parseTzByte() and encodeTzByte() map the spec's zones (§3.1)", () => {
  // §3.1: 04 = UTC+1, 08 = UTC+2, ec = UTC-5, 16 = UTC+5:30.
  assertEquals([0x04, 0x08, 0xec, 0x16].map(parseTzByte), [4, 8, -20, 22]);
  assertEquals([4, 8, -20, 22].map(encodeTzByte), [0x04, 0x08, 0xec, 0x16]);
  throws(() => encodeTzByte(128), RangeError);
  throws(() => encodeTzByte(1.5), RangeError);
});

Deno.test("toTzQuarterHours() refuses offsets that are not whole quarter hours", () => {
  assertEquals(toTzQuarterHours(330), 22);
  assertEquals(toTzQuarterHours(-300), -20);
  assertEquals(toUtcOffsetMinutes(-20), -300);
  throws(() => toTzQuarterHours(10), RangeError);
});

Deno.test("parseDateTime() reads the 7-byte form (battery capture, §30.4)", () => {
  // Real capture: last charge stamp `ea 07 01 1f 0b 29 2f`.
  assertEquals(
    parseDateTime(hex("ea 07 01 1f 0b 29 2f")),
    dt(2026, 1, 31, 11, 41, 47),
  );
  // Unset stamp on a real band: 1970-01-01 00:00:00.
  assertEquals(parseDateTime(hex("b2 07 01 01 00 00 00")), dt(1970, 1, 1));
  assertEquals(
    encodeDateTime(dt(2024, 3, 10, 14, 5, 9)),
    hex("e8 07 03 0a 0e 05 09"),
  );
});

Deno.test("parseDateTime() rejects impossible dates and wrong lengths", () => {
  throws(() => parseDateTime(hex("e8 07 02 1e 00 00 00")), ProtocolError); // 30 February
  throws(() => parseDateTime(hex("e8 07 0d 01 00 00 00")), ProtocolError); // month 13
  throws(() => parseDateTime(hex("e8 07 01 01 18 00 00")), ProtocolError); // hour 24
  throws(() => parseDateTime(hex("e8 07 01 01 00 00")), RangeError);
  throws(() => encodeDateTime(dt(2024, 4, 31)), RangeError);
});

Deno.test("encodeShortDateTime() drops the second and refuses a non-zero one", () => {
  assertEquals(
    encodeShortDateTime(dt(2024, 3, 11, 9, 30)),
    hex("e8 07 03 0b 09 1e"),
  );
  assertEquals(
    parseShortDateTime(hex("e8 07 03 0b 09 1e")),
    dt(2024, 3, 11, 9, 30),
  );
  throws(() => encodeShortDateTime(dt(2024, 3, 11, 9, 30, 1)), RangeError);
});

Deno.test("encodeFetchStamp() writes short date-time, 00, tz (§30.8)", () => {
  // §30.8 request bytes after `01 01`.
  const stamp = { ...dt(2024, 3, 10), tzQuarterHours: 4 };
  assertEquals(encodeFetchStamp(stamp), hex("e8 07 03 0a 00 00 00 04"));
  assertEquals(parseFetchStamp(hex("e8 07 03 0a 00 06 00 04")), {
    ...dt(2024, 3, 10, 0, 6),
    tzQuarterHours: 4,
  });
  throws(() => parseFetchStamp(hex("e8 07 03 0a 00 06 01 04")), ProtocolError);
});

Deno.test("parseZonedDateTime() reads date-time plus tz (battery GB comment, §30.4)", () => {
  const stamp = parseZonedDateTime(hex("e0 07 0b 1a 17 2b 3b 04"));
  assertEquals(stamp, { ...dt(2016, 11, 26, 23, 43, 59), tzQuarterHours: 4 });
  assertEquals(encodeZonedDateTime(stamp), hex("e0 07 0b 1a 17 2b 3b 04"));
});

Deno.test("toEpochMs() and fromEpochMs() convert between wall clock and instant", () => {
  // 2026-01-31 11:41:47 at UTC-5 is 16:41:47Z.
  assertEquals(
    toEpochMs(dt(2026, 1, 31, 11, 41, 47), -20),
    Date.UTC(2026, 0, 31, 16, 41, 47),
  );
  assertEquals(
    fromEpochMs(Date.UTC(2026, 0, 31, 16, 41, 47, 999), -20),
    dt(2026, 1, 31, 11, 41, 47),
  );
  // UTC+5:30 crosses midnight.
  assertEquals(
    fromEpochMs(Date.UTC(2024, 2, 9, 20, 0, 0), 22),
    dt(2024, 3, 10, 1, 30, 0),
  );
  assertEquals(toEpochMs(dt(1970, 1, 1), 0), 0);
});

Deno.test("toDayOfWeek() counts Monday as 1 and Sunday as 7 (§3.1 real reads)", () => {
  assertEquals(toDayOfWeek(dt(2026, 1, 31)), 6);
  assertEquals(toDayOfWeek(dt(2026, 2, 1)), 7);
  assertEquals(toDayOfWeek(dt(2022, 12, 15)), 4);
});

Deno.test("encodeUnixTime() and parseUnixTime() use u32 LE seconds (§30.11)", () => {
  assertEquals(encodeUnixTime(1710000000_000), hex("80 87 ec 65"));
  assertEquals(parseUnixTime(hex("80 87 ec 65")), 1710000000_000);
  assertEquals(parseUnixTime(hex("ff ff ff ff")), 0xffffffff * 1000);
  throws(() => encodeUnixTime(-1000), RangeError);
  throws(() => parseUnixTime(hex("80 87 ec")), RangeError);
});
