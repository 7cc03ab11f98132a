import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex } from "./hex.ts";
import {
  ActivityAccumulator,
  toNextFetchStart,
} from "../../lib/protocol/activity_accumulator.ts";
import { encodeActivityPackets } from "../../lib/protocol/activity_fetch.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

const FIRST = {
  year: 2024,
  month: 3,
  day: 10,
  hour: 0,
  minute: 0,
  second: 0,
  tzQuarterHours: 4,
};
// §30.8: two packets, six samples.
const P0 = hex("00 50 15 00 ff 50 16 00 ff 01 40 0f ff 01 50 21 48");
const P1 = hex("01 01 64 4c 5f 5a 00 00 ff");

Deno.test("ActivityAccumulator places §30.8 sample n at start + n minutes, no 4-minute shift", () => {
  const acc = new ActivityAccumulator(FIRST);
  acc.push(P0);
  acc.push(P1);
  const batch = acc.finish();
  // 2024-03-10 00:00 at UTC+1 is 2024-03-09 23:00Z.
  assertEquals(batch.start, Date.UTC(2024, 2, 9, 23, 0));
  assertEquals(batch.utcOffsetMinutes, 60);
  assertEquals(
    batch.samples.map((s) => [s.kind, s.intensity, s.steps, s.heartRate]),
    [
      [0x50, 21, 0, 255],
      [0x50, 22, 0, 255],
      [0x01, 64, 15, 255],
      [0x01, 80, 33, 72],
      [0x01, 100, 76, 95],
      [0x5a, 0, 0, 255],
    ],
  );
  // §30.8: the next incremental request starts at 00:06 local.
  assertEquals(toNextFetchStart(batch), Date.UTC(2024, 2, 9, 23, 6));
  assertEquals([acc.packetCount, acc.sampleCount], [2, 6]);
});

Deno.test("ActivityAccumulator splits by length when packets carry more than 4 samples (§32.1)", () => {
  const samples = Array.from(
    { length: 130 },
    (_, i) => ({ kind: 1, intensity: i, steps: i, heartRate: 255 }),
  );
  const acc = new ActivityAccumulator(FIRST, { expectedSamples: 130 });
  for (const p of encodeActivityPackets(samples, { samplesPerPacket: 60 })) {
    acc.push(p);
  }
  const batch = acc.finish();
  assertEquals(batch.samples.length, 130);
  assertEquals(batch.samples[129].intensity, 129);
});

Deno.test("ActivityAccumulator accepts the sequence wrapping ff → 00", () => {
  const samples = Array.from(
    { length: 300 },
    () => ({ kind: 0x50, intensity: 1, steps: 0, heartRate: 255 }),
  );
  const acc = new ActivityAccumulator(FIRST);
  for (const p of encodeActivityPackets(samples, { samplesPerPacket: 1 })) {
    acc.push(p);
  }
  assertEquals(acc.finish().samples.length, 300);
});

Deno.test("ActivityAccumulator reports a gap and a duplicate as ProtocolError", () => {
  const gap = new ActivityAccumulator(FIRST);
  throws(
    () => gap.push(P1),
    (e: Error) =>
      e instanceof ProtocolError && /gap.*expected 0, got 1/.test(e.message),
  );
  const dup = new ActivityAccumulator(FIRST);
  dup.push(P0);
  throws(
    () => dup.push(P0),
    (e: Error) => e instanceof ProtocolError && /duplicate/.test(e.message),
  );
  throws(() => dup.push(hex("01 50 15")), RangeError);
});

Deno.test("ActivityAccumulator checks an announced count only when asked", () => {
  const acc = new ActivityAccumulator(FIRST, { expectedSamples: 7 });
  acc.push(P0);
  acc.push(P1);
  throws(() => acc.finish(), ProtocolError);
  assertEquals(new ActivityAccumulator(FIRST).finish().samples, []);
});
