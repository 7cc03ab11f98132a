// Huami date-time (§3.1), band-local wall clock:
//   [0..1] year u16 LE  [2] month 1-12  [3] day 1-31  [4] hour  [5] minute  [6] second
// The 6-byte short form drops the second. A time-zone byte is int8 quarter hours east
// of UTC. Wire variants built here:
//   zoned stamp (8)  = date-time(7) + tz        battery stamps, fetch start reply
//   fetch stamp (8)  = short(6) + 00 + tz        fetch start-date request
//   unix time (4)    = u32 LE seconds            workout summaries, weather
// The 11-byte current-time value (§18) is built from these by its own codec.

import { ProtocolError } from "./errors.ts";

/** A band-local wall-clock time as the band stores it, without a zone. */
export interface HuamiDateTime {
  /** Full year, e.g. 2024. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month 1–31. */
  day: number;
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59. */
  minute: number;
  /** Second 0–59 (0 for the short form). */
  second: number;
}

/** A wall-clock time with the band's time-zone byte (quarter hours east of UTC). */
export interface ZonedDateTime extends HuamiDateTime {
  /** Signed quarter hours east of UTC, e.g. 4 = UTC+1, -20 = UTC-5. */
  tzQuarterHours: number;
}

const MINUTE_MS = 60_000;

/** Decodes a time-zone byte into signed quarter hours east of UTC. */
export function parseTzByte(byte: number): number {
  return (byte << 24) >> 24;
}

/** Encodes signed quarter hours east of UTC into the one-byte time-zone field. */
export function encodeTzByte(tzQuarterHours: number): number {
  if (
    !Number.isInteger(tzQuarterHours) || tzQuarterHours < -128 ||
    tzQuarterHours > 127
  ) {
    throw new RangeError(
      `Cannot encode time zone: ${tzQuarterHours} quarter hours is outside -128..127`,
    );
  }
  return tzQuarterHours & 0xff;
}

/** Converts a UTC offset in minutes into the band's quarter-hour count. */
export function toTzQuarterHours(utcOffsetMinutes: number): number {
  if (!Number.isInteger(utcOffsetMinutes) || utcOffsetMinutes % 15 !== 0) {
    throw new RangeError(
      `Cannot convert UTC offset: ${utcOffsetMinutes} min is not a whole quarter hour`,
    );
  }
  const quarters = utcOffsetMinutes / 15;
  encodeTzByte(quarters);
  return quarters;
}

/** Converts the band's quarter-hour count into a UTC offset in minutes east of UTC. */
export function toUtcOffsetMinutes(tzQuarterHours: number): number {
  return tzQuarterHours * 15;
}

/** Returns the epoch-ms instant of a band-local wall-clock time in the given zone. */
export function toEpochMs(
  dateTime: HuamiDateTime,
  tzQuarterHours: number,
): number {
  return wallClockMs(dateTime) - tzQuarterHours * 15 * MINUTE_MS;
}

