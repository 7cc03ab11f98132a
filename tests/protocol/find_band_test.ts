import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { toHex } from "./hex.ts";
import {
  encodeFindBand,
  encodeFindPhoneAck,
  encodeStopFindBand,
} from "../../lib/protocol/find_band.ts";
import { parseConfigCommand } from "../../lib/protocol/general_config.ts";

Deno.test("encodeFindBand() writes 03 and encodeStopFindBand() 00 for 0x2A06 (§21, §30.14)", () => {
  assertEquals(toHex(encodeFindBand()), "03");
  assertEquals(toHex(encodeStopFindBand()), "00");
});

Deno.test("encodeFindPhoneAck() writes 06 14 00 00 / 01 and parses back (§21, §30.14)", () => {
  assertEquals(toHex(encodeFindPhoneAck("ringing")), "06 14 00 00");
  assertEquals(toHex(encodeFindPhoneAck("stopped")), "06 14 00 01");
  assertEquals(parseConfigCommand(encodeFindPhoneAck("stopped")), {
    kind: "find_phone_ack",
    state: "stopped",
  });
  throws(() => encodeFindPhoneAck("maybe" as "ringing"), RangeError);
});
