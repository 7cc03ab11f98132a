import assert from "node:assert/strict";
import {
  describeWmoCode,
  mapWmoToBandCondition,
} from "../../lib/weather/wmo_conditions.ts";
import { WEATHER_CONDITION } from "../../lib/protocol/weather.ts";

function codeOf(wmo: number): number | "unknown" {
  const condition = mapWmoToBandCondition(wmo);
  return condition === "unknown" ? condition : WEATHER_CONDITION[condition];
}

// Expected codes from the MB4W Open-Meteo table quoted in mi-band-4.md §19.2.
const TABLE: [number, number][] = [
  [0, 0],
  [1, 1],
  [2, 1],
  [3, 2],
  [45, 18],
  [48, 18],
  [51, 7],
  [53, 7],
  [55, 8],
  [61, 8],
  [80, 8],
  [56, 6],
  [57, 6],
  [66, 6],
  [67, 6],
  [63, 9],
  [65, 12],
  [81, 12],
  [82, 10],
  [71, 15],
  [73, 16],
  [86, 16],
  [75, 17],
  [77, 19],
  [85, 14],
  [95, 4],
  [96, 5],
];

Deno.test("mapWmoToBandCondition() follows the §19.2 table for every listed code", () => {
  for (const [wmo, band] of TABLE) {
    assert.equal(codeOf(wmo), band, `WMO ${wmo}`);
  }
});

Deno.test("mapWmoToBandCondition() gives hail storms (99) the thunderstorm-with-hail icon", () => {
  assert.equal(codeOf(99), 5);
});

Deno.test("mapWmoToBandCondition() reports codes outside the table as unknown", () => {
  assert.equal(mapWmoToBandCondition(4), "unknown");
  assert.equal(mapWmoToBandCondition(-1), "unknown");
});

Deno.test("describeWmoCode() names known codes and says Unknown otherwise", () => {
  assert.equal(describeWmoCode(61), "Light rain");
  assert.equal(describeWmoCode(1234), "Unknown");
});
