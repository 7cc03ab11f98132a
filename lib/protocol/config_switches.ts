// On/off and one-byte choice settings of the 06 endpoint on Huami 0x0003 (§22.2):
//   switch  [0] 06  [1] setting  [2] 00  [3] EE   01 on / 00 off
//   choice  [0] 06  [1] setting  [2] 00  [3] VV   time format, units, sensitivity, date display

import {
  encodeEndpoint,
  expectConfigLength,
  flagByte,
  type ParsedCommand,
} from "./config_frame.ts";
import { CONFIG_ENDPOINT } from "./constants.ts";

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

/** Encodes `06 XX 00 EE` for a switch or `06 XX 00 VV` for a choice. */
export function encodeSwitchOrChoice(
  command: SwitchCommand | ChoiceCommand,
): Uint8Array {
  if ("enabled" in command) {
    return encodeEndpoint(SWITCHES[command.kind], flagByte(command.enabled));
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
  return encodeEndpoint(setting, byte);
}

/** Parses a `06 XX 00 …` switch or choice; undefined when the setting is neither. */
export function parseSwitchOrChoice(
  bytes: Uint8Array,
): ParsedCommand<SwitchCommand | ChoiceCommand> | undefined {
  const setting = bytes[1];
  const value = bytes[3];
  for (const [kind, code] of Object.entries(SWITCHES)) {
    if (code === setting) {
      expectConfigLength(bytes, [4]);
      return { kind: kind as SwitchCommand["kind"], enabled: value !== 0 };
    }
  }
  for (const [kind, choice] of Object.entries(CHOICES)) {
    if (choice.endpoint === setting) {
      expectConfigLength(bytes, [4]);
      const entry = Object.entries(choice.values).find(([, byte]) =>
        byte === value
      );
      return { kind, value: entry?.[0] ?? "unknown" } as ParsedCommand<
        ChoiceCommand
      >;
    }
  }
  return undefined;
}
