import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeDisplayItems,
  parseDisplayItems,
} from "../../lib/protocol/display.ts";
import { encodeChunks } from "../../lib/protocol/chunked.ts";
import { CHUNK_TYPE } from "../../lib/protocol/constants.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.13: shown Status, Heart rate, Weather, More; hidden Workout, Mi Home, Notifications.
const PAYLOAD =
  "1e 00 00 ff 12 01 00 ff 01 02 00 ff 02 03 00 ff 04 04 00 ff 07 05 01 ff 03 06 01 ff 05 07 01 ff 06";

Deno.test("encodeDisplayItems() writes the §30.13 payload and chunks", () => {
  const payload = encodeDisplayItems([
    "status",
    "heart_rate",
    "weather",
    "more",
  ]);
  assertEquals(toHex(payload), PAYLOAD);
  assertEquals(encodeChunks(CHUNK_TYPE.config, payload).map(toHex), [
    "00 02 00 1e 00 00 ff 12 01 00 ff 01 02 00 ff 02 03 00 ff 04",
    "00 82 01 04 00 ff 07 05 01 ff 03 06 01 ff 05 07 01 ff 06",
  ]);
});

Deno.test("parseDisplayItems() reads the §30.13 payload back", () => {
  const layout = parseDisplayItems(hex(PAYLOAD));
  assertEquals(layout.shown, ["status", "heart_rate", "weather", "more"]);
  assertEquals(layout.entries[0], {
    position: 0,
    shown: true,
    menu: "main",
    item: "home_screen",
    id: 0x12,
  });
  assertEquals(layout.entries[5], {
    position: 5,
    shown: false,
    menu: "main",
    item: "workout",
    id: 3,
  });
  assertEquals(layout.entries.length, 8);
});

Deno.test("parseDisplayItems() sorts by position and maps unknown ids and menus", () => {
  const layout = parseDisplayItems(
    hex("1e 01 00 fd 33 00 00 ff 12 02 01 ff 02"),
  );
  assertEquals(layout.shown, ["unknown"]);
  assertEquals(layout.entries[1], {
    position: 1,
    shown: true,
    menu: "shortcuts",
    item: "unknown",
    id: 0x33,
  });
});

Deno.test("encodeDisplayItems() shows nothing but the clock for an empty list", () => {
  assertEquals(parseDisplayItems(encodeDisplayItems([])).shown, []);
  assertEquals(encodeDisplayItems([]).length, 1 + 4 * 8);
});

Deno.test("encodeDisplayItems() rejects duplicates and unknown items", () => {
  throws(() => encodeDisplayItems(["status", "status"]), /listed twice/);
  throws(() => encodeDisplayItems(["alipay" as "status"]), RangeError);
});

Deno.test("parseDisplayItems() rejects bad lengths, selectors, visibility and positions", () => {
  throws(() => parseDisplayItems(hex("1e 00 00 ff")), RangeError);
  throws(() => parseDisplayItems(hex("")), RangeError);
  throws(() => parseDisplayItems(hex("1f 00 00 ff 12")), ProtocolError);
  throws(() => parseDisplayItems(hex("1e 00 02 ff 12")), ProtocolError);
  throws(
    () => parseDisplayItems(hex("1e 00 00 ff 12 02 00 ff 01")),
    ProtocolError,
  );
});
