import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  type ConfigCommand,
  encodeConfigCommand,
  encodeConfigResponse,
  expectConfigSuccess,
  parseConfigCommand,
  parseConfigResponse,
} from "../../lib/protocol/general_config.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// Every command paired with its bytes. Provenance: §30.14 where marked, else the §22.2 table.
const VECTORS: [ConfigCommand, string][] = [
  [
    { kind: "date_format", value: "dd.MM.yyyy" },
    "06 1e 00 64 64 2e 4d 4d 2e 79 79 79 79",
  ], // §30.14
  [{ kind: "language", value: "en_US" }, "06 17 00 65 6e 5f 55 53"], // §30.14 and §22.2
  [
    { kind: "band_lock", enabled: true, pin: "1234" },
    "06 21 00 01 31 32 33 34 00",
  ], // §30.14 and §22.2
  [{ kind: "time_format", value: "24h" }, "06 02 00 01"], // §30.14
  [{ kind: "time_format", value: "12h" }, "06 02 00 00"],
  [{ kind: "units", value: "imperial" }, "06 03 00 01"], // §30.14
  [{ kind: "units", value: "metric" }, "06 03 00 00"],
  [{
    kind: "lift_wrist",
    schedule: {
      mode: "scheduled",
      start: { hour: 7, minute: 0 },
      end: { hour: 23, minute: 0 },
    },
  }, "06 05 00 01 07 00 17 00"], // §30.14
  [{ kind: "lift_wrist", schedule: { mode: "off" } }, "06 05 00 00"],
  [{ kind: "lift_wrist", schedule: { mode: "on" } }, "06 05 00 01 00 00 00 00"], // GB's current all-day form
  [{
    kind: "night_mode",
    schedule: {
      mode: "scheduled",
      start: { hour: 22, minute: 0 },
      end: { hour: 6, minute: 30 },
    },
  }, "1a 01 16 00 06 1e"], // §30.14
  [{ kind: "night_mode", schedule: { mode: "off" } }, "1a 00"],
  [{ kind: "night_mode", schedule: { mode: "sunset" } }, "1a 02"],
  [{ kind: "goal_notification", enabled: true }, "06 06 00 01"], // §30.14
  [{ kind: "find_phone_ack", state: "ringing" }, "06 14 00 00"], // §30.14 and §21
  [{ kind: "find_phone_ack", state: "stopped" }, "06 14 00 01"], // §21 (SAT/DJ)
  [{ kind: "lift_wrist_sensitivity", value: "sensitive" }, "06 23 00 01"],
  [{ kind: "date_display", value: "date_time" }, "06 0a 00 03"],
  [{ kind: "date_display", value: "time" }, "06 0a 00 00"],
  [{ kind: "factory_reset" }, "06 0b 00 01"],
  [
    { kind: "disconnect_reminder", schedule: { mode: "on" } },
    "06 0c 00 01 00 00 00 00",
  ],
  [
    { kind: "disconnect_reminder", schedule: { mode: "off" } },
    "06 0c 00 00 00 00 00 00",
  ],
  [{
    kind: "disconnect_reminder",
    schedule: {
      mode: "scheduled",
      start: { hour: 8, minute: 15 },
      end: { hour: 18, minute: 45 },
    },
  }, "06 0c 00 01 08 0f 12 2d"],
  [{ kind: "rotate_wrist", enabled: true }, "06 0d 00 01"],
  [{ kind: "caller_id", enabled: true }, "06 10 00 00 01"],
  [{ kind: "swipe_unlock", enabled: false }, "06 16 00 00"],
  [{ kind: "silent_mode", enabled: true }, "06 19 00 01"],
  [{ kind: "heart_rate_alert", enabled: true, bpm: 120 }, "06 1a 00 01 78"],
  [{ kind: "expose_heart_rate", enabled: true }, "06 1f 00 01"],
  [{ kind: "bt_advertising", enabled: false }, "06 01 00 00"],
  [{ kind: "heart_rate_during_activity", enabled: true }, "06 22 00 01"],
  [
    { kind: "do_not_disturb", schedule: { mode: "off" }, wakeOnLift: false },
    "09 82",
  ],
  [{
    kind: "do_not_disturb",
    schedule: { mode: "automatic" },
    wakeOnLift: false,
  }, "09 83"],
  [{
    kind: "do_not_disturb",
    schedule: {
      mode: "scheduled",
      start: { hour: 1, minute: 0 },
      end: { hour: 6, minute: 0 },
    },
    wakeOnLift: false,
  }, "09 81 01 00 06 00"], // GB default template
  [{
    kind: "do_not_disturb",
    schedule: { mode: "automatic" },
    wakeOnLift: true,
  }, "09 03"],
  [{ kind: "request_gps_version" }, "0e"],
];

Deno.test("encodeConfigCommand() writes every §22.2 and §30.14 vector", () => {
  for (const [command, bytes] of VECTORS) {
    assertEquals(toHex(encodeConfigCommand(command)), bytes, command.kind);
  }
});

Deno.test("parseConfigCommand() reads every vector back", () => {
  for (const [command, bytes] of VECTORS) {
    assertEquals(parseConfigCommand(hex(bytes)), command, bytes);
  }
});

Deno.test("parseConfigCommand() reads older GB/AF's 4-byte lift wrist as on all day (§22.2)", () => {
  assertEquals(parseConfigCommand(hex("06 05 00 01")), {
    kind: "lift_wrist",
    schedule: { mode: "on" },
  });
});

