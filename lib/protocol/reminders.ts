// Event reminders, chunked type 2 on 0x0020 (§25.1) [SOURCE, MB4 support inferred from GB]:
//   set     [0] 0b  [1] slot 0-21  [2..5] FLAGS u32 LE  [6..11] START short date-time (YY YY MM DD hh mm)
//           [12..17] END short date-time, only if FLAGS & 04  then 00  TEXT… 00
//   delete  [0] 0b  [1] slot  [2..5] 08 00 00 00  [6] 00
// FLAGS: 01 enabled, 04 end present, 08 has text; weekly 20 << weekday (Mon = 0 … Sun = 6),
// monthly 1000, yearly 2000, none = once. Text up to 16 characters.

import { type Weekday, WEEKDAYS } from "./alarms.ts";
import { CONFIG2 } from "./constants.ts";
import {
  encodeShortDateTime,
  type HuamiDateTime,
  parseShortDateTime,
} from "./date_time.ts";
import { ProtocolError } from "./errors.ts";

/** How a reminder repeats. */
export type ReminderRepeat =
  | { kind: "once" }
  | { kind: "weekly"; days: Weekday[] }
  | { kind: "monthly" }
  | { kind: "yearly" };

/** One reminder slot. */
export interface Reminder {
  /** Slot 0 … REMINDER_SLOT_COUNT − 1. */
  slot: number;
  /** Whether the reminder is armed. */
  enabled: boolean;
  /** Band-local start, whole minutes (second 0). */
  start: HuamiDateTime;
  /** Optional band-local end, whole minutes. */
  end?: HuamiDateTime;
  /** Repetition. */
  repeat: ReminderRepeat;
  /** Text, up to REMINDER_MAX_TEXT_CHARS characters; "" for none. */
  text: string;
}

/** A decoded reminder payload: a stored reminder or a deleted slot. */
export type ReminderCommand = { kind: "set"; reminder: Reminder } | {
  kind: "delete";
  slot: number;
};

/** Reminder slots Gadgetbridge offers (getReminderSlotCount). */
export const REMINDER_SLOT_COUNT = 22;

/** Longest reminder text in characters (getMaximumReminderMessageLength). */
export const REMINDER_MAX_TEXT_CHARS = 16;

const FLAG = {
  enabled: 0x01,
  end: 0x04,
  text: 0x08,
  monthly: 0x1000,
  yearly: 0x2000,
} as const;
const WEEKLY_SHIFT = 5;
const WEEKLY_MASK = 0x7f << WEEKLY_SHIFT;
const UTF8 = new TextEncoder();
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Encodes the `0b …` payload storing a reminder in its slot. */
export function encodeReminder(reminder: Reminder): Uint8Array {
  checkSlot(reminder.slot);
  const { text } = reminder;
  if (
    text.includes("\0") || Array.from(text).length > REMINDER_MAX_TEXT_CHARS
  ) {
    throw new RangeError(
      "Cannot encode reminder: text must be at most 16 characters without NUL",
    );
  }
  let flags = (reminder.enabled ? FLAG.enabled : 0) |
    (text === "" ? 0 : FLAG.text);
  if (reminder.end !== undefined) flags |= FLAG.end;
  flags |= repeatFlags(reminder.repeat);
  const head = new Uint8Array(6);
  head[0] = CONFIG2.reminder;
  head[1] = reminder.slot;
  new DataView(head.buffer).setUint32(2, flags, true);
  const end = reminder.end === undefined
    ? []
    : [...encodeShortDateTime(reminder.end)];
  return Uint8Array.of(
    ...head,
    ...encodeShortDateTime(reminder.start),
    ...end,
    0,
    ...UTF8.encode(text),
    0,
  );
}

/** Encodes `0b ID 08 00 00 00 00`, Gadgetbridge's delete form. */
export function encodeDeleteReminder(slot: number): Uint8Array {
  checkSlot(slot);
  return Uint8Array.of(CONFIG2.reminder, slot, FLAG.text, 0, 0, 0, 0);
}

