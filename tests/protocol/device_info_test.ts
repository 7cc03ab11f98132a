import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeDeviceString,
  encodePnpId,
  parseDeviceString,
  parseFirmwareVersion,
  parseHardwareRevision,
  parsePnpId,
} from "../../lib/protocol/device_info.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

Deno.test("parseFirmwareVersion() reads 0x2A28 without the V (real read, §7)", () => {
  assertEquals(
    parseFirmwareVersion(hex("56 31 2e 30 2e 39 2e 37 30")),
    "1.0.9.70",
  );
  assertEquals(
    parseHardwareRevision(encodeDeviceString("V0.25.19.5")),
    "0.25.19.5",
  );
  assertEquals(
    parseDeviceString(hex("4d 69 20 53 6d 61 72 74 20 42 61 6e 64 20 34")),
    "Mi Smart Band 4",
  );
  assertEquals(parseDeviceString(hex("38 36 00")), "86");
  throws(() => parseDeviceString(hex("ff fe")), ProtocolError);
});

Deno.test("parsePnpId() reads source, vendor, product, version (real read, §7)", () => {
  const pnp = parsePnpId(hex("01 57 01 24 00 01 01"));
  assertEquals(pnp, {
    source: "bluetoothSig",
    vendorId: 0x0157,
    productId: 0x0024,
    version: 0x0101,
  });
  assertEquals(toHex(encodePnpId(pnp)), "01 57 01 24 00 01 01");
  assertEquals(parsePnpId(hex("07 57 01 24 00 01 01")).source, "unknown");
  assertEquals(parsePnpId(hex("02 57 01 24 00 01 01")).source, "usb");
  throws(() => parsePnpId(hex("01 57 01 24 00 01")), RangeError);
  throws(() => encodePnpId({ ...pnp, source: "unknown" }), RangeError);
  throws(() => encodePnpId({ ...pnp, vendorId: 0x10000 }), RangeError);
});
