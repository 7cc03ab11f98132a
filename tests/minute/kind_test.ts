import assert from "node:assert/strict";
import {
  createKindResolver,
  KIND_CARRY_MS,
  UNRESOLVED_KIND,
} from "../../lib/minute/kind.ts";
import {
  classifyMinute,
  isWornClass,
  MINUTE_CLASSES,
} from "../../lib/minute/minute_class.ts";

const MIN = 60_000;

function resolveRun(rawKinds: number[], start = 0): number[] {
  const resolve = createKindResolver();
  return rawKinds.map((raw, i) => resolve(start + i * MIN, raw));
}

Deno.test("createKindResolver() resolves the §30.8 samples like Gadgetbridge", () => {
  // §30.8's kinds 50 50 01 01 01 5a after a light-sleep minute (09): light,
  // inherit ×2, activity ×3, ignore (activity).
  assert.deepEqual(
    resolveRun([0x09, 0x50, 0x50, 0x01, 0x01, 0x01, 0x5a]),
    [9, 9, 9, 1, 1, 1, 1],
  );
  // Flags in the upper nibble never change the class.
  assert.deepEqual(resolveRun([0x5b, 0x70, 0x0c]), [11, 11, 12]);
});

Deno.test("createKindResolver() leaves minutes with nothing explicit before them unresolved", () => {
  assert.deepEqual(resolveRun([0x50, 0x5a, 0x00, 0x03]), [
    UNRESOLVED_KIND,
    UNRESOLVED_KIND,
    UNRESOLVED_KIND,
    3,
  ]);
});

Deno.test("createKindResolver() carries a kind across midnight and gaps for at most a day", () => {
  const resolve = createKindResolver();
  const evening = Date.UTC(2024, 0, 1, 23, 50);
  assert.equal(resolve(evening, 0x09), 9);
  // Past midnight, after a gap of two hours: still light sleep.
  assert.equal(resolve(evening + 130 * MIN, 0x70), 9);
  // Exactly a day after the explicit minute: still carried.
  assert.equal(resolve(evening + KIND_CARRY_MS, 0x70), 9);
  // A minute later: the carry has run out.
  assert.equal(resolve(evening + KIND_CARRY_MS + MIN, 0x70), UNRESOLVED_KIND);
});

Deno.test("classifyMinute() names every class from kind and steps", () => {
  const cases: [number, number, string][] = [
    [9, 0, "light_sleep"],
    [11, 0, "deep_sleep"],
    [12, 0, "awake"],
    [12, 3, "active"],
    [1, 4, "active"],
    [1, 0, "idle"],
    [2, 0, "active"],
    [4, 0, "active"],
    [3, 0, "not_worn"],
    [6, 0, "charging"],
    [5, 0, "unknown"],
    [UNRESOLVED_KIND, 9, "unknown"],
  ];
  for (const [kind, steps, expected] of cases) {
    assert.equal(classifyMinute(kind, steps), expected, `kind ${kind}`);
  }
});

Deno.test("isWornClass() counts asleep, awake, active and idle, never unknown", () => {
  assert.deepEqual(
    MINUTE_CLASSES.filter(isWornClass),
    ["light_sleep", "deep_sleep", "awake", "active", "idle"],
  );
});
