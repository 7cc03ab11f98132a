// Do not disturb and night mode on Huami 0x0003 (§22.2), the two modes with their own opcode:
//   DND        [0] 09  [1] 82 off | 83 automatic | 81 SH SM EH EM scheduled; bit 80 clear = wake on lift
//   night      [0] 1a  [1] 00 off | 02 sunset | 01 SH SM EH EM scheduled

import { type ConfigParseFailure, expectConfigLength } from "./config_frame.ts";
import {
  encodeScheduleBytes,
  readTimes,
  type TimedPeriod,
} from "./config_schedule.ts";
import { CONFIG } from "./constants.ts";

/** Night mode: off, from sunset to sunrise, or between two times. */
export type NightMode = { mode: "off" } | { mode: "sunset" } | TimedPeriod;

/** Do not disturb: off, automatic while asleep, or between two times. */
export type DoNotDisturb =
  | { mode: "off" }
  | { mode: "automatic" }
  | TimedPeriod;

/** The `09` do-not-disturb command. */
export type DoNotDisturbCommand = {
  kind: "do_not_disturb";
  schedule: DoNotDisturb;
  wakeOnLift: boolean;
};

/** The `1a` night mode command. */
export type NightModeCommand = { kind: "night_mode"; schedule: NightMode };

const DND_NO_WAKE = 0x80;
const DND_MODE = { scheduled: 0x01, off: 0x02, automatic: 0x03 } as const;
const NIGHT_MODE = { off: 0x00, scheduled: 0x01, sunset: 0x02 } as const;

/** Encodes `09 MM [SH SM EH EM]`, do not disturb. */
export function encodeDoNotDisturb(command: DoNotDisturbCommand): Uint8Array {
  const { schedule } = command;
  const mode = DND_MODE[schedule.mode] |
    (command.wakeOnLift ? 0 : DND_NO_WAKE);
  if (schedule.mode !== "scheduled") {
    return Uint8Array.of(CONFIG.doNotDisturb, mode);
  }
  return Uint8Array.of(
    CONFIG.doNotDisturb,
    mode,
    ...encodeScheduleBytes(schedule, "do not disturb"),
  );
}

/** Encodes `1a MM [SH SM EH EM]`, night mode. */
export function encodeNightMode(command: NightModeCommand): Uint8Array {
  const { schedule } = command;
  if (schedule.mode !== "scheduled") {
    return Uint8Array.of(CONFIG.nightMode, NIGHT_MODE[schedule.mode]);
  }
  return Uint8Array.of(
    CONFIG.nightMode,
    NIGHT_MODE.scheduled,
    ...encodeScheduleBytes(schedule, "night mode"),
  );
}

/** Parses a `09 …` do-not-disturb command. */
export function parseDoNotDisturb(
  bytes: Uint8Array,
  fail: ConfigParseFailure,
): DoNotDisturbCommand {
  expectConfigLength(bytes, [2, 6]);
  const wakeOnLift = (bytes[1] & DND_NO_WAKE) === 0;
  const mode = bytes[1] & ~DND_NO_WAKE;
  if (mode === DND_MODE.scheduled) {
    expectConfigLength(bytes, [6]);
    return {
      kind: "do_not_disturb",
      wakeOnLift,
      schedule: { mode: "scheduled", ...readTimes(bytes, 2, fail) },
    };
  }
  expectConfigLength(bytes, [2]);
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

/** Parses a `1a …` night mode command. */
export function parseNightMode(
  bytes: Uint8Array,
  fail: ConfigParseFailure,
): NightModeCommand {
  const mode = bytes.length > 1 ? bytes[1] : -1;
  if (mode === NIGHT_MODE.scheduled) {
    expectConfigLength(bytes, [6]);
    return {
      kind: "night_mode",
      schedule: { mode: "scheduled", ...readTimes(bytes, 2, fail) },
    };
  }
  expectConfigLength(bytes, [2]);
  if (mode === NIGHT_MODE.off) {
    return { kind: "night_mode", schedule: { mode: "off" } };
  }
  if (mode === NIGHT_MODE.sunset) {
    return { kind: "night_mode", schedule: { mode: "sunset" } };
  }
  return fail(`night mode ${mode} is unknown`);
}
