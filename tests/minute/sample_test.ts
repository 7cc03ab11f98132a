import assert from "node:assert/strict";
import {
  decodeSamples,
  encodeSamples,
  readHeartRate,
} from "../../lib/minute/sample.ts";

Deno.test("decodeSamples() reads the §30.8 records and encodeSamples() writes them back", () => {
  // §30.8 row 4: packet 0 of the activity fetch, after its sequence byte.
  const bytes = Uint8Array.of(
    0x50,
    0x15,
    0x00,
    0xff,
    0x50,
    0x16,
    0x00,
    0xff,
    0x01,
    0x40,
    0x0f,
    0xff,
    0x01,
    0x50,
    0x21,
    0x48,
  );
  const samples = decodeSamples(bytes);
  assert.deepEqual(samples, [
    { kind: 0x50, intensity: 0x15, steps: 0, heartRate: 0xff },
    { kind: 0x50, intensity: 0x16, steps: 0, heartRate: 0xff },
    { kind: 0x01, intensity: 0x40, steps: 15, heartRate: 0xff },
    { kind: 0x01, intensity: 0x50, steps: 33, heartRate: 72 },
  ]);
  assert.deepEqual(encodeSamples(samples), bytes);
});

Deno.test("decodeSamples() refuses a partial record and encodeSamples() a field over a byte", () => {
  assert.throws(() => decodeSamples(new Uint8Array(6)), RangeError);
  assert.throws(
    () => encodeSamples([{ kind: 1, intensity: 0, steps: 256, heartRate: 0 }]),
    RangeError,
  );
});

Deno.test("readHeartRate() reads 0 and 0xff as no reading", () => {
  assert.deepEqual([0, 0xff, 61].map(readHeartRate), [null, null, 61]);
});
