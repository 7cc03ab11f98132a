// Fuzz: random and mutated bytes into every part-A parser. Each may return or throw
// RangeError / ProtocolError / AuthError, nothing else (no TypeError from a bad index).
import { ok as assert } from "node:assert/strict";
import fc from "fast-check";
import { hex } from "./hex.ts";
import { AuthError, ProtocolError } from "../../lib/protocol/errors.ts";
import {
  parseDateTime,
  parseFetchStamp,
  parseShortDateTime,
  parseUnixTime,
  parseZonedDateTime,
} from "../../lib/protocol/date_time.ts";
import { ChunkReassembler, parseChunk } from "../../lib/protocol/chunked.ts";
import {
  expectAuthenticated,
  expectChallenge,
  parseAuthCommand,
  parseAuthKey,
  parseAuthReply,
} from "../../lib/protocol/auth.ts";
import { parseMac, parseSystemIdMac } from "../../lib/protocol/mac.ts";
import {
  parseDeviceString,
  parseFirmwareVersion,
  parsePnpId,
} from "../../lib/protocol/device_info.ts";
import { parseBatteryInfo } from "../../lib/protocol/battery.ts";
import { parseRealtimeActivity } from "../../lib/protocol/realtime_activity.ts";
import {
  parseHeartRateCommand,
  parseHeartRateMeasurement,
} from "../../lib/protocol/heart_rate.ts";
import {
  parseActivityPacket,
  parseFetchCommand,
  parseFetchReply,
} from "../../lib/protocol/activity_fetch.ts";
import { ActivityAccumulator } from "../../lib/protocol/activity_accumulator.ts";
import {
  encodeWorkoutSummary,
  parseWorkoutSummary,
} from "../../lib/protocol/workouts.ts";
import { parseDeviceEvent } from "../../lib/protocol/device_events.ts";

const RUNS = 2000;
const FIRST = {
  year: 2024,
  month: 3,
  day: 10,
  hour: 0,
  minute: 0,
  second: 0,
  tzQuarterHours: 4,
};

// Valid vectors from §30 and the captures, mutated below so the fuzzer reaches deep branches.
const SEEDS = [
  "ea 07 01 1f 0b 29 2f",
  "e8 07 03 0a 00 00 00 04",
  "00 03 00 1b 01 00 1e 00 41 72 74 69 73 74 00 53 6f 6e 67 00",
  "10 02 01 57 3a 0e 2f ab 36 46 4e e2 72 f3 51 7c 4c 3c a7",
  "10 03 08",
  "03 00 0a d7 6d 09 35 a2 cd f8 14 5c e1 b5 e3 77 21 d1",
  "e1 2c 9f ff fe 0b f1 44",
  "01 57 01 24 00 01 01",
  "0f 51 00 b2 07 01 01 00 00 00 00 ea 07 01 1f 0b 29 2f ec 63",
  "0c dc 2a 00 00 c2 1e 00 00 41 01 00 00",
  "1f 2c 01 10 00 00 04 00 02",
  "15 02 01",
  "10 01 01 06 00 00 00 e8 07 03 0a 00 00 00 04",
  "01 01 e8 07 03 0a 00 00 00 04",
  "00 50 15 00 ff 50 16 00 ff 01 40 0f ff 01 50 21 48",
  "14 00 01 05",
  "16 f7 00",
].map(hex);

const WORKOUT_SEED = encodeWorkoutSummary({
  version: 512,
  typeCode: 1,
  start: 1710000000_000,
  end: 1710001800_000,
  baseLongitude: 0,
  baseLatitude: 0,
  baseAltitude: 0,
  steps: 1,
  activeSeconds: 1,
  calories: 1,
  distanceMeters: 1,
  ascentMeters: 0,
  descentMeters: 0,
  averageHeartRate: 1,
  maxHeartRate: 1,
  minHeartRate: null,
  averagePaceSecondsPerKm: 1,
  averageStrideCm: 1,
});

