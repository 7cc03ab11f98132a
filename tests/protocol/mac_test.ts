import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeSystemId,
  formatMac,
  parseMac,
  parseSystemIdMac,
} from "../../lib/protocol/mac.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

Deno.test("parseSystemIdMac() drops ff fe (§30.3)", () => {
  // Real band (brunoac68 capture), MAC confirmed with BlueZ.
  assertEquals(
    parseSystemIdMac(hex("e1 2c 9f ff fe 0b f1 44")),
    "E1:2C:9F:0B:F1:44",
  );
  // Simulator value for janvda's band.
  assertEquals(
    parseSystemIdMac(hex("d1 c5 15 ff fe 51 03 89")),
    "D1:C5:15:51:03:89",
  );
  throws(() => parseSystemIdMac(hex("e1 2c 9f ff fe 0b f1")), RangeError);
  throws(() => parseSystemIdMac(hex("e1 2c 9f 00 fe 0b f1 44")), ProtocolError);
});

Deno.test("encodeSystemId() round-trips through parseSystemIdMac()", () => {
  assertEquals(
    toHex(encodeSystemId("D1:C5:15:51:03:89")),
    "d1 c5 15 ff fe 51 03 89",
  );
  assertEquals(
    parseSystemIdMac(encodeSystemId("e1-2c-9f-0b-f1-44")),
    "E1:2C:9F:0B:F1:44",
  );
});

Deno.test("parseMac() accepts colons, dashes, none, any case; refuses the rest", () => {
  for (
    const text of [" e1:2c:9f:0b:f1:44 ", "E1-2C-9F-0B-F1-44", "e12c9f0bf144"]
  ) {
    assertEquals(formatMac(parseMac(text)), "E1:2C:9F:0B:F1:44");
  }
  for (
    const bad of [
      "e1:2c:9f:0b:f1",
      "e1:2c-9f:0b:f1:44",
      "g1:2c:9f:0b:f1:44",
      "e1:2c:9f:0b:f1:44:00",
    ]
  ) {
    throws(() => parseMac(bad), RangeError, bad);
  }
  throws(() => formatMac(hex("01 02")), RangeError);
});
