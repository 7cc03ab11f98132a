// Parse throughput of activity history: 80,640 samples (8 weeks of minutes) fed through
// the accumulator as 0x0005 packets, at the default MTU (4 per packet) and at MTU 247.
import { ActivityAccumulator } from "../../lib/protocol/activity_accumulator.ts";
import { encodeActivityPackets } from "../../lib/protocol/activity_fetch.ts";

const SAMPLE_COUNT = 80_640;
const FIRST = {
  year: 2024,
  month: 1,
  day: 1,
  hour: 0,
  minute: 0,
  second: 0,
  tzQuarterHours: 4,
};
const samples = Array.from({ length: SAMPLE_COUNT }, (_, i) => ({
  kind: i % 3 === 0 ? 0x50 : 0x01,
  intensity: i % 256,
  steps: i % 120,
  heartRate: i % 7 === 0 ? 0xff : 60 + (i % 60),
}));
const small = encodeActivityPackets(samples, { samplesPerPacket: 4 });
const large = encodeActivityPackets(samples, { samplesPerPacket: 60 });

function feed(packets: Uint8Array[]): void {
  const acc = new ActivityAccumulator(FIRST);
  for (const p of packets) acc.push(p);
  if (acc.finish().samples.length !== SAMPLE_COUNT) {
    throw new Error("Lost samples");
  }
}

Deno.bench("accumulate 80,640 samples, 4 per packet (17-byte packets)", {
  baseline: true,
}, () => feed(small));
Deno.bench(
  "accumulate 80,640 samples, 60 per packet (MTU 247)",
  () => feed(large),
);
