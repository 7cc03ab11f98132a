// General configuration on Huami 0x0003 (§22), write without response:
//   endpoint   [0] 06  [1] setting (CONFIG_ENDPOINT)  [2] 00  [3..] value
//                switch  06 XX 00 EE                       EE 01 on / 00 off
//                choice  06 XX 00 VV                       time format, units, sensitivity, date display
//                lift    06 05 00 00 | 06 05 00 01 SH SM EH EM (00 00 00 00 = all day)
//                discon  06 0c 00 EE SH SM EH EM           times only when scheduled
//                caller  06 10 00 00 EE
//                lang    06 17 00 L1..L5                   ASCII locale, e.g. en_US
//                hr      06 1a 00 EE BPM
//                date    06 1e 00 + 10 ASCII               e.g. dd.MM.yyyy
//                lock    06 21 00 EE D1 D2 D3 D4 00        ASCII digits 1-4
//   DND        [0] 09  [1] 82 off | 83 automatic | 81 SH SM EH EM scheduled; bit 80 clear = wake on lift
//   night      [0] 1a  [1] 00 off | 02 sunset | 01 SH SM EH EM scheduled
//   GPS        [0] 0e
// Reply (§22.1): 10 + echo (06 XX 00 for endpoint commands, else byte 0) + status (01 success).
// Alarms (02, 0d), idle alerts (08) and MB3 display items (0a) have their own modules.

import { checkTimeOfDay, isTimeOfDay, type TimeOfDay } from "./alarms.ts";
import { CONFIG, CONFIG_ENDPOINT, RESPONSE } from "./constants.ts";
import { formatHex, ProtocolError } from "./errors.ts";

/** A daily period between two times of day. */
export type TimedPeriod = {
  mode: "scheduled";
  start: TimeOfDay;
  end: TimeOfDay;
};

/** A daily period that is off, always on, or on between two times. */
export type Schedule = { mode: "off" } | { mode: "on" } | TimedPeriod;

/** Night mode: off, from sunset to sunrise, or between two times. */
export type NightMode = { mode: "off" } | { mode: "sunset" } | TimedPeriod;

/** Do not disturb: off, automatic while asleep, or between two times. */
export type DoNotDisturb =
  | { mode: "off" }
  | { mode: "automatic" }
  | TimedPeriod;

/** Date formats the band accepts (§22.2). */
export const DATE_FORMATS = ["MM/dd/yyyy", "dd.MM.yyyy", "dd/MM/yyyy"] as const;

/** Locales Gadgetbridge offers for the Mi Band 4 (§22.2). */
// deno-fmt-ignore
export const LANGUAGES = [
  "ar_SA", "de_DE", "el_GR", "en_US", "es_ES", "fr_FR", "id_ID", "it_IT", "pt_PT",
  "pl_PL", "ru_RU", "th_TH", "tr_TR", "uk_UA", "vi_VN", "zh_CN", "zh_TW",
] as const;

/** A date format the band accepts. */
export type DateFormat = typeof DATE_FORMATS[number];

/** A Mi Band 4 locale. */
export type Language = typeof LANGUAGES[number];

const SWITCHES = {
  bt_advertising: CONFIG_ENDPOINT.btAdvertising,
  goal_notification: CONFIG_ENDPOINT.goalNotification,
  rotate_wrist: CONFIG_ENDPOINT.rotateWrist,
  swipe_unlock: CONFIG_ENDPOINT.swipeUnlock,
  silent_mode: CONFIG_ENDPOINT.silentMode,
  expose_heart_rate: CONFIG_ENDPOINT.exposeHeartRate,
  heart_rate_during_activity: CONFIG_ENDPOINT.heartRateDuringActivity,
} as const;

const CHOICES = {
  time_format: {
    endpoint: CONFIG_ENDPOINT.timeFormat,
    values: { "12h": 0x00, "24h": 0x01 },
  },
  units: {
    endpoint: CONFIG_ENDPOINT.units,
    values: { metric: 0x00, imperial: 0x01 },
  },
  lift_wrist_sensitivity: {
    endpoint: CONFIG_ENDPOINT.liftWristSensitivity,
    values: { normal: 0x00, sensitive: 0x01 },
  },
  date_display: {
    endpoint: CONFIG_ENDPOINT.dateDisplay,
    values: { time: 0x00, date_time: 0x03 },
  },
} as const;