Deno.test("parseConfigCommand() maps unknown choice values and strings to unknown", () => {
  assertEquals(parseConfigCommand(hex("06 02 00 07")), {
    kind: "time_format",
    value: "unknown",
  });
  assertEquals(parseConfigCommand(hex("06 17 00 78 78 5f 59 59")), {
    kind: "language",
    value: "unknown",
  });
  assertEquals(
    parseConfigCommand(hex("06 1e 00 79 79 79 79 2d 4d 4d 2d 64 64")),
    { kind: "date_format", value: "unknown" },
  );
});

Deno.test("encodeConfigCommand() rejects bad PINs without echoing them", () => {
  for (const pin of ["123", "12345", "1250", "abcd"]) {
    throws(
      () => encodeConfigCommand({ kind: "band_lock", enabled: true, pin }),
      (e: Error) => {
        assertEquals(e instanceof RangeError && !e.message.includes(pin), true);
        return true;
      },
    );
  }
});

Deno.test("encodeConfigCommand() rejects impossible times, locales, formats and thresholds", () => {
  const at = (hour: number, minute: number) => ({ hour, minute });
  throws(
    () =>
      encodeConfigCommand({
        kind: "night_mode",
        schedule: { mode: "scheduled", start: at(25, 0), end: at(6, 0) },
      }),
    /25:0/,
  );
  throws(
    () =>
      encodeConfigCommand({
        kind: "lift_wrist",
        schedule: { mode: "scheduled", start: at(7, 0), end: at(7, 0) },
      }),
    /same time/,
  );
  throws(
    () => encodeConfigCommand({ kind: "language", value: "xx_XX" as "en_US" }),
    RangeError,
  );
  throws(
    () =>
      encodeConfigCommand({
        kind: "date_format",
        value: "yyyy-MM-dd" as "dd/MM/yyyy",
      }),
    RangeError,
  );
  throws(
    () =>
      encodeConfigCommand({ kind: "heart_rate_alert", enabled: true, bpm: 0 }),
    RangeError,
  );
  throws(
    () => encodeConfigCommand({ kind: "time_format", value: "36h" as "12h" }),
    RangeError,
  );
});

Deno.test("parseConfigCommand() rejects wrong lengths and unknown commands", () => {
  throws(() => parseConfigCommand(hex("06 02 00")), RangeError);
  throws(() => parseConfigCommand(hex("06 02 00 01 00")), RangeError);
  throws(() => parseConfigCommand(hex("1a 01 16 00")), RangeError);
  throws(() => parseConfigCommand(hex("06 7e 00 01")), ProtocolError);
  throws(() => parseConfigCommand(hex("06 02 01 01")), ProtocolError);
  throws(() => parseConfigCommand(hex("1a 05")), ProtocolError);
  throws(() => parseConfigCommand(hex("1a 01 18 00 06 00")), ProtocolError);
  throws(
    () => parseConfigCommand(hex("06 21 00 01 31 32 33 35 00")),
    ProtocolError,
  );
  throws(() => parseConfigCommand(hex("77")), ProtocolError);
});

Deno.test("parseConfigResponse() reads the MB4 replies of GB issue #1619 (§22.1, real)", () => {
  assertEquals(parseConfigResponse(hex("10 06 16 00 01")), {
    command: 6,
    endpoint: 0x16,
    status: "success",
    statusByte: 1,
  });
  assertEquals(parseConfigResponse(hex("10 06 1e 00 01")), {
    command: 6,
    endpoint: 0x1e,
    status: "success",
    statusByte: 1,
  });
  assertEquals(parseConfigResponse(hex("10 1a 01")), {
    command: 0x1a,
    status: "success",
    statusByte: 1,
  });
  assertEquals(parseConfigResponse(hex("10 02 04")), {
    command: 2,
    status: "failure",
    statusByte: 4,
  });
  assertEquals(parseConfigResponse(hex("10 08 09")), {
    command: 8,
    status: "unknown",
    statusByte: 9,
  });
});

Deno.test("encodeConfigResponse() echoes 3 bytes for 06 commands and 1 byte otherwise (§22.1)", () => {
  assertEquals(
    toHex(encodeConfigResponse(hex("06 0a 00 03"))),
    "10 06 0a 00 01",
  );
  assertEquals(
    toHex(encodeConfigResponse(hex("1a 01 16 00 06 1e"))),
    "10 1a 01",
  );
  assertEquals(toHex(encodeConfigResponse(hex("02 80 07 1e 1f"))), "10 02 01");
  assertEquals(
    toHex(encodeConfigResponse(hex("06 21 00 01 31 32 33 34 00"), 4)),
    "10 06 21 00 04",
  );
});

Deno.test("expectConfigSuccess() accepts the matching ack and rejects failures and other echoes", () => {
  const lock = hex("06 21 00 01 31 32 33 34 00");
  expectConfigSuccess(hex("10 06 21 00 01"), lock);
  throws(() => expectConfigSuccess(hex("10 06 21 00 04"), lock), (e: Error) => {
    assertEquals(e instanceof ProtocolError, true);
    assertEquals(
      e.message,
      "Cannot apply setting: band answered 10 06 21 00 04 (failure) to 06 21 00",
    );
    return true;
  });
  throws(() => expectConfigSuccess(hex("10 06 16 00 01"), lock), ProtocolError);
});

Deno.test("parseConfigResponse() rejects short, foreign and malformed replies", () => {
  throws(() => parseConfigResponse(hex("10 06")), RangeError);
  throws(() => parseConfigResponse(hex("10 06 16 01")), RangeError);
  throws(() => parseConfigResponse(hex("11 1a 01")), ProtocolError);
  throws(() => parseConfigResponse(hex("10 06 16 05 01")), ProtocolError);
});
