// Band time on SIG 0x2A2B inside service 0xFEE0 (§18), read / write with response / notify, 11 bytes:
//   [0..1] year u16 LE  [2] month  [3] day  [4] hour  [5] minute  [6] second   (band-local wall clock)
//   [7] day of week 1 = Mon … 7 = Sun  [8] fractions of a second, 1/256 s
//   [9] adjust reason (SIG bits: 01 manual, 02 external reference, 04 zone change, 08 DST change)
//   [10] time zone, int8 quarter hours east of UTC, including DST
// [CONFLICT] §18: we write Gadgetbridge's unit-tested form (ISO weekday, fractions 00, reason 00,
// real zone); MB4W/MB4G write Sunday = 0 and zone 0, AF sets reason 08 under DST. Callers that
// want AF's form pass `adjustReason: 0x08`.

import {
  encodeDateTime,
  encodeTzByte,
  fromEpochMs,
  type HuamiDateTime,
  parseDateTime,
  parseTzByte,
  toDayOfWeek,
  toEpochMs,
  toTzQuarterHours,
} from "./date_time.ts";

/** The decoded 0x2A2B value. */
export interface CurrentTime extends HuamiDateTime {
  /** ISO day of week 1 (Monday) … 7 (Sunday), or "unknown" for any other byte (e.g. MB4W's Sunday = 0). */
  dayOfWeek: number | "unknown";
  /** Fractions of a second in 1/256 s. */
  fractions256: number;
  /** Adjust-reason flags byte. */
  adjustReason: number;
  /** Signed quarter hours east of UTC. */
  tzQuarterHours: number;
  /** The instant the value denotes, in epoch milliseconds (fractions included). */
  epochMs: number;
}

/** Options for encoding the band time. */
export interface EncodeCurrentTimeOptions {
  /** Adjust-reason byte; 0 as Gadgetbridge sends it. */
  adjustReason?: number;
  /** Fractions of a second in 1/256 s; 0 as Gadgetbridge sends it. */
  fractions256?: number;
}

const LENGTH = 11;

/** Encodes the 11-byte 0x2A2B value for an instant shown in a zone given as minutes east of UTC (DST included). */
export function encodeCurrentTime(
  epochMs: number,
  utcOffsetMinutes: number,
  options: EncodeCurrentTimeOptions = {},
): Uint8Array {
  const { adjustReason = 0, fractions256 = 0 } = options;
  checkByte(adjustReason, "adjust reason");
  checkByte(fractions256, "fractions");
  const tzQuarterHours = toTzQuarterHours(utcOffsetMinutes);
  const wallClock = fromEpochMs(epochMs, tzQuarterHours);
  const out = new Uint8Array(LENGTH);
  out.set(encodeDateTime(wallClock), 0);
  out[7] = toDayOfWeek(wallClock);
  out[8] = fractions256;
  out[9] = adjustReason;
  out[10] = encodeTzByte(tzQuarterHours);
  return out;
}

/** Parses the 11-byte 0x2A2B value the band reads back or a client wrote. */
export function parseCurrentTime(bytes: Uint8Array): CurrentTime {
  if (bytes.length !== LENGTH) {
    throw new RangeError(
      `Cannot parse current time: expected 11 bytes, got ${bytes.length}`,
    );
  }
  const wallClock = parseDateTime(bytes.subarray(0, 7));
  const tzQuarterHours = parseTzByte(bytes[10]);
  const dayOfWeek = bytes[7] >= 1 && bytes[7] <= 7 ? bytes[7] : "unknown";
  return {
    ...wallClock,
    dayOfWeek,
    fractions256: bytes[8],
    adjustReason: bytes[9],
    tzQuarterHours,
    epochMs: toEpochMs(wallClock, tzQuarterHours) +
      Math.floor((bytes[8] * 1000) / 256),
  };
}

function checkByte(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new RangeError(
      `Cannot encode current time: ${what} ${value} is outside 0..255`,
    );
  }
}