const mutated = fc
  .tuple(
    fc.constantFrom(...SEEDS, WORKOUT_SEED),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      maxLength: 4,
    }),
    fc.integer({ min: -3, max: 3 }),
    fc.integer({ min: 0, max: 255 }),
  )
  .map(([seed, edits, resize, fill]) => {
    const out = new Uint8Array(Math.max(0, seed.length + resize)).fill(fill);
    out.set(seed.subarray(0, out.length));
    for (const [at, value] of edits) {
      if (out.length > 0) out[at % out.length] = value;
    }
    return out;
  });

const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 160 }), mutated);

function isAllowed(error: unknown): boolean {
  return error instanceof RangeError || error instanceof ProtocolError ||
    error instanceof AuthError;
}

function checkParser(
  name: string,
  parse: (bytes: Uint8Array) => unknown,
): void {
  Deno.test(`fuzz: ${name}() throws only RangeError, ProtocolError or AuthError`, () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        try {
          parse(bytes);
        } catch (error) {
          assert(isAllowed(error), `${name} threw ${error}`);
        }
      }),
      { numRuns: RUNS, seed: 4242 },
    );
  });
}

const PARSERS: [string, (bytes: Uint8Array) => unknown][] = [
  ["parseDateTime", parseDateTime],
  ["parseShortDateTime", parseShortDateTime],
  ["parseZonedDateTime", parseZonedDateTime],
  ["parseFetchStamp", parseFetchStamp],
  ["parseUnixTime", parseUnixTime],
  ["parseChunk", parseChunk],
  ["parseAuthReply", parseAuthReply],
  ["expectChallenge", expectChallenge],
  ["expectAuthenticated", expectAuthenticated],
  ["parseAuthCommand", parseAuthCommand],
  ["parseSystemIdMac", parseSystemIdMac],
  ["parseDeviceString", parseDeviceString],
  ["parseFirmwareVersion", parseFirmwareVersion],
  ["parsePnpId", parsePnpId],
  ["parseBatteryInfo", parseBatteryInfo],
  ["parseRealtimeActivity", parseRealtimeActivity],
  ["parseHeartRateMeasurement", parseHeartRateMeasurement],
  ["parseHeartRateCommand", parseHeartRateCommand],
  ["parseFetchReply", parseFetchReply],
  ["parseFetchCommand", parseFetchCommand],
  ["parseActivityPacket", parseActivityPacket],
  ["parseWorkoutSummary", parseWorkoutSummary],
  ["parseDeviceEvent", parseDeviceEvent],
];
for (const [name, parse] of PARSERS) checkParser(name, parse);

Deno.test("fuzz: ChunkReassembler and ActivityAccumulator survive streams of random packets", () => {
  fc.assert(
    fc.property(fc.array(anyBytes, { maxLength: 12 }), (packets) => {
      const chunks = new ChunkReassembler();
      const acc = new ActivityAccumulator(FIRST);
      for (const p of packets) {
        for (
          const feed of [
            (b: Uint8Array) => chunks.push(b),
            (b: Uint8Array) => acc.push(b),
          ]
        ) {
          try {
            feed(p);
          } catch (error) {
            assert(isAllowed(error), `stream threw ${error}`);
          }
        }
      }
      assert(acc.finish().samples.length === acc.sampleCount);
    }),
    { numRuns: RUNS, seed: 4242 },
  );
});

Deno.test("fuzz: parseAuthKey() and parseMac() reject bad text with RangeError only", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.stringMatching(/^\s*(0x)?[0-9a-fA-Fg ]{30,34}\s*$/),
      ),
      (text) => {
        for (const parse of [parseAuthKey, parseMac]) {
          try {
            parse(text);
          } catch (error) {
            assert(error instanceof RangeError, `threw ${error}`);
          }
        }
      },
    ),
    { numRuns: RUNS, seed: 4242 },
  );
});
