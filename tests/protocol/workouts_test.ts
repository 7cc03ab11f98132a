import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeWorkoutSummary,
  parseWorkoutSummary,
  type WorkoutSummary,
} from "../../lib/protocol/workouts.ts";

// Synthetic: no real Mi Band 4 summary is published; offsets are the spec's §12 table.
const BASE: Omit<WorkoutSummary, "type"> = {
  version: 512,
  typeCode: 1,
  start: 1710000000_000,
  end: 1710001800_000,
  baseLongitude: 13_404_954,
  baseLatitude: -52_520_008,
  baseAltitude: 34,
  steps: 4321,
  activeSeconds: 1750,
  calories: 250.5,
  distanceMeters: 5000.25,
  ascentMeters: 12.5,
  descentMeters: 11,
  averageHeartRate: 150,
  maxHeartRate: 181,
  minHeartRate: null,
  averagePaceSecondsPerKm: 350,
  averageStrideCm: 110,
};

Deno.test("parseWorkoutSummary() reads the header bytes at their §12 offsets", () => {
  const bytes = encodeWorkoutSummary(BASE);
  assertEquals(
    toHex(bytes.subarray(0, 12)),
    "00 02 01 00 80 87 ec 65 88 8e ec 65",
  );
  const summary = parseWorkoutSummary(bytes);
  assertEquals([summary.type, summary.start, summary.end], [
    "outdoorRunning",
    1710000000_000,
    1710001800_000,
  ]);
});

Deno.test("parseWorkoutSummary() reads the ≥512 body: steps @24, kcal @48, avg HR @132, max HR @138", () => {
  const bytes = encodeWorkoutSummary(BASE);
  assertEquals(bytes.length, 140);
  const view = new DataView(bytes.buffer);
  assertEquals([
    view.getInt32(24, true),
    view.getFloat32(48, true),
    view.getInt16(132, true),
  ], [4321, 250.5, 150]);
  assertEquals(view.getInt16(138, true), 181);
  assertEquals(parseWorkoutSummary(bytes), { ...BASE, type: "outdoorRunning" });
});

Deno.test("parseWorkoutSummary() reads the pre-512 body: distance @24, steps @60, avg HR @120", () => {
  const old = { ...BASE, version: 0x100, typeCode: 6, maxHeartRate: null };
  const bytes = encodeWorkoutSummary(old);
  assertEquals(bytes.length, 126);
  const view = new DataView(bytes.buffer);
  assertEquals([
    view.getFloat32(24, true),
    view.getInt32(60, true),
    view.getInt16(120, true),
  ], [5000.25, 4321, 150]);
  assertEquals(parseWorkoutSummary(bytes), { ...old, type: "poolSwimming" });
});

Deno.test("parseWorkoutSummary() handles 516's extra bytes and 519's min HR", () => {
  const v516 = encodeWorkoutSummary({ ...BASE, version: 516 });
  assertEquals([v516.length, new DataView(v516.buffer).getInt32(28, true)], [
    144,
    4321,
  ]);
  assertEquals(parseWorkoutSummary(v516).steps, 4321);
  const v519 = encodeWorkoutSummary({
    ...BASE,
    version: 519,
    minHeartRate: 61,
  });
  assertEquals([v519.length, new DataView(v519.buffer).getInt16(0x8d, true)], [
    143,
    61,
  ]);
  assertEquals(parseWorkoutSummary(v519).minHeartRate, 61);
});

Deno.test("parseWorkoutSummary() refuses short blobs and names unknown types", () => {
  throws(() => parseWorkoutSummary(hex("00 02 01 00")), RangeError);
  throws(
    () => parseWorkoutSummary(encodeWorkoutSummary(BASE).subarray(0, 139)),
    RangeError,
  );
  assertEquals(
    parseWorkoutSummary(encodeWorkoutSummary({ ...BASE, typeCode: 0x63 })).type,
    "unknown",
  );
});