type Choices = typeof CHOICES;

/** An on/off setting of the 06 endpoint. */
export type SwitchCommand = { kind: keyof typeof SWITCHES; enabled: boolean };

/** A one-byte choice setting of the 06 endpoint. */
export type ChoiceCommand = {
  [K in keyof Choices]: { kind: K; value: keyof Choices[K]["values"] };
}[keyof Choices];

/** Every 0x0003 command this module encodes. */
export type ConfigCommand =
  | SwitchCommand
  | ChoiceCommand
  | { kind: "lift_wrist"; schedule: Schedule }
  | { kind: "disconnect_reminder"; schedule: Schedule }
  | { kind: "caller_id"; enabled: boolean }
  | { kind: "find_phone_ack"; state: "ringing" | "stopped" }
  | { kind: "language"; value: Language }
  | { kind: "heart_rate_alert"; enabled: boolean; bpm: number }
  | { kind: "date_format"; value: DateFormat }
  | { kind: "band_lock"; enabled: boolean; pin: string }
  | { kind: "factory_reset" }
  | { kind: "do_not_disturb"; schedule: DoNotDisturb; wakeOnLift: boolean }
  | { kind: "night_mode"; schedule: NightMode }
  | { kind: "request_gps_version" };

/** A decoded 0x0003 command; enumerated values the module does not know read as "unknown". */
export type ParsedConfigCommand = ConfigCommand extends infer C
  ? C extends { value: infer V } ? Omit<C, "value"> & { value: V | "unknown" }
  : C
  : never;

/** Status of a configuration reply. */
export type ConfigStatus = "success" | "busy" | "failure" | "unknown";

/** A decoded `10 …` configuration reply. */
export interface ConfigResponse {
  /** Byte 0 of the command answered. */
  command: number;
  /** Setting byte of a 06 endpoint command, else undefined. */
  endpoint?: number;
  /** Meaning of the status byte. */
  status: ConfigStatus;
  /** The raw status byte. */
  statusByte: number;
}

const DND_NO_WAKE = 0x80;
const DND_MODE = { scheduled: 0x01, off: 0x02, automatic: 0x03 } as const;
const NIGHT_MODE = { off: 0x00, scheduled: 0x01, sunset: 0x02 } as const;
const ASCII = new TextEncoder();

/** Encodes `06 06 00 EE`, whether the band vibrates when the step goal is reached. */
export function encodeGoalNotification(enabled: boolean): Uint8Array {
  return encodeConfigCommand({ kind: "goal_notification", enabled });
}

