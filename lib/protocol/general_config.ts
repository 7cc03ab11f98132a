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
// This module is the family's entry point: it dispatches on the command and re-exports the
// codecs of config_switches, config_endpoint_commands, config_locale, config_modes,
// config_schedule and config_responses.

import {
  encodeEndpointCommand,
  type EndpointCommand,
  parseEndpointCommand,
} from "./config_endpoint_commands.ts";
import { type ConfigParseFailure, expectConfigLength } from "./config_frame.ts";
import {
  encodeLocaleCommand,
  type LocaleCommand,
  parseLocaleCommand,
} from "./config_locale.ts";
import {
  type DoNotDisturbCommand,
  encodeDoNotDisturb,
  encodeNightMode,
  type NightModeCommand,
  parseDoNotDisturb,
  parseNightMode,
} from "./config_modes.ts";
import {
  type ChoiceCommand,
  encodeSwitchOrChoice,
  parseSwitchOrChoice,
  type SwitchCommand,
} from "./config_switches.ts";
import { CONFIG } from "./constants.ts";
import { ProtocolError } from "./errors.ts";

export type { Schedule, TimedPeriod } from "./config_schedule.ts";
export type { DoNotDisturb, NightMode } from "./config_modes.ts";
export {
  DATE_FORMATS,
  type DateFormat,
  type Language,
  LANGUAGES,
} from "./config_locale.ts";
export type { ChoiceCommand, SwitchCommand } from "./config_switches.ts";
export {
  type ConfigResponse,
  type ConfigStatus,
  encodeConfigResponse,
  expectConfigSuccess,
  parseConfigResponse,
} from "./config_responses.ts";

/** Every 0x0003 command this module encodes. */
export type ConfigCommand =
  | SwitchCommand
  | ChoiceCommand
  | EndpointCommand
  | LocaleCommand
  | DoNotDisturbCommand
  | NightModeCommand
  | { kind: "request_gps_version" };

/** A decoded 0x0003 command; enumerated values the module does not know read as "unknown". */
export type ParsedConfigCommand = ConfigCommand extends infer C
  ? C extends { value: infer V } ? Omit<C, "value"> & { value: V | "unknown" }
  : C
  : never;

/** Encodes `06 06 00 EE`, whether the band vibrates when the step goal is reached. */
export function encodeGoalNotification(enabled: boolean): Uint8Array {
  return encodeConfigCommand({ kind: "goal_notification", enabled });
}

/** Encodes one 0x0003 configuration command. */
export function encodeConfigCommand(command: ConfigCommand): Uint8Array {
  switch (command.kind) {
    case "lift_wrist":
    case "disconnect_reminder":
    case "caller_id":
    case "find_phone_ack":
    case "heart_rate_alert":
    case "band_lock":
    case "factory_reset":
      return encodeEndpointCommand(command);
    case "language":
    case "date_format":
      return encodeLocaleCommand(command);
    case "do_not_disturb":
      return encodeDoNotDisturb(command);
    case "night_mode":
      return encodeNightMode(command);
    case "request_gps_version":
      return Uint8Array.of(CONFIG.requestGpsVersion);
  }
  return encodeSwitchOrChoice(command);
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
      expectConfigLength(bytes, [1]);
      return { kind: "request_gps_version" };
    case CONFIG.nightMode:
      return parseNightMode(bytes, fail);
    case CONFIG.doNotDisturb:
      return parseDoNotDisturb(bytes, fail);
    case CONFIG.endpoint:
      return parseEndpoint(bytes, fail);
    default:
      return fail(`command ${bytes[0]} is not a general setting`);
  }
}

function parseEndpoint(
  bytes: Uint8Array,
  fail: ConfigParseFailure,
): ParsedConfigCommand {
  if (bytes.length < 4) {
    throw new RangeError(
      `Cannot parse configuration: expected at least 4 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[2] !== 0) fail(`endpoint byte 2 is ${bytes[2]}, expected 0`);
  return parseSwitchOrChoice(bytes) ?? parseLocaleCommand(bytes) ??
    parseEndpointCommand(bytes, fail) ??
    fail(`endpoint setting ${bytes[1]} is unknown`);
}
