import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeDeleteReminder,
  encodeReminder,
  parseReminder,
  type Reminder,
} from "../../lib/protocol/reminders.ts";
import { encodeChunks } from "../../lib/protocol/chunked.ts";
import { CHUNK_TYPE } from "../../lib/protocol/constants.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.14: reminder slot 0 "Dentist", once, 2024-03-11 09:30.
const DENTIST: Reminder = {
  slot: 0,
  enabled: true,
  start: { year: 2024, month: 3, day: 11, hour: 9, minute: 30, second: 0 },
  repeat: { kind: "once" },
  text: "Dentist",
};
const DENTIST_BYTES =
  "0b 00 09 00 00 00 e8 07 03 0b 09 1e 00 44 65 6e 74 69 73 74 00";

Deno.test("encodeReminder() writes the §30.14 payload and chunks", () => {
  const payload = encodeReminder(DENTIST);
  assertEquals(toHex(payload), DENTIST_BYTES);
  assertEquals(encodeChunks(CHUNK_TYPE.config, payload).map(toHex), [
    "00 02 00 0b 00 09 00 00 00 e8 07 03 0b 09 1e 00 44 65 6e 74",
    "00 82 01 69 73 74 00",
  ]);
  assertEquals(parseReminder(hex(DENTIST_BYTES)), {
    kind: "set",
    reminder: DENTIST,
  });
});

Deno.test("encodeReminder() writes weekly every day as 0fe0 and an end date (§25.1)", () => {
  const daily: Reminder = {
    ...DENTIST,
    slot: 21,
    repeat: {
      kind: "weekly",
      days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    },
    end: { year: 2024, month: 3, day: 11, hour: 10, minute: 0, second: 0 },
    text: "",
  };
  const bytes = encodeReminder(daily);
  assertEquals(
    toHex(bytes),
    "0b 15 e5 0f 00 00 e8 07 03 0b 09 1e e8 07 03 0b 0a 00 00 00",
  );
  assertEquals(parseReminder(bytes), { kind: "set", reminder: daily });
  const yearly = { ...DENTIST, repeat: { kind: "yearly" } as const };
  assertEquals(toHex(encodeReminder(yearly).subarray(2, 6)), "09 20 00 00");
  assertEquals(parseReminder(encodeReminder(yearly)), {
    kind: "set",
    reminder: yearly,
  });
});

Deno.test("encodeDeleteReminder() writes GB's delete form and parses back (§25.1)", () => {
  assertEquals(toHex(encodeDeleteReminder(3)), "0b 03 08 00 00 00 00");
  assertEquals(parseReminder(hex("0b 03 08 00 00 00 00")), {
    kind: "delete",
    slot: 3,
  });
});

Deno.test("encodeReminder() rejects bad slots, long texts, seconds and empty weeks", () => {
  throws(() => encodeReminder({ ...DENTIST, slot: 22 }), RangeError);
  throws(
    () => encodeReminder({ ...DENTIST, text: "x".repeat(17) }),
    /at most 16/,
  );
  throws(
    () =>
      encodeReminder({ ...DENTIST, start: { ...DENTIST.start, second: 5 } }),
    RangeError,
  );
  throws(
    () => encodeReminder({ ...DENTIST, repeat: { kind: "weekly", days: [] } }),
    RangeError,
  );
});

Deno.test("parseReminder() rejects short, foreign and malformed payloads", () => {
  throws(() => parseReminder(hex("0b 00 09 00 00")), RangeError);
  throws(
    () => parseReminder(hex("0c 00 09 00 00 00 e8 07 03 0b 09 1e 00 00")),
    ProtocolError,
  );
  throws(
    () => parseReminder(hex("0b 00 09 00 00 00 e8 07 03 0b 09 1e 01 00")),
    ProtocolError,
  );
  throws(
    () => parseReminder(hex("0b 00 09 30 00 00 e8 07 03 0b 09 1e 00 00")),
    ProtocolError,
  );
  throws(
    () => parseReminder(hex("0b 00 09 00 00 00 e8 07 0d 0b 09 1e 00 00")),
    ProtocolError,
  );
});