/** Encodes one 0x0003 configuration command. */
export function encodeConfigCommand(command: ConfigCommand): Uint8Array {
  switch (command.kind) {
    case "lift_wrist":
      if (command.schedule.mode === "off") {
        return endpoint(CONFIG_ENDPOINT.liftWrist, 0);
      }
      return endpoint(
        CONFIG_ENDPOINT.liftWrist,
        1,
        ...scheduleBytes(command.schedule, "lift wrist"),
      );
    case "disconnect_reminder":
      return endpoint(
        CONFIG_ENDPOINT.disconnectReminder,
        command.schedule.mode === "off" ? 0 : 1,
        ...scheduleBytes(command.schedule, "disconnect reminder"),
      );
    case "caller_id":
      return endpoint(CONFIG_ENDPOINT.callerId, 0, flag(command.enabled));
    case "find_phone_ack":
      return endpoint(
        CONFIG_ENDPOINT.findPhoneAck,
        command.state === "ringing" ? 0 : 1,
      );
    case "language":
      if (!LANGUAGES.includes(command.value)) {
        throw new RangeError(
          `Cannot encode language: ${command.value} is not a Mi Band 4 locale`,
        );
      }
      return endpoint(CONFIG_ENDPOINT.language, ...ASCII.encode(command.value));
    case "heart_rate_alert":
      if (
        !Number.isInteger(command.bpm) || command.bpm < 1 || command.bpm > 0xff
      ) {
        throw new RangeError(
          `Cannot encode heart-rate alert: ${command.bpm} bpm is outside 1..255`,
        );
      }
      return endpoint(
        CONFIG_ENDPOINT.heartRateAlert,
        flag(command.enabled),
        command.bpm,
      );
    case "date_format":
      if (!DATE_FORMATS.includes(command.value)) {
        throw new RangeError(
          `Cannot encode date format: ${command.value} is not one the band accepts`,
        );
      }
      return endpoint(
        CONFIG_ENDPOINT.dateFormat,
        ...ASCII.encode(command.value),
      );
    case "band_lock":
      // The PIN is a secret: never put it in a message.
      if (typeof command.pin !== "string" || !/^[1-4]{4}$/.test(command.pin)) {
        throw new RangeError(
          "Cannot encode band lock: the PIN must be 4 digits, each 1–4",
        );
      }
      return endpoint(
        CONFIG_ENDPOINT.bandLock,
        flag(command.enabled),
        ...ASCII.encode(command.pin),
        0,
      );
    case "factory_reset":
      return endpoint(CONFIG_ENDPOINT.factoryReset, 1);
    case "do_not_disturb": {
      const { schedule } = command;
      const mode = DND_MODE[schedule.mode] |
        (command.wakeOnLift ? 0 : DND_NO_WAKE);
      if (schedule.mode !== "scheduled") {
        return Uint8Array.of(CONFIG.doNotDisturb, mode);
      }
      return Uint8Array.of(
        CONFIG.doNotDisturb,
        mode,
        ...scheduleBytes(schedule, "do not disturb"),
      );
    }
    case "night_mode": {
      const { schedule } = command;
      if (schedule.mode !== "scheduled") {
        return Uint8Array.of(CONFIG.nightMode, NIGHT_MODE[schedule.mode]);
      }
      return Uint8Array.of(
        CONFIG.nightMode,
        NIGHT_MODE.scheduled,
        ...scheduleBytes(schedule, "night mode"),
      );
    }
    case "request_gps_version":
      return Uint8Array.of(CONFIG.requestGpsVersion);
  }
  if ("enabled" in command) {
    return endpoint(SWITCHES[command.kind], flag(command.enabled));
  }
  const { endpoint: setting, values } = CHOICES[command.kind];
  const byte = (values as Record<string, number>)[String(command.value)];
  if (byte === undefined) {
    throw new RangeError(
      `Cannot encode ${command.kind}: ${
        String(command.value)
      } is not a known value`,
    );
  }
  return endpoint(setting, byte);
}

/** Parses a 0x0003 configuration command as the band receives it. */
export function parseConfigCommand(bytes: Uint8Array): ParsedConfigCommand {
  if (bytes.length < 1) {
    throw new RangeError("Cannot parse configuration: no bytes");
  }
  const fail = (detail: string): never => {
    throw new ProtocolError(`Cannot parse configuration: ${detail}`, {
      opcode: bytes[0],
      bytes,
    });
  };
  switch (bytes[0]) {
    case CONFIG.requestGpsVersion:
      expectLength(bytes, [1]);
      return { kind: "request_gps_version" };
    case CONFIG.nightMode: {
      const mode = bytes.length > 1 ? bytes[1] : -1;
      if (mode === NIGHT_MODE.scheduled) {
        expectLength(bytes, [6]);
        return {
          kind: "night_mode",
          schedule: { mode: "scheduled", ...readTimes(bytes, 2, fail) },
        };
      }
      expectLength(bytes, [2]);
      if (mode === NIGHT_MODE.off) {
        return { kind: "night_mode", schedule: { mode: "off" } };
      }
      if (mode === NIGHT_MODE.sunset) {
        return { kind: "night_mode", schedule: { mode: "sunset" } };
      }
      return fail(`night mode ${mode} is unknown`);
    }
    case CONFIG.doNotDisturb: {
      expectLength(bytes, [2, 6]);
      const wakeOnLift = (bytes[1] & DND_NO_WAKE) === 0;
      const mode = bytes[1] & ~DND_NO_WAKE;
      if (mode === DND_MODE.scheduled) {
        expectLength(bytes, [6]);
        return {
          kind: "do_not_disturb",
          wakeOnLift,
          schedule: { mode: "scheduled", ...readTimes(bytes, 2, fail) },
        };
      }
      expectLength(bytes, [2]);
      if (mode === DND_MODE.off) {
        return {
          kind: "do_not_disturb",
          wakeOnLift,
          schedule: { mode: "off" },
        };
      }
      if (mode === DND_MODE.automatic) {
        return {
          kind: "do_not_disturb",
          wakeOnLift,
          schedule: { mode: "automatic" },
        };
      }
      return fail(`do not disturb mode ${mode} is unknown`);
    }
    case CONFIG.endpoint:
      return parseEndpoint(bytes, fail);
    default:
      return fail(`command ${bytes[0]} is not a general setting`);
  }
}