/** Returns the band-local wall-clock time of an epoch-ms instant in the given zone (milliseconds dropped). */
export function fromEpochMs(
  epochMs: number,
  tzQuarterHours: number,
): HuamiDateTime {
  if (!Number.isFinite(epochMs)) {
    throw new RangeError(
      `Cannot convert instant: ${epochMs} is not a finite time`,
    );
  }
  const d = new Date(
    Math.floor(epochMs / 1000) * 1000 + tzQuarterHours * 15 * MINUTE_MS,
  );
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Returns the ISO day of week (1 = Monday … 7 = Sunday) the band expects for a wall-clock date. */
export function toDayOfWeek(dateTime: HuamiDateTime): number {
  const sundayZero = new Date(wallClockMs(dateTime)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** Encodes the 7-byte Huami date-time. */
export function encodeDateTime(dateTime: HuamiDateTime): Uint8Array {
  const out = new Uint8Array(7);
  writeDateTime(out, 0, dateTime, true);
  return out;
}

/** Parses the 7-byte Huami date-time. */
export function parseDateTime(bytes: Uint8Array): HuamiDateTime {
  expectLength(bytes, 7, "date-time");
  return readDateTime(bytes, true);
}

/** Encodes the 6-byte short Huami date-time (no seconds; the second field must be 0). */
export function encodeShortDateTime(dateTime: HuamiDateTime): Uint8Array {
  const out = new Uint8Array(6);
  writeDateTime(out, 0, dateTime, false);
  return out;
}

/** Parses the 6-byte short Huami date-time; the second is reported as 0. */
export function parseShortDateTime(bytes: Uint8Array): HuamiDateTime {
  expectLength(bytes, 6, "short date-time");
  return readDateTime(bytes, false);
}

/** Encodes the 8-byte zoned stamp: date-time(7) + tz, as in battery values and the fetch start reply. */
export function encodeZonedDateTime(stamp: ZonedDateTime): Uint8Array {
  const out = new Uint8Array(8);
  writeDateTime(out, 0, stamp, true);
  out[7] = encodeTzByte(stamp.tzQuarterHours);
  return out;
}

/** Parses the 8-byte zoned stamp: date-time(7) + tz. */
export function parseZonedDateTime(bytes: Uint8Array): ZonedDateTime {
  expectLength(bytes, 8, "zoned date-time");
  return {
    ...readDateTime(bytes.subarray(0, 7), true),
    tzQuarterHours: parseTzByte(bytes[7]),
  };
}

/** Encodes the 8-byte fetch request stamp: short date-time(6) + 00 + tz (seconds must be 0). */
export function encodeFetchStamp(stamp: ZonedDateTime): Uint8Array {
  const out = new Uint8Array(8);
  writeDateTime(out, 0, stamp, false);
  out[7] = encodeTzByte(stamp.tzQuarterHours);
  return out;
}

/** Parses the 8-byte fetch request stamp: short date-time(6) + 00 + tz. */
export function parseFetchStamp(bytes: Uint8Array): ZonedDateTime {
  expectLength(bytes, 8, "fetch stamp");
  if (bytes[6] !== 0) {
    throw new ProtocolError(
      `Cannot parse fetch stamp: byte 6 is ${bytes[6]}, expected 0`,
      { bytes },
    );
  }
  return {
    ...readDateTime(bytes.subarray(0, 6), false),
    tzQuarterHours: parseTzByte(bytes[7]),
  };
}

/** Encodes an epoch-ms instant as 4-byte Unix seconds (u32 LE), rounding down to the second. */
export function encodeUnixTime(epochMs: number): Uint8Array {
  const seconds = Math.floor(epochMs / 1000);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 0xffffffff) {
    throw new RangeError(
      `Cannot encode Unix time: ${epochMs} ms is outside the u32 seconds range`,
    );
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, seconds, true);
  return out;
}

/** Parses 4-byte Unix seconds (u32 LE) into epoch milliseconds. */
export function parseUnixTime(bytes: Uint8Array): number {
  expectLength(bytes, 4, "Unix time");
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .getUint32(0, true) * 1000;
}

function expectLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) {
    throw new RangeError(
      `Cannot parse ${what}: expected ${length} bytes, got ${bytes.length}`,
    );
  }
}

// Date.UTC maps years 0–99 onto 1900–1999; setUTCFullYear keeps them literal.
function wallClockMs(dt: HuamiDateTime): number {
  const d = new Date(
    Date.UTC(2000, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second),
  );
  d.setUTCFullYear(dt.year, dt.month - 1, dt.day);
  return d.getTime();
}

function isValidDateTime(dt: HuamiDateTime): boolean {
  const inRange = dt.year >= 0 && dt.year <= 0xffff && dt.month >= 1 &&
    dt.month <= 12 &&
    dt.day >= 1 && dt.day <= 31 && dt.hour <= 23 && dt.minute <= 59 &&
    dt.second <= 59 &&
    dt.hour >= 0 && dt.minute >= 0 && dt.second >= 0;
  if (!inRange || !Object.values(dt).every(Number.isInteger)) return false;
  // Rejects 31 April and 30 February, which Date would silently roll over.
  const d = new Date(wallClockMs(dt));
  return d.getUTCDate() === dt.day && d.getUTCMonth() + 1 === dt.month;
}

function readDateTime(bytes: Uint8Array, withSeconds: boolean): HuamiDateTime {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dt: HuamiDateTime = {
    year: view.getUint16(0, true),
    month: bytes[2],
    day: bytes[3],
    hour: bytes[4],
    minute: bytes[5],
    second: withSeconds ? bytes[6] : 0,
  };
  if (!isValidDateTime(dt)) {
    throw new ProtocolError(
      "Cannot parse date-time: fields do not form a calendar time",
      { bytes },
    );
  }
  return dt;
}

function writeDateTime(
  out: Uint8Array,
  offset: number,
  dt: HuamiDateTime,
  withSeconds: boolean,
): void {
  if (!isValidDateTime(dt)) {
    throw new RangeError(
      `Cannot encode date-time: ${dt.year}-${dt.month}-${dt.day} ${dt.hour}:${dt.minute}:${dt.second} is not a calendar time`,
    );
  }
  if (!withSeconds && dt.second !== 0) {
    throw new RangeError(
      `Cannot encode short date-time: second is ${dt.second}, the short form has none`,
    );
  }
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint16(offset, dt.year, true);
  out[offset + 2] = dt.month;
  out[offset + 3] = dt.day;
  out[offset + 4] = dt.hour;
  out[offset + 5] = dt.minute;
  if (withSeconds) out[offset + 6] = dt.second;
}
