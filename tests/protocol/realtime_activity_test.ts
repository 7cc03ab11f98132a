import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeRealtimeActivity,
  parseRealtimeActivity,
} from "../../lib/protocol/realtime_activity.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

Deno.test("parseRealtimeActivity() reads u32 steps, metres, kcal (real capture, §30.5)", () => {
  assertEquals(
    parseRealtimeActivity(hex("0c dc 2a 00 00 c2 1e 00 00 41 01 00 00")),
    {
      steps: 10972,
      distanceMeters: 7874,
      calories: 321,
    },
  );
  // Real capture at 00:47 local: counters reset at midnight.
  assertEquals(
    parseRealtimeActivity(hex("0c 00 00 00 00 00 00 00 00 00 00 00 00")),
    {
      steps: 0,
      distanceMeters: 0,
      calories: 0,
    },
  );
});

Deno.test("parseRealtimeActivity() keeps steps above 32767 positive (§32.5)", () => {
  assertEquals(
    parseRealtimeActivity(hex("0c 00 80 01 00 00 00 00 00 00 00 00 00")).steps,
    0x18000,
  );
});

Deno.test("parseRealtimeActivity() refuses other lengths and headers", () => {
  throws(
    () => parseRealtimeActivity(hex("0c dc 2a 00 00 c2 1e 00 00 41")),
    RangeError,
  );
  throws(
    () => parseRealtimeActivity(hex("0d dc 2a 00 00 c2 1e 00 00 41 01 00 00")),
    ProtocolError,
  );
});

Deno.test("encodeRealtimeActivity() round-trips the real capture", () => {
  const vector = "0c dc 2a 00 00 c2 1e 00 00 41 01 00 00";
  assertEquals(
    toHex(encodeRealtimeActivity(parseRealtimeActivity(hex(vector)))),
    vector,
  );
  throws(
    () => encodeRealtimeActivity({ steps: -1, distanceMeters: 0, calories: 0 }),
    RangeError,
  );
});
