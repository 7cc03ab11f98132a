import assert from "node:assert/strict";
import fc from "fast-check";
import {
  isTakeoutMinute,
  takeoutMinuteSchema,
} from "../../lib/api/takeout_schemas.ts";

const GOOD = {
  time: Date.UTC(2024, 4, 1, 6, 0),
  utcOffsetMinutes: 120,
  kind: 0x50,
  intensity: 20,
  steps: 5,
  heartRate: 0xff,
};

Deno.test("isTakeoutMinute() accepts exactly what takeoutMinuteSchema accepts", () => {
  const cases: unknown[] = [
    GOOD,
    { ...GOOD, time: GOOD.time + 1 },
    { ...GOOD, time: Date.UTC(2014, 11, 31, 23, 59) },
    { ...GOOD, utcOffsetMinutes: 14 * 60 + 1 },
    { ...GOOD, utcOffsetMinutes: -12 * 60 },
    { ...GOOD, utcOffsetMinutes: 12.5 },
    { ...GOOD, steps: 256 },
    { ...GOOD, heartRate: -1 },
    { ...GOOD, kind: "1" },
    { ...GOOD, extra: 1 },
    { time: GOOD.time },
    null,
    [GOOD],
    "minute",
  ];
  for (const value of cases) {
    assert.equal(
      isTakeoutMinute(value),
      takeoutMinuteSchema.safeParse(value).success,
      JSON.stringify(value),
    );
  }
  const field = fc.oneof(
    fc.integer({ min: -300, max: 300 }),
    fc.double(),
    fc.constant(null),
    fc.string(),
  );
  fc.assert(
    fc.property(
      fc.record({
        time: fc.oneof(
          fc.integer({ min: 0, max: 2e12 }),
          fc.integer({ min: 25_000_000, max: 30_000_000 }).map((n) =>
            n * 60_000
          ),
        ),
        utcOffsetMinutes: fc.integer({ min: -800, max: 900 }),
        kind: field,
        intensity: field,
        steps: field,
        heartRate: field,
      }, { requiredKeys: ["time", "kind"] }),
      (value) =>
        isTakeoutMinute(value) === takeoutMinuteSchema.safeParse(value).success,
    ),
  );
});
