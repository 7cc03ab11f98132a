import { deepStrictEqual as assertEquals } from "node:assert/strict";
import {
  isSleepKind,
  normalizeActivityKinds,
  toActivityKind,
} from "../../lib/protocol/activity_kinds.ts";

Deno.test("toActivityKind() maps the low nibble, flags ignored (§11.4)", () => {
  assertEquals(
    [
      0x50,
      0x01,
      0x02,
      0x03,
      0x04,
      0x06,
      0x09,
      0x5a,
      0x0b,
      0x0c,
      0x05,
      0x0f,
      0x70,
    ].map(toActivityKind),
    [
      "noChange",
      "activity",
      "running",
      "nonWear",
      "rideBike",
      "charging",
      "lightSleep",
      "ignore",
      "deepSleep",
      "wakeUp",
      "unknown",
      "unknown",
      "noChange",
    ],
  );
  assertEquals([
    isSleepKind("lightSleep"),
    isSleepKind("deepSleep"),
    isSleepKind("wakeUp"),
  ], [true, true, false]);
});

Deno.test("normalizeActivityKinds() resolves the §30.8 samples like Gadgetbridge", () => {
  // §30.8: 50 50 01 01 01 5a → inherit, inherit, activity ×3, inherit (activity).
  assertEquals(
    normalizeActivityKinds([0x50, 0x50, 0x01, 0x01, 0x01, 0x5a], "lightSleep"),
    {
      kinds: [
        "lightSleep",
        "lightSleep",
        "activity",
        "activity",
        "activity",
        "activity",
      ],
      last: "activity",
    },
  );
  assertEquals(normalizeActivityKinds([0x5a, 0x09, 0x00, 0x0b], "unknown"), {
    kinds: ["unknown", "lightSleep", "lightSleep", "deepSleep"],
    last: "deepSleep",
  });
  assertEquals(normalizeActivityKinds([], "nonWear"), {
    kinds: [],
    last: "nonWear",
  });
});
