// Battery info on Huami 0x0006 (§8, §32.3), read + notify, 20 bytes:
//   [0] 0f (meaning unknown)  [1] level %  [2] 00 normal, non-zero charging
//   [3..9] charge-related stamp (date-time)  [10] its tz
//   [11..17] last charge end (date-time)  [18] its tz  [19] level at the end of that charge %
// Bytes 3-10 were once read as "last off"; §32.3 saw them change during a charge
// with the band never off, so they are exposed as a charge-related stamp. The last
// charge is read from offset 11 as five clients and the captures agree (Gadgetbridge's
// offset 10 is a known bug, §27.7). An unset stamp is 1970-01-01 00:00:00 and maps to null.

import { BATTERY } from "./constants.ts";
import {
  encodeZonedDateTime,
  parseZonedDateTime,
  toEpochMs,
  type ZonedDateTime,
} from "./date_time.ts";
import { formatHex, ProtocolError } from "./errors.ts";

/** A battery stamp: the band's wall clock, its zone, and the instant they denote. */
export interface BatteryStamp extends ZonedDateTime {
  /** Epoch milliseconds of the stamp. */
  epochMs: number;
}

/** Decoded battery value. */
export interface BatteryInfo {
  /** Level in percent, 0–100. */
  level: number;
  /** Whether the band is on its charger. */
  charging: boolean;
  /** Raw charging status byte (0 normal, 1 charging; other values seen on other Huami devices). */
  chargingStatus: number;
  /** Charge-related stamp of bytes 3–10, null when unset; exact meaning unconfirmed. */
  chargeStamp: BatteryStamp | null;
  /** When the last charge ended, null when unset. */
  lastChargeEnd: BatteryStamp | null;
  /** Level at the end of the last charge, in percent. */
  lastChargeLevel: number;
}

const UNSET_YEAR = 1970;

/** Decodes the 20-byte battery value. */
export function parseBatteryInfo(bytes: Uint8Array): BatteryInfo {
  if (bytes.length !== 20) {
    throw new RangeError(
      `Cannot parse battery info: expected 20 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[0] !== BATTERY.header || bytes[1] > 100 || bytes[19] > 100) {
    throw new ProtocolError(
      `Cannot parse battery info: unexpected value ${formatHex(bytes)}`,
      {
        opcode: bytes[0],
        bytes,
      },
    );
  }
  return {
    level: bytes[1],
    charging: bytes[2] !== 0,
    chargingStatus: bytes[2],
    chargeStamp: parseStamp(bytes.subarray(3, 11)),
    lastChargeEnd: parseStamp(bytes.subarray(11, 19)),
    lastChargeLevel: bytes[19],
  };
}

/** Encodes a battery value (simulator side); a null stamp is written as the unset 1970 stamp. */
export function encodeBatteryInfo(
  info: Omit<BatteryInfo, "charging">,
): Uint8Array {
  for (
    const [name, value] of [["level", info.level], [
      "last charge level",
      info.lastChargeLevel,
    ]] as const
  ) {
    if (!Number.isInteger(value) || value < 0 || value > 100) {
      throw new RangeError(
        `Cannot encode battery info: ${name} ${value} is outside 0..100`,
      );
    }
  }
  const out = new Uint8Array(20);
  out[0] = BATTERY.header;
  out[1] = info.level;
  out[2] = info.chargingStatus & 0xff;
  out.set(encodeStamp(info.chargeStamp), 3);
  out.set(encodeStamp(info.lastChargeEnd), 11);
  out[19] = info.lastChargeLevel;
  return out;
}

function parseStamp(bytes: Uint8Array): BatteryStamp | null {
  const stamp = parseZonedDateTime(bytes);
  if (
    stamp.year === UNSET_YEAR && stamp.month === 1 && stamp.day === 1 &&
    stamp.hour === 0 &&
    stamp.minute === 0 && stamp.second === 0
  ) return null;
  return { ...stamp, epochMs: toEpochMs(stamp, stamp.tzQuarterHours) };
}

function encodeStamp(stamp: ZonedDateTime | null): Uint8Array {
  return encodeZonedDateTime(
    stamp ??
      {
        year: UNSET_YEAR,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        tzQuarterHours: 0,
      },
  );
}
