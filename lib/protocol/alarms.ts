// Alarms on Huami 0x0003 (§13), write without response:
//   set/clear  [0] 02  [1] TAG = slot (bits 0-3) | 80 enabled | 40 enabled and snooze off
//              [2] hour 0-23  [3] minute 0-59
//              [4] DAYS: bit0 Mon … bit6 Sun, 7f every day, 80 once, 00 slot unused
//   request    [0] 0d
//   reply      [0] 10  [1] 0d  [2] 01  [3..7] unknown  [8] count N
//              [9..] N status bytes: bits 0-3 slot, bit 4 (10) enabled; times are not included
// Band reply to a set/clear: `10 02 01` (parsed by general_config.ts).

import { CONFIG, RESPONSE } from "./constants.ts";
import { ProtocolError } from "./errors.ts";

/** A wall-clock time of day on the 24-hour clock, as the band stores schedules. */
export interface TimeOfDay {
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59. */
  minute: number;
}

/** Day of the week as used by day masks; bit n of the mask is WEEKDAYS[n]. */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** Weekdays in mask bit order (bit 0 = Monday). */
export const WEEKDAYS: readonly Weekday[] = [
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
];

/**
 * Number of alarm slots the encoder allows.
 *
 * [CONFLICT] §13.1: GB allows 10 (0–9), MB4W 15, AF 5; the index field holds 16. We use GB's 10,
 * the recommended and most tested count; the parser accepts all 16 so any client's writes decode.
 */
export const ALARM_SLOT_COUNT = 10;

/** One alarm as the band stores it in a slot. */
export interface Alarm {
  /** Slot index 0 … ALARM_SLOT_COUNT − 1. */
  slot: number;
  /** Ring time. */
  time: TimeOfDay;
  /** Repeat days; empty means ring once (DAYS = 80), all seven means every day (7f). */
  days: Weekday[];
  /** Whether the alarm is armed. */
  enabled: boolean;
  /** Whether the band offers snooze; only encoded while enabled, so a disabled alarm reads back true. */
  snooze: boolean;
}

/** A decoded alarm command: a stored alarm or a cleared slot. */
export type AlarmCommand =
  | { kind: "set"; alarm: Alarm }
  | { kind: "clear"; slot: number; time: TimeOfDay };

/** Enabled flag of one slot from the `0d` alarm list reply. */
export interface AlarmStatus {
  /** Slot index 0–15. */
  slot: number;
  /** Whether the alarm in that slot is armed. */
  enabled: boolean;
}

const TAG_ENABLED = 0x80;
const TAG_NO_SNOOZE = 0x40;
const TAG_SLOT_MASK = 0x0f;
const DAYS_ONCE = 0x80;
const STATUS_ENABLED = 0x10;
const LIST_HEADER_LENGTH = 9;

/** Throws a RangeError unless the time is a valid 24-hour time of day. */
export function checkTimeOfDay(time: TimeOfDay, what: string): void {
  const { hour, minute } = time;
  if (
    !Number.isInteger(hour) || hour < 0 || hour > 23 ||
    !Number.isInteger(minute) || minute < 0 || minute > 59
  ) {
    throw new RangeError(
      `Cannot encode ${what}: ${hour}:${minute} is not a time of day (00:00–23:59)`,
    );
  }
}

/** Returns whether two bytes form a valid hour and minute. */
export function isTimeOfDay(hour: number, minute: number): boolean {
  return hour <= 23 && minute <= 59;
}

/** Encodes a weekday set as the band's day mask (bit 0 = Monday); an empty set encodes as 00. */
export function encodeDayMask(days: readonly Weekday[]): number {
  let mask = 0;
  for (const day of days) {
    const bit = WEEKDAYS.indexOf(day);
    if (bit < 0) {
      throw new RangeError(
        `Cannot encode day mask: ${String(day)} is not a weekday`,
      );
    }
    mask |= 1 << bit;
  }
  return mask;
}

