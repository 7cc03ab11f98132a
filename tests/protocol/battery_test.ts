import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeBatteryInfo,
  parseBatteryInfo,
} from "../../lib/protocol/battery.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

const REAL_81 = "0f 51 00 b2 07 01 01 00 00 00 00 ea 07 01 1f 0b 29 2f ec 63";
const REAL_99_CHARGING =
  "0f 63 01 b2 07 01 01 00 00 00 00 ea 07 01 1f 0b 29 2f ec 63";
const GB_COMMENT =
  "0f 30 00 e0 07 0b 1a 12 23 2c 04 e0 07 0b 1a 17 2b 3b 04 64";

Deno.test("parseBatteryInfo() reads the real 81 % capture (§30.4)", () => {
  assertEquals(parseBatteryInfo(hex(REAL_81)), {
    level: 81,
    charging: false,
    chargingStatus: 0,
    chargeStamp: null,
    lastChargeEnd: {
      year: 2026,
      month: 1,
      day: 31,
      hour: 11,
      minute: 41,
      second: 47,
      tzQuarterHours: -20,
      epochMs: Date.UTC(2026, 0, 31, 16, 41, 47),
    },
    lastChargeLevel: 99,
  });
});

Deno.test("parseBatteryInfo() reads charging from byte 2 (real capture, §30.4)", () => {
  const info = parseBatteryInfo(hex(REAL_99_CHARGING));
  assertEquals([info.level, info.charging, info.chargingStatus], [99, true, 1]);
});

Deno.test("parseBatteryInfo() reads both stamps of the Gadgetbridge comment (§30.4)", () => {
  const info = parseBatteryInfo(hex(GB_COMMENT));
  assertEquals(info.level, 48);
  assertEquals(info.chargeStamp?.epochMs, Date.UTC(2016, 10, 26, 17, 35, 44));
  assertEquals(info.lastChargeEnd?.epochMs, Date.UTC(2016, 10, 26, 22, 43, 59));
  assertEquals(info.lastChargeLevel, 100);
});

Deno.test("parseBatteryInfo() refuses wrong lengths and impossible values", () => {
  throws(() => parseBatteryInfo(hex(REAL_81).subarray(0, 19)), RangeError);
  throws(
    () => parseBatteryInfo(hex(REAL_81.replace(/^0f 51/, "0f 65"))),
    ProtocolError,
  );
  throws(
    () => parseBatteryInfo(hex(REAL_81.replace(/^0f/, "0e"))),
    ProtocolError,
  );
  throws(
    () => parseBatteryInfo(hex(REAL_81.replace("ea 07 01 1f", "ea 07 0d 1f"))),
    ProtocolError,
  );
});

Deno.test("encodeBatteryInfo() round-trips the real and GB vectors", () => {
  for (const vector of [REAL_81, REAL_99_CHARGING, GB_COMMENT]) {
    assertEquals(
      toHex(encodeBatteryInfo(parseBatteryInfo(hex(vector)))),
      vector,
    );
  }
  const base = parseBatteryInfo(hex(REAL_81));
  throws(() => encodeBatteryInfo({ ...base, level: 101 }), RangeError);
});
