// Heart rate (§10).
// Measurement 0x2A37 (notify), SIG layout; the Mi Band 4 sends only `00 BPM`:
//   [0] flags: bit0 u16 BPM, bits1-2 contact, bit3 energy u16 present, bit4 RR u16s follow
//   [1] BPM u8 (or [1..2] u16)  [..] energy u16  [..] RR intervals u16, 1/1024 s
// Control point 0x2A39 (write with response), Huami commands:
//   15 02 01|00 one-shot on/off   15 01 01|00 continuous on/off   15 00 01|00 sleep assist
//   14 NN all-day interval, NN minutes raw   16 keep-alive
// [CONFLICT] the interval is written as the raw number (Gadgetbridge), not as an ASCII
// digit (SAT, DJ, listed as a bug in §27.7).

import { HEART_RATE } from "./constants.ts";
import { formatHex } from "./errors.ts";

/** A decoded heart-rate measurement. */
export interface HeartRateMeasurement {
  /** Beats per minute, unsigned (128 and above stay positive, §32.5). */
  bpm: number;
  /** Skin contact as the flags report it. */
  contact: "unsupported" | "detected" | "notDetected";
  /** Energy expended in kJ, null when absent. */
  energyExpended: number | null;
  /** RR intervals in 1/1024 s units. */
  rrIntervals: number[];
}

/** A control-point write, classified (simulator side). */
export type HeartRateCommand =
  | { kind: "manual" | "continuous" | "sleepAssist"; enabled: boolean }
  | { kind: "interval"; minutes: number }
  | { kind: "keepAlive" }
  | { kind: "unknown"; hex: string };

/** Largest all-day interval Gadgetbridge offers for Huami bands, in minutes. */
const MAX_MEASUREMENT_INTERVAL = 120;

/** Decodes a 0x2A37 notification. */
export function parseHeartRateMeasurement(
  bytes: Uint8Array,
): HeartRateMeasurement {
  if (bytes.length < 2) {
    throw new RangeError(
      `Cannot parse heart rate: expected at least 2 bytes, got ${bytes.length}`,
    );
  }
  const flags = bytes[0];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wide = (flags & HEART_RATE.flagUint16) !== 0;
  const hasEnergy = (flags & 0x08) !== 0;
  const needed = 1 + (wide ? 2 : 1) + (hasEnergy ? 2 : 0);
  if (
    bytes.length < needed || (flags & 0x10 && (bytes.length - needed) % 2 !== 0)
  ) {
    throw new RangeError(
      `Cannot parse heart rate: flags ${flags} need ${needed}+ bytes, got ${bytes.length}`,
    );
  }
  let offset = 1;
  const bpm = wide ? view.getUint16(offset, true) : bytes[offset];
  offset += wide ? 2 : 1;
  let energyExpended: number | null = null;
  if (hasEnergy) {
    energyExpended = view.getUint16(offset, true);
    offset += 2;
  }
  const rrIntervals: number[] = [];
  if (flags & 0x10) {
    for (; offset + 1 < bytes.length; offset += 2) {
      rrIntervals.push(view.getUint16(offset, true));
    }
  }
  const contact = (flags & 0x04) === 0
    ? "unsupported"
    : (flags & 0x02) !== 0
    ? "detected"
    : "notDetected";
  return { bpm, contact, energyExpended, rrIntervals };
}

/** Encodes a measurement the way the band sends it: `00 BPM`, or u16 form above 255 (simulator side). */
export function encodeHeartRateMeasurement(bpm: number): Uint8Array {
  if (!Number.isInteger(bpm) || bpm < 0 || bpm > 0xffff) {
    throw new RangeError(`Cannot encode heart rate: ${bpm} bpm is not a u16`);
  }
  return bpm <= 0xff
    ? Uint8Array.of(0x00, bpm)
    : Uint8Array.of(HEART_RATE.flagUint16, bpm & 0xff, bpm >> 8);
}

/** Encodes `15 02 01|00`: start or stop a one-shot measurement. */
export function encodeManualMeasurement(enabled: boolean): Uint8Array {
  return Uint8Array.of(
    HEART_RATE.control,
    HEART_RATE.modeManual,
    enabled ? 1 : 0,
  );
}

/** Encodes `15 01 01|00`: start or stop continuous measurement. */
export function encodeContinuousMeasurement(enabled: boolean): Uint8Array {
  return Uint8Array.of(
    HEART_RATE.control,
    HEART_RATE.modeContinuous,
    enabled ? 1 : 0,
  );
}

/** Encodes `15 00 01|00`: HR-assisted sleep detection on or off. */
export function encodeSleepAssist(enabled: boolean): Uint8Array {
  return Uint8Array.of(
    HEART_RATE.control,
    HEART_RATE.modeSleep,
    enabled ? 1 : 0,
  );
}

/** Encodes `16`: keep continuous measurement alive (send every ≤ 12 s). */
export function encodeKeepAlive(): Uint8Array {
  return Uint8Array.of(HEART_RATE.keepAlive);
}

/** Encodes `14 NN`: all-day measurement every NN minutes, 0 = off. */
export function encodeMeasurementInterval(minutes: number): Uint8Array {
  if (
    !Number.isInteger(minutes) || minutes < 0 ||
    minutes > MAX_MEASUREMENT_INTERVAL
  ) {
    throw new RangeError(
      `Cannot set heart-rate interval: ${minutes} min is outside 0..120`,
    );
  }
  return Uint8Array.of(HEART_RATE.setInterval, minutes);
}

/** The writes that start a one-shot measurement, in order (§10.3): stop both modes, then start manual. */
export function encodeOneShotStart(): Uint8Array[] {
  return [
    encodeContinuousMeasurement(false),
    encodeManualMeasurement(false),
    encodeManualMeasurement(true),
  ];
}

/** Classifies a control-point write (simulator side); unknown commands are reported, not thrown. */
export function parseHeartRateCommand(bytes: Uint8Array): HeartRateCommand {
  if (bytes.length === 0) {
    throw new RangeError("Cannot parse heart-rate command: no bytes");
  }
  const [op, a, b] = bytes;
  if (op === HEART_RATE.keepAlive && bytes.length === 1) {
    return { kind: "keepAlive" };
  }
  if (op === HEART_RATE.setInterval && bytes.length === 2) {
    return { kind: "interval", minutes: a };
  }
  if (op === HEART_RATE.control && bytes.length === 3 && b <= 1) {
    if (a === HEART_RATE.modeManual) {
      return { kind: "manual", enabled: b === 1 };
    }
    if (a === HEART_RATE.modeContinuous) {
      return { kind: "continuous", enabled: b === 1 };
    }
    if (a === HEART_RATE.modeSleep) {
      return { kind: "sleepAssist", enabled: b === 1 };
    }
  }
  return { kind: "unknown", hex: formatHex(bytes) };
}
