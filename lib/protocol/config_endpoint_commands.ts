// Settings of the 06 endpoint on Huami 0x0003 with a layout of their own (§22.2):
//   lift    06 05 00 00 | 06 05 00 01 SH SM EH EM (00 00 00 00 = all day)
//   discon  06 0c 00 EE SH SM EH EM           times only when scheduled
//   caller  06 10 00 00 EE
//   find    06 14 00 SS                       00 ringing / 01 stopped
//   hr      06 1a 00 EE BPM
//   lock    06 21 00 EE D1 D2 D3 D4 00        ASCII digits 1-4
//   reset   06 0b 00 01

import {
  type ConfigParseFailure,
  encodeEndpoint,
  expectConfigLength,
  flagByte,
} from "./config_frame.ts";
import {
  encodeScheduleBytes,
  readSchedule,
  type Schedule,
} from "./config_schedule.ts";
import { CONFIG_ENDPOINT } from "./constants.ts";

/** A 06 endpoint setting with its own value layout (not a switch, choice or text). */
export type EndpointCommand =
  | { kind: "lift_wrist"; schedule: Schedule }
  | { kind: "disconnect_reminder"; schedule: Schedule }
  | { kind: "caller_id"; enabled: boolean }
  | { kind: "find_phone_ack"; state: "ringing" | "stopped" }
  | { kind: "heart_rate_alert"; enabled: boolean; bpm: number }
  | { kind: "band_lock"; enabled: boolean; pin: string }
  | { kind: "factory_reset" };

const ASCII = new TextEncoder();

/** Encodes one 06 endpoint setting with its own value layout. */
export function encodeEndpointCommand(command: EndpointCommand): Uint8Array {
  switch (command.kind) {
    case "lift_wrist":
      if (command.schedule.mode === "off") {
        return encodeEndpoint(CONFIG_ENDPOINT.liftWrist, 0);
      }
      return encodeEndpoint(
        CONFIG_ENDPOINT.liftWrist,
        1,
        ...encodeScheduleBytes(command.schedule, "lift wrist"),
      );
    case "disconnect_reminder":
      return encodeEndpoint(
        CONFIG_ENDPOINT.disconnectReminder,
        command.schedule.mode === "off" ? 0 : 1,
        ...encodeScheduleBytes(command.schedule, "disconnect reminder"),
      );
    case "caller_id":
      return encodeEndpoint(
        CONFIG_ENDPOINT.callerId,
        0,
        flagByte(command.enabled),
      );
    case "find_phone_ack":
      return encodeEndpoint(
        CONFIG_ENDPOINT.findPhoneAck,
        command.state === "ringing" ? 0 : 1,
      );
    case "heart_rate_alert":
      if (
        !Number.isInteger(command.bpm) || command.bpm < 1 || command.bpm > 0xff
      ) {
        throw new RangeError(
          `Cannot encode heart-rate alert: ${command.bpm} bpm is outside 1..255`,
        );
      }
      return encodeEndpoint(
        CONFIG_ENDPOINT.heartRateAlert,
        flagByte(command.enabled),
        command.bpm,
      );
    case "band_lock":
      // The PIN is a secret: never put it in a message.
      if (typeof command.pin !== "string" || !/^[1-4]{4}$/.test(command.pin)) {
        throw new RangeError(
          "Cannot encode band lock: the PIN must be 4 digits, each 1–4",
        );
      }
      return encodeEndpoint(
        CONFIG_ENDPOINT.bandLock,
        flagByte(command.enabled),
        ...ASCII.encode(command.pin),
        0,
      );
    case "factory_reset":
      return encodeEndpoint(CONFIG_ENDPOINT.factoryReset, 1);
  }
}

/** Parses a 06 endpoint setting with its own value layout; undefined for any other setting. */
export function parseEndpointCommand(
  bytes: Uint8Array,
  fail: ConfigParseFailure,
): EndpointCommand | undefined {
  const value = bytes[3];
  switch (bytes[1]) {
    case CONFIG_ENDPOINT.liftWrist:
      // Older GB and AF sent a bare `06 05 00 01` for "on all day".
      if (value === 0 && bytes.length === 4) {
        return { kind: "lift_wrist", schedule: { mode: "off" } };
      }
      expectConfigLength(bytes, [4, 8]);
      if (value !== 1) return fail(`lift wrist flag ${value} is unknown`);
      return {
        kind: "lift_wrist",
        schedule: bytes.length === 4
          ? { mode: "on" }
          : readSchedule(bytes, fail),
      };
    case CONFIG_ENDPOINT.disconnectReminder:
      expectConfigLength(bytes, [8]);
      if (value === 0) {
        return { kind: "disconnect_reminder", schedule: { mode: "off" } };
      }
      return {
        kind: "disconnect_reminder",
        schedule: readSchedule(bytes, fail),
      };
    case CONFIG_ENDPOINT.callerId:
      expectConfigLength(bytes, [5]);
      return { kind: "caller_id", enabled: bytes[4] !== 0 };
    case CONFIG_ENDPOINT.findPhoneAck:
      expectConfigLength(bytes, [4]);
      return {
        kind: "find_phone_ack",
        state: value === 0 ? "ringing" : "stopped",
      };
    case CONFIG_ENDPOINT.heartRateAlert:
      expectConfigLength(bytes, [5]);
      return { kind: "heart_rate_alert", enabled: value !== 0, bpm: bytes[4] };
    case CONFIG_ENDPOINT.bandLock: {
      expectConfigLength(bytes, [9]);
      const pin = String.fromCharCode(...bytes.subarray(4, 8));
      if (!/^[1-4]{4}$/.test(pin) || bytes[8] !== 0) {
        fail("band lock PIN is not 4 digits 1–4 and a 00");
      }
      return { kind: "band_lock", enabled: value !== 0, pin };
    }
    case CONFIG_ENDPOINT.factoryReset:
      expectConfigLength(bytes, [4]);
      if (value !== 1) fail(`factory reset value ${value} is unknown`);
      return { kind: "factory_reset" };
    default:
      return undefined;
  }
}
