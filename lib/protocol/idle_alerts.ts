// Idle alerts (inactivity warnings) on Huami 0x0003 (§14), write without response, 12 bytes:
//   [0] 08  [1] 01 enabled / 00 disabled  [2] threshold minutes  [3] 00 (unknown, §28.12)
//   [4] [5] window 1 start h m  [6] [7] window 1 end h m
//   [8] [9] window 2 start h m  [10] [11] window 2 end h m (00 00 00 00 when unused)
// A "do not disturb" gap splits the day: window 1 = start → gap start, window 2 = gap end → end.
// Expected reply `10 08 01` [UNCONFIRMED] (parsed by general_config.ts).

import { checkTimeOfDay, isTimeOfDay, type TimeOfDay } from "./alarms.ts";
import { CONFIG } from "./constants.ts";
import { ProtocolError } from "./errors.ts";

/** Inactivity warning settings. */
export interface IdleAlerts {
  /** Whether the band vibrates after the threshold of inactivity. */
  enabled: boolean;
  /** Minutes without movement before a warning, 1–255 (GB and MB4W use 60). */
  thresholdMinutes: number;
  /** Start of the active period. */
  start: TimeOfDay;
  /** End of the active period; must be after start (no overnight windows, as in MB4W). */
  end: TimeOfDay;
  /** Optional quiet gap inside the period, such as lunch. */
  gap?: { start: TimeOfDay; end: TimeOfDay };
}

const LENGTH = 12;

/** Encodes the 12-byte `08 …` inactivity warning command. */
export function encodeIdleAlerts(settings: IdleAlerts): Uint8Array {
  const { thresholdMinutes: threshold, start, end, gap } = settings;
  // Byte 3 may be the threshold's high byte (§28.12); until that is confirmed we keep it 00.
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 0xff) {
    throw new RangeError(
      `Cannot encode idle alerts: threshold ${threshold} min is outside 1..255`,
    );
  }
  checkTimeOfDay(start, "idle alerts start");
  checkTimeOfDay(end, "idle alerts end");
  if (minutesOf(start) >= minutesOf(end)) {
    throw new RangeError("Cannot encode idle alerts: start must be before end");
  }
  const out = new Uint8Array(LENGTH);
  out[0] = CONFIG.idleAlerts;
  out[1] = settings.enabled ? 1 : 0;
  out[2] = threshold;
  if (gap === undefined) {
    writeWindow(out, 4, start, end);
    return out;
  }
  checkTimeOfDay(gap.start, "idle alerts gap start");
  checkTimeOfDay(gap.end, "idle alerts gap end");
  const inside = minutesOf(start) < minutesOf(gap.start) &&
    minutesOf(gap.start) < minutesOf(gap.end) &&
    minutesOf(gap.end) < minutesOf(end);
  if (!inside) {
    throw new RangeError(
      "Cannot encode idle alerts: the gap must lie strictly inside start–end",
    );
  }
  writeWindow(out, 4, start, gap.start);
  writeWindow(out, 8, gap.end, end);
  return out;
}

/** Parses the 12-byte `08 …` inactivity warning command as the band receives it. */
export function parseIdleAlerts(bytes: Uint8Array): IdleAlerts {
  if (bytes.length !== LENGTH) {
    throw new RangeError(
      `Cannot parse idle alerts: expected 12 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[0] !== CONFIG.idleAlerts) {
    throw new ProtocolError(
      `Cannot parse idle alerts: byte 0 is ${bytes[0]}, expected 8`,
      {
        opcode: bytes[0],
        bytes,
      },
    );
  }
  for (let i = 4; i < LENGTH; i += 2) {
    if (!isTimeOfDay(bytes[i], bytes[i + 1])) {
      throw new ProtocolError(
        `Cannot parse idle alerts: bytes ${i}–${i + 1} are not a time of day`,
        {
          opcode: CONFIG.idleAlerts,
          bytes,
        },
      );
    }
  }
  const time = (i: number): TimeOfDay => ({
    hour: bytes[i],
    minute: bytes[i + 1],
  });
  const settings: IdleAlerts = {
    enabled: bytes[1] !== 0,
    thresholdMinutes: bytes[2],
    start: time(4),
    end: time(6),
  };
  const secondWindowUsed = bytes.subarray(8).some((b) => b !== 0);
  if (!secondWindowUsed) return settings;
  return { ...settings, end: time(10), gap: { start: time(6), end: time(8) } };
}

function writeWindow(
  out: Uint8Array,
  offset: number,
  from: TimeOfDay,
  to: TimeOfDay,
): void {
  out.set([from.hour, from.minute, to.hour, to.minute], offset);
}

function minutesOf(time: TimeOfDay): number {
  return time.hour * 60 + time.minute;
}