/** Parses a reassembled `0b …` payload as the band receives it. */
export function parseReminder(payload: Uint8Array): ReminderCommand {
  if (payload.length < 7) {
    throw new RangeError(
      `Cannot parse reminder: expected at least 7 bytes, got ${payload.length}`,
    );
  }
  const fail = (detail: string): never => {
    throw new ProtocolError(`Cannot parse reminder: ${detail}`, {
      opcode: payload[0],
      bytes: payload,
    });
  };
  if (payload[0] !== CONFIG2.reminder) {
    fail(`byte 0 is ${payload[0]}, expected 0x0b`);
  }
  const flags = new DataView(
    payload.buffer,
    payload.byteOffset,
    payload.byteLength,
  ).getUint32(2, true);
  if (payload.length === 7 && flags === FLAG.text && payload[6] === 0) {
    return { kind: "delete", slot: payload[1] };
  }
  const hasEnd = (flags & FLAG.end) !== 0;
  const textAt = 6 + 6 + (hasEnd ? 6 : 0) + 1;
  if (payload.length < textAt + 1) {
    throw new RangeError(
      `Cannot parse reminder: expected at least ${
        textAt + 1
      } bytes, got ${payload.length}`,
    );
  }
  if (payload[textAt - 1] !== 0) fail("no 00 before the text");
  if (
    payload[payload.length - 1] !== 0 ||
    payload.indexOf(0, textAt) !== payload.length - 1
  ) fail("text is not one 00-terminated string");
  let text = "";
  try {
    text = STRICT_UTF8.decode(payload.subarray(textAt, payload.length - 1));
  } catch (cause) {
    throw new ProtocolError("Cannot parse reminder: text is not valid UTF-8", {
      opcode: payload[0],
      bytes: payload,
      cause,
    });
  }
  const reminder: Reminder = {
    slot: payload[1],
    enabled: (flags & FLAG.enabled) !== 0,
    start: parseShortDateTime(payload.subarray(6, 12)),
    repeat: parseRepeat(flags, fail),
    text,
  };
  if (hasEnd) reminder.end = parseShortDateTime(payload.subarray(12, 18));
  return { kind: "set", reminder };
}

function repeatFlags(repeat: ReminderRepeat): number {
  switch (repeat.kind) {
    case "once":
      return 0;
    case "monthly":
      return FLAG.monthly;
    case "yearly":
      return FLAG.yearly;
    case "weekly": {
      if (repeat.days.length === 0) {
        throw new RangeError(
          "Cannot encode reminder: a weekly repeat needs at least one day",
        );
      }
      return repeat.days.reduce((flags, day) => {
        const bit = WEEKDAYS.indexOf(day);
        if (bit < 0) {
          throw new RangeError(
            `Cannot encode reminder: ${String(day)} is not a weekday`,
          );
        }
        return flags | (1 << (WEEKLY_SHIFT + bit));
      }, 0);
    }
  }
  throw new RangeError(
    `Cannot encode reminder: repeat ${
      String((repeat as { kind: unknown }).kind)
    } is unknown`,
  );
}

function parseRepeat(
  flags: number,
  fail: (detail: string) => never,
): ReminderRepeat {
  const weekly = flags & WEEKLY_MASK;
  const kinds =
    [weekly !== 0, (flags & FLAG.monthly) !== 0, (flags & FLAG.yearly) !== 0]
      .filter(Boolean).length;
  if (kinds > 1) fail("more than one repetition flag is set");
  if (weekly !== 0) {
    return {
      kind: "weekly",
      days: WEEKDAYS.filter((_, bit) =>
        (weekly & (1 << (WEEKLY_SHIFT + bit))) !== 0
      ),
    };
  }
  if (flags & FLAG.monthly) return { kind: "monthly" };
  if (flags & FLAG.yearly) return { kind: "yearly" };
  return { kind: "once" };
}

function checkSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < 0 || slot >= REMINDER_SLOT_COUNT) {
    throw new RangeError(
      `Cannot encode reminder: slot ${slot} is outside 0..${
        REMINDER_SLOT_COUNT - 1
      }`,
    );
  }
}