/** Decodes the low seven bits of a day mask into weekdays in Monday-first order. */
export function parseDayMask(mask: number): Weekday[] {
  return WEEKDAYS.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** Encodes `02 TAG HH MM DAYS` storing an alarm in its slot. */
export function encodeAlarm(alarm: Alarm): Uint8Array {
  checkSlot(alarm.slot);
  checkTimeOfDay(alarm.time, "alarm");
  const days = encodeDayMask(alarm.days);
  let tag = alarm.slot;
  if (alarm.enabled) tag |= TAG_ENABLED | (alarm.snooze ? 0 : TAG_NO_SNOOZE);
  // A non-repeating alarm must be 80 ("once"): 00 marks an unused slot (§32.5), and every
  // day is 7f, never 80 as MB4W and SAT have it (§27.7).
  return Uint8Array.of(
    CONFIG.alarm,
    tag,
    alarm.time.hour,
    alarm.time.minute,
    days === 0 ? DAYS_ONCE : days,
  );
}

/** Encodes `02 SS 00 00 00`, Gadgetbridge's form for clearing a slot. */
export function encodeClearAlarm(slot: number): Uint8Array {
  checkSlot(slot);
  return Uint8Array.of(CONFIG.alarm, slot, 0, 0, 0);
}

/** Parses a `02 TAG HH MM DAYS` alarm command as the band receives it. */
export function parseAlarmCommand(bytes: Uint8Array): AlarmCommand {
  if (bytes.length !== 5) {
    throw new RangeError(
      `Cannot parse alarm command: expected 5 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[0] !== CONFIG.alarm) {
    throw new ProtocolError(
      `Cannot parse alarm command: byte 0 is ${bytes[0]}, expected 2`,
      {
        opcode: bytes[0],
        bytes,
      },
    );
  }
  const [, tag, hour, minute, days] = bytes;
  if (!isTimeOfDay(hour, minute)) {
    throw new ProtocolError(
      `Cannot parse alarm command: ${hour}:${minute} is not a time of day`,
      {
        opcode: CONFIG.alarm,
        bytes,
      },
    );
  }
  const slot = tag & TAG_SLOT_MASK;
  const time = { hour, minute };
  // MB4W "deletes" with DAYS = 00 and the enabled flag possibly still set: 00 wins.
  if (days === 0) return { kind: "clear", slot, time };
  const enabled = (tag & TAG_ENABLED) !== 0;
  const snooze = !enabled || (tag & TAG_NO_SNOOZE) === 0;
  const repeat = days === DAYS_ONCE ? [] : parseDayMask(days);
  return { kind: "set", alarm: { slot, time, days: repeat, enabled, snooze } };
}

/** Encodes `0d`, the request for the alarm list. */
export function encodeRequestAlarms(): Uint8Array {
  return Uint8Array.of(CONFIG.requestAlarms);
}

/** Encodes the band's `10 0d 01` alarm list reply; for the simulator (the 5 unknown bytes are zero). */
export function encodeAlarmList(statuses: readonly AlarmStatus[]): Uint8Array {
  if (statuses.length > 0xff) {
    throw new RangeError(
      `Cannot encode alarm list: ${statuses.length} alarms exceed 255`,
    );
  }
  const out = new Uint8Array(LIST_HEADER_LENGTH + statuses.length);
  out.set([RESPONSE.header, CONFIG.requestAlarms, RESPONSE.success]);
  out[LIST_HEADER_LENGTH - 1] = statuses.length;
  statuses.forEach((status, i) => {
    if (
      !Number.isInteger(status.slot) || status.slot < 0 ||
      status.slot > TAG_SLOT_MASK
    ) {
      throw new RangeError(
        `Cannot encode alarm list: slot ${status.slot} is outside 0..15`,
      );
    }
    out[LIST_HEADER_LENGTH + i] = status.slot |
      (status.enabled ? STATUS_ENABLED : 0);
  });
  return out;
}

/** Parses the `10 0d 01` alarm list reply into slot statuses (times and days are not sent). */
export function parseAlarmList(bytes: Uint8Array): AlarmStatus[] {
  if (bytes.length < LIST_HEADER_LENGTH) {
    throw new RangeError(
      `Cannot parse alarm list: expected at least 9 bytes, got ${bytes.length}`,
    );
  }
  if (
    bytes[0] !== RESPONSE.header || bytes[1] !== CONFIG.requestAlarms ||
    bytes[2] !== RESPONSE.success
  ) {
    throw new ProtocolError(
      "Cannot parse alarm list: reply does not start with 10 0d 01",
      {
        opcode: CONFIG.requestAlarms,
        bytes,
      },
    );
  }
  const count = bytes[LIST_HEADER_LENGTH - 1];
  if (bytes.length !== LIST_HEADER_LENGTH + count) {
    throw new RangeError(
      `Cannot parse alarm list: count ${count} needs ${
        LIST_HEADER_LENGTH + count
      } bytes, got ${bytes.length}`,
    );
  }
  return Array.from(bytes.subarray(LIST_HEADER_LENGTH), (b) => ({
    slot: b & TAG_SLOT_MASK,
    enabled: (b & STATUS_ENABLED) !== 0,
  }));
}

function checkSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < 0 || slot >= ALARM_SLOT_COUNT) {
    throw new RangeError(
      `Cannot encode alarm: slot ${slot} is outside 0..${ALARM_SLOT_COUNT - 1}`,
    );
  }
}
