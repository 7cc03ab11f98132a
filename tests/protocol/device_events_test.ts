import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  type DeviceEvent,
  encodeDeviceEvent,
  parseDeviceEvent,
} from "../../lib/protocol/device_events.ts";

Deno.test("parseDeviceEvent() names every parameterless event of §23", () => {
  const codes = "01 02 03 04 06 07 08 09 0a 0b 0e 0f 1a".split(" ");
  assertEquals(codes.map((c) => parseDeviceEvent(hex(c)).type), [
    "fellAsleep",
    "wokeUp",
    "goalReached",
    "buttonPressed",
    "nonWear",
    "callRejected",
    "findPhoneStart",
    "callIgnored",
    "alarmToggled",
    "buttonLongPressed",
    "tick30Min",
    "findPhoneStop",
    "alarmChanged",
  ]);
  throws(() => parseDeviceEvent(hex("08 00")), RangeError);
  throws(() => parseDeviceEvent(new Uint8Array(0)), RangeError);
});

Deno.test("parseDeviceEvent() reads the MTU announcements of §32.1", () => {
  assertEquals(parseDeviceEvent(hex("16 17 00")), { type: "mtu", mtu: 23 });
  assertEquals(parseDeviceEvent(hex("16 f7 00")), { type: "mtu", mtu: 247 });
  throws(() => parseDeviceEvent(hex("16 f7")), RangeError);
});

Deno.test("parseDeviceEvent() reads music buttons (§16.3, §30.10)", () => {
  assertEquals(parseDeviceEvent(hex("fe 03")), {
    type: "music",
    button: "next",
    code: 3,
  });
  assertEquals(parseDeviceEvent(hex("fe e0")), {
    type: "music",
    button: "focusIn",
    code: 0xe0,
  });
  assertEquals(parseDeviceEvent(hex("fe 02")), {
    type: "music",
    button: "unknown",
    code: 2,
  });
});

Deno.test("parseDeviceEvent() reads silent mode, workout start and unknown codes", () => {
  assertEquals(parseDeviceEvent(hex("10 01")), {
    type: "silentMode",
    enabled: true,
  });
  assertEquals(parseDeviceEvent(hex("14 00 01 05")), {
    type: "workoutStarting",
    flag: 0,
    wantsGps: true,
    workout: "poolSwimming",
    workoutCode: 5,
  });
  assertEquals(parseDeviceEvent(hex("14 00 00 63")), {
    type: "workoutStarting",
    flag: 0,
    wantsGps: false,
    workout: "unknown",
    workoutCode: 0x63,
  });
  assertEquals(parseDeviceEvent(hex("42 01 02")), {
    type: "unknown",
    code: 0x42,
    hex: "42 01 02",
  });
});

Deno.test("encodeDeviceEvent() round-trips every kind", () => {
  const vectors = [
    "01",
    "08",
    "0f",
    "1a",
    "10 00",
    "14 00 01 0b",
    "16 f7 00",
    "fe e1",
    "fe 02",
  ];
  for (const v of vectors) {
    assertEquals(toHex(encodeDeviceEvent(parseDeviceEvent(hex(v)))), v);
  }
  const unknown: DeviceEvent = { type: "unknown", code: 0x42, hex: "42" };
  throws(() => encodeDeviceEvent(unknown), RangeError);
  throws(() => encodeDeviceEvent({ type: "mtu", mtu: 70000 }), RangeError);
});
