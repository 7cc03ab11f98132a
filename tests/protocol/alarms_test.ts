import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  type Alarm,
  encodeAlarm,
  encodeAlarmList,
  encodeClearAlarm,
  encodeDayMask,
  encodeRequestAlarms,
  parseAlarmCommand,
  parseAlarmList,
  parseDayMask,
} from "../../lib/protocol/alarms.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.9 alarm vectors (computed for the spec, layout from §13.1 / GB queueAlarm).
const VECTORS: [Alarm, string][] = [
  [{
    slot: 0,
    time: { hour: 7, minute: 30 },
    days: ["mon", "tue", "wed", "thu", "fri"],
    enabled: true,
    snooze: true,
  }, "02 80 07 1e 1f"],
  [{
    slot: 1,
    time: { hour: 6, minute: 0 },
    days: [],
    enabled: true,
    snooze: true,
  }, "02 81 06 00 80"],
  [{
    slot: 2,
    time: { hour: 22, minute: 15 },
    days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    enabled: true,
    snooze: false,
  }, "02 c2 16 0f 7f"],
  [{
    slot: 3,
    time: { hour: 9, minute: 0 },
    days: ["sat", "sun"],
    enabled: false,
    snooze: true,
  }, "02 03 09 00 60"],
];

Deno.test("encodeAlarm() writes the §30.9 vectors", () => {
  for (const [alarm, bytes] of VECTORS) {
    assertEquals(toHex(encodeAlarm(alarm)), bytes);
  }
});

Deno.test("parseAlarmCommand() reads the §30.9 vectors back", () => {
  for (const [alarm, bytes] of VECTORS) {
    assertEquals(parseAlarmCommand(hex(bytes)), { kind: "set", alarm });
  }
});

Deno.test("encodeAlarm() encodes every day as 7f and once as 80, never 00 (§27.7, §32.5)", () => {
  const base = {
    slot: 5,
    time: { hour: 5, minute: 5 },
    enabled: true,
    snooze: true,
  };
  assertEquals(
    encodeAlarm({
      ...base,
      days: [...["sun", "sat", "fri", "thu", "wed", "tue", "mon"] as const],
    })[4],
    0x7f,
  );
  assertEquals(encodeAlarm({ ...base, days: [] })[4], 0x80);
});

Deno.test("encodeClearAlarm() writes GB's clear form and parses as a clear (§30.9)", () => {
  assertEquals(toHex(encodeClearAlarm(4)), "02 04 00 00 00");
  assertEquals(parseAlarmCommand(hex("02 04 00 00 00")), {
    kind: "clear",
    slot: 4,
    time: { hour: 0, minute: 0 },
  });
});

Deno.test("parseAlarmCommand() treats MB4W's enabled empty-day write as a clear (§13.1)", () => {
  assertEquals(parseAlarmCommand(hex("02 8e 08 00 00")), {
    kind: "clear",
    slot: 14,
    time: { hour: 8, minute: 0 },
  });
});

Deno.test("encodeAlarm() rejects bad slots, times and days", () => {
  const ok: Alarm = {
    slot: 0,
    time: { hour: 7, minute: 0 },
    days: [],
    enabled: true,
    snooze: true,
  };
  throws(() => encodeAlarm({ ...ok, slot: 10 }), RangeError);
  throws(() => encodeAlarm({ ...ok, slot: -1 }), RangeError);
  throws(
    () => encodeAlarm({ ...ok, time: { hour: 25, minute: 0 } }),
    /25:0 is not a time of day/,
  );
  throws(
    () => encodeAlarm({ ...ok, time: { hour: 7, minute: 60 } }),
    RangeError,
  );
  throws(() => encodeAlarm({ ...ok, days: ["xyz" as "mon"] }), RangeError);
  throws(() => encodeClearAlarm(1.5), RangeError);
});

Deno.test("parseAlarmCommand() rejects wrong length, opcode and times", () => {
  throws(() => parseAlarmCommand(hex("02 80 07 1e")), RangeError);
  throws(() => parseAlarmCommand(hex("03 80 07 1e 1f")), ProtocolError);
  throws(() => parseAlarmCommand(hex("02 80 18 00 1f")), ProtocolError);
});

Deno.test("encodeDayMask() and parseDayMask() map bit 0 to Monday", () => {
  assertEquals(encodeDayMask(["mon"]), 0x01);
  assertEquals(encodeDayMask(["sun"]), 0x40);
  assertEquals(parseDayMask(0x60), ["sat", "sun"]);
});

Deno.test("encodeRequestAlarms() writes 0d (§13.2)", () => {
  assertEquals(toHex(encodeRequestAlarms()), "0d");
});

Deno.test("parseAlarmList() reads AF's logged reply: 5 alarms, only slot 2 enabled (§13.2)", () => {
  // harbour-amazfish log quoted in §13.2, prefixed with the 10 0d 01 header.
  assertEquals(
    parseAlarmList(hex("10 0d 01 03 17 80 00 02 05 20 01 12 03 04")),
    [
      { slot: 0, enabled: false },
      { slot: 1, enabled: false },
      { slot: 2, enabled: true },
      { slot: 3, enabled: false },
      { slot: 4, enabled: false },
    ],
  );
});

Deno.test("encodeAlarmList() builds a reply that parses back", () => {
  const statuses = [{ slot: 0, enabled: true }, { slot: 9, enabled: false }];
  const bytes = encodeAlarmList(statuses);
  assertEquals(toHex(bytes), "10 0d 01 00 00 00 00 00 02 10 09");
  assertEquals(parseAlarmList(bytes), statuses);
});

Deno.test("parseAlarmList() rejects bad header and count mismatches", () => {
  throws(
    () => parseAlarmList(hex("10 0d 04 00 00 00 00 00 00")),
    ProtocolError,
  );
  throws(
    () => parseAlarmList(hex("10 0d 01 00 00 00 00 00 02 10")),
    RangeError,
  );
  throws(() => parseAlarmList(hex("10 0d 01")), RangeError);
});
