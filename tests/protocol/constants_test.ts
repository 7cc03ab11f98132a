import {
  deepStrictEqual as assertEquals,
  ok as assert,
  throws,
} from "node:assert/strict";
import {
  CHARACTERISTIC,
  SERVICE,
  toHuamiUuid,
  toSigUuid,
} from "../../lib/protocol/constants.ts";

Deno.test("toSigUuid() and toHuamiUuid() expand 16-bit ids on their bases", () => {
  assertEquals(toSigUuid(0x2a37), "00002a37-0000-1000-8000-00805f9b34fb");
  assertEquals(toHuamiUuid(0x0009), "00000009-0000-3512-2118-0009af100700");
  assertEquals(toSigUuid(0xfee0), "0000fee0-0000-1000-8000-00805f9b34fb");
  throws(() => toSigUuid(0x10000), RangeError);
  throws(() => toHuamiUuid(-1), RangeError);
});

Deno.test("constants hold the spec's UUIDs in lowercase 128-bit form", () => {
  assertEquals(SERVICE.miBand1, toSigUuid(0xfee0));
  assertEquals(SERVICE.miBand2, toSigUuid(0xfee1));
  assertEquals(SERVICE.firmwareUpdate, "00001530-0000-3512-2118-0009af100700");
  assertEquals(CHARACTERISTIC.auth, toHuamiUuid(0x0009));
  assertEquals(CHARACTERISTIC.fetchData, toHuamiUuid(0x0005));
  assertEquals(CHARACTERISTIC.chunkedTransfer, toHuamiUuid(0x0020));
  assertEquals(CHARACTERISTIC.currentTime, toSigUuid(0x2a2b));
  assertEquals(CHARACTERISTIC.unknownFed0, toSigUuid(0xfed0));
  assertEquals(CHARACTERISTIC.unknownFec1, toHuamiUuid(0xfec1));
  const all = [...Object.values(SERVICE), ...Object.values(CHARACTERISTIC)];
  for (const uuid of all) {
    assert(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(
        uuid,
      ),
      uuid,
    );
  }
  assertEquals(new Set(all).size, all.length);
  // §2.2 lists 41 distinct characteristics once 0x2A04 (in 0x1800 and 0xFEE0) is counted once.
  assertEquals(Object.keys(CHARACTERISTIC).length, 41);
});