/** Encodes the band's reply to a command: `10` + echo + status; for the simulator. */
export function encodeConfigResponse(
  command: Uint8Array,
  statusByte: number = RESPONSE.success,
): Uint8Array {
  if (command.length < 1) {
    throw new RangeError("Cannot encode configuration reply: command is empty");
  }
  const echoLength = command[0] === CONFIG.endpoint ? 3 : 1;
  if (command.length < echoLength) {
    throw new RangeError(
      `Cannot encode configuration reply: endpoint command has ${command.length} bytes`,
    );
  }
  return Uint8Array.of(
    RESPONSE.header,
    ...command.subarray(0, echoLength),
    statusByte & 0xff,
  );
}

/** Parses a `10 CC SS` or `10 06 XX 00 SS` configuration reply (also the 0x0008 form). */
export function parseConfigResponse(bytes: Uint8Array): ConfigResponse {
  if (bytes.length < 3) {
    throw new RangeError(
      `Cannot parse configuration reply: expected at least 3 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[0] !== RESPONSE.header) {
    throw new ProtocolError(
      `Cannot parse configuration reply: byte 0 is ${bytes[0]}, expected 0x10`,
      { bytes },
    );
  }
  const isEndpoint = bytes[1] === CONFIG.endpoint;
  expectLength(bytes, [isEndpoint ? 5 : 3]);
  if (isEndpoint && bytes[3] !== 0) {
    throw new ProtocolError(
      "Cannot parse configuration reply: endpoint echo is not 06 XX 00",
      {
        opcode: bytes[1],
        bytes,
      },
    );
  }
  const statusByte = bytes[bytes.length - 1];
  return {
    command: bytes[1],
    ...(isEndpoint ? { endpoint: bytes[2] } : {}),
    status: statusOf(statusByte),
    statusByte,
  };
}

/** Throws a ProtocolError unless the reply acknowledges this command with success. */
export function expectConfigSuccess(
  reply: Uint8Array,
  command: Uint8Array,
): void {
  const expected = encodeConfigResponse(command);
  const response = parseConfigResponse(reply);
  const echoMatches =
    formatHex(reply.subarray(0, -1)) === formatHex(expected.subarray(0, -1));
  if (!echoMatches || response.status !== "success") {
    throw new ProtocolError(
      `Cannot apply setting: band answered ${
        formatHex(reply)
      } (${response.status}) to ${
        formatHex(command.subarray(0, expected.length - 2))
      }`,
      { opcode: command[0], bytes: reply },
    );
  }
}

function parseEndpoint(
  bytes: Uint8Array,
  fail: (detail: string) => never,
): ParsedConfigCommand {
  if (bytes.length < 4) {
    throw new RangeError(
      `Cannot parse configuration: expected at least 4 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[2] !== 0) fail(`endpoint byte 2 is ${bytes[2]}, expected 0`);
  const setting = bytes[1];
  const value = bytes[3];
  for (const [kind, code] of Object.entries(SWITCHES)) {
    if (code === setting) {
      expectLength(bytes, [4]);
      return { kind: kind as SwitchCommand["kind"], enabled: value !== 0 };
    }
  }
  for (const [kind, choice] of Object.entries(CHOICES)) {
    if (choice.endpoint === setting) {
      expectLength(bytes, [4]);
      const entry = Object.entries(choice.values).find(([, byte]) =>
        byte === value
      );
      return { kind, value: entry?.[0] ?? "unknown" } as ParsedConfigCommand;
    }
  }
  switch (setting) {
    case CONFIG_ENDPOINT.liftWrist:
      // Older GB and AF sent a bare `06 05 00 01` for "on all day".
      if (value === 0 && bytes.length === 4) {
        return { kind: "lift_wrist", schedule: { mode: "off" } };
      }
      expectLength(bytes, [4, 8]);
      if (value !== 1) return fail(`lift wrist flag ${value} is unknown`);
      return {
        kind: "lift_wrist",
        schedule: bytes.length === 4
          ? { mode: "on" }
          : readSchedule(bytes, fail),
      };
    case CONFIG_ENDPOINT.disconnectReminder:
      expectLength(bytes, [8]);
      if (value === 0) {
        return { kind: "disconnect_reminder", schedule: { mode: "off" } };
      }
      return {
        kind: "disconnect_reminder",
        schedule: readSchedule(bytes, fail),
      };
    case CONFIG_ENDPOINT.callerId:
      expectLength(bytes, [5]);
      return { kind: "caller_id", enabled: bytes[4] !== 0 };
    case CONFIG_ENDPOINT.findPhoneAck:
      expectLength(bytes, [4]);
      return {
        kind: "find_phone_ack",
        state: value === 0 ? "ringing" : "stopped",
      };
    case CONFIG_ENDPOINT.language: {
      expectLength(bytes, [8]);
      const locale = String.fromCharCode(...bytes.subarray(3));
      return {
        kind: "language",
        value: (LANGUAGES as readonly string[]).includes(locale)
          ? locale as Language
          : "unknown",
      };
    }
    case CONFIG_ENDPOINT.heartRateAlert:
      expectLength(bytes, [5]);
      return { kind: "heart_rate_alert", enabled: value !== 0, bpm: bytes[4] };
    case CONFIG_ENDPOINT.dateFormat: {
      expectLength(bytes, [13]);
      const format = String.fromCharCode(...bytes.subarray(3));
      return {
        kind: "date_format",
        value: (DATE_FORMATS as readonly string[]).includes(format)
          ? format as DateFormat
          : "unknown",
      };
    }
    case CONFIG_ENDPOINT.bandLock: {
      expectLength(bytes, [9]);
      const pin = String.fromCharCode(...bytes.subarray(4, 8));
      if (!/^[1-4]{4}$/.test(pin) || bytes[8] !== 0) {
        fail("band lock PIN is not 4 digits 1–4 and a 00");
      }
      return { kind: "band_lock", enabled: value !== 0, pin };
    }
    case CONFIG_ENDPOINT.factoryReset:
      expectLength(bytes, [4]);
      if (value !== 1) fail(`factory reset value ${value} is unknown`);
      return { kind: "factory_reset" };
    default:
      return fail(`endpoint setting ${setting} is unknown`);
  }
}

function endpoint(setting: number, ...value: number[]): Uint8Array {
  return Uint8Array.of(CONFIG.endpoint, setting, 0, ...value);
}

function flag(enabled: boolean): number {
  return enabled ? 1 : 0;
}

// "On all day" is the scheduled form with 00:00–00:00 (MB4W, current GB), so a schedule
// must have start ≠ end to stay distinguishable from it.
function scheduleBytes(
  schedule: { mode: string; start?: TimeOfDay; end?: TimeOfDay },
  what: string,
): number[] {
  if (schedule.mode !== "scheduled") return [0, 0, 0, 0];
  const { start, end } = schedule as { start: TimeOfDay; end: TimeOfDay };
  checkTimeOfDay(start, `${what} start`);
  checkTimeOfDay(end, `${what} end`);
  if (start.hour === end.hour && start.minute === end.minute) {
    throw new RangeError(
      `Cannot encode ${what}: start and end are the same time`,
    );
  }
  return [start.hour, start.minute, end.hour, end.minute];
}

function readSchedule(
  bytes: Uint8Array,
  fail: (detail: string) => never,
): Schedule {
  if (bytes.subarray(4, 8).every((b) => b === 0)) return { mode: "on" };
  return { mode: "scheduled", ...readTimes(bytes, 4, fail) };
}

function readTimes(
  bytes: Uint8Array,
  offset: number,
  fail: (detail: string) => never,
): { start: TimeOfDay; end: TimeOfDay } {
  const [sh, sm, eh, em] = bytes.subarray(offset, offset + 4);
  if (!isTimeOfDay(sh, sm) || !isTimeOfDay(eh, em)) {
    fail("schedule bytes are not times of day");
  }
  return { start: { hour: sh, minute: sm }, end: { hour: eh, minute: em } };
}

function expectLength(bytes: Uint8Array, lengths: number[]): void {
  if (!lengths.includes(bytes.length)) {
    throw new RangeError(
      `Cannot parse configuration: expected ${
        lengths.join(" or ")
      } bytes, got ${bytes.length}`,
    );
  }
}

function statusOf(byte: number): ConfigStatus {
  if (byte === RESPONSE.success) return "success";
  if (byte === RESPONSE.busy) return "busy";
  if (byte === RESPONSE.failure) return "failure";
  return "unknown";
}
