import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeContinuousMeasurement,
  encodeHeartRateMeasurement,
  encodeKeepAlive,
  encodeManualMeasurement,
  encodeMeasurementInterval,
  encodeOneShotStart,
  encodeSleepAssist,
  parseHeartRateCommand,
  parseHeartRateMeasurement,
} from "../../lib/protocol/heart_rate.ts";

Deno.test("parseHeartRateMeasurement() reads the band's 00 BPM form (real captures, §30.6)", () => {
  assertEquals(
    [hex("00 56"), hex("00 4f"), hex("00 44"), hex("00 48")].map((b) =>
      parseHeartRateMeasurement(b).bpm
    ),
    [
      86,
      79,
      68,
      72,
    ],
  );
  assertEquals(parseHeartRateMeasurement(hex("00 56")), {
    bpm: 86,
    contact: "unsupported",
    energyExpended: null,
    rrIntervals: [],
  });
});

Deno.test("parseHeartRateMeasurement() keeps 128 bpm and above unsigned (§32.5)", () => {
  assertEquals(parseHeartRateMeasurement(hex("00 b4")).bpm, 180);
});

Deno.test("parseHeartRateMeasurement() follows the SIG flags for u16, energy and RR", () => {
  assertEquals(parseHeartRateMeasurement(hex("1f 2c 01 10 00 00 04 00 02")), {
    bpm: 300,
    contact: "detected",
    energyExpended: 16,
    rrIntervals: [1024, 512],
  });
  assertEquals(parseHeartRateMeasurement(hex("04 50")).contact, "notDetected");
  throws(() => parseHeartRateMeasurement(hex("00")), RangeError);
  throws(() => parseHeartRateMeasurement(hex("01 2c")), RangeError);
  throws(() => parseHeartRateMeasurement(hex("10 50 00")), RangeError);
});

Deno.test("encodeHeartRateMeasurement() writes 00 BPM and round-trips", () => {
  assertEquals(toHex(encodeHeartRateMeasurement(72)), "00 48");
  assertEquals(toHex(encodeHeartRateMeasurement(300)), "01 2c 01");
  assertEquals(
    parseHeartRateMeasurement(encodeHeartRateMeasurement(300)).bpm,
    300,
  );
  throws(() => encodeHeartRateMeasurement(-1), RangeError);
});

Deno.test("control point encoders write the §10.2 commands", () => {
  assertEquals(toHex(encodeManualMeasurement(true)), "15 02 01");
  assertEquals(toHex(encodeManualMeasurement(false)), "15 02 00");
  assertEquals(toHex(encodeContinuousMeasurement(true)), "15 01 01");
  assertEquals(toHex(encodeContinuousMeasurement(false)), "15 01 00");
  // §30.6: enable sleep assist, interval 10 min.
  assertEquals(toHex(encodeSleepAssist(true)), "15 00 01");
  assertEquals(toHex(encodeSleepAssist(false)), "15 00 00");
  assertEquals(toHex(encodeMeasurementInterval(10)), "14 0a");
  assertEquals(toHex(encodeMeasurementInterval(0)), "14 00");
  assertEquals(toHex(encodeKeepAlive()), "16");
  throws(() => encodeMeasurementInterval(121), RangeError);
});

Deno.test("encodeOneShotStart() writes 15 01 00, 15 02 00, 15 02 01 (§30.6)", () => {
  assertEquals(encodeOneShotStart().map(toHex), [
    "15 01 00",
    "15 02 00",
    "15 02 01",
  ]);
});

Deno.test("parseHeartRateCommand() classifies every control-point write", () => {
  assertEquals(parseHeartRateCommand(hex("15 02 01")), {
    kind: "manual",
    enabled: true,
  });
  assertEquals(parseHeartRateCommand(hex("15 01 00")), {
    kind: "continuous",
    enabled: false,
  });
  assertEquals(parseHeartRateCommand(hex("15 00 01")), {
    kind: "sleepAssist",
    enabled: true,
  });
  assertEquals(parseHeartRateCommand(hex("14 0a")), {
    kind: "interval",
    minutes: 10,
  });
  assertEquals(parseHeartRateCommand(hex("16")), { kind: "keepAlive" });
  // SAT/DJ's ASCII interval is just another raw value to the band.
  assertEquals(parseHeartRateCommand(hex("14 31")), {
    kind: "interval",
    minutes: 0x31,
  });
  assertEquals(parseHeartRateCommand(hex("15 03 01")), {
    kind: "unknown",
    hex: "15 03 01",
  });
  throws(() => parseHeartRateCommand(new Uint8Array(0)), RangeError);
});
