// Unsolicited device events on Huami 0x0010 (§23, §16.3, §32.1), byte 0 = event code:
//   01 fell asleep  02 woke up  03 goal reached  04 button  06 non-wear  07 call rejected
//   08 find phone start  09 call ignored  0a alarm toggled  0b button long press  0e tick
//   0f find phone stop  10 EE silent mode  14 xx GG TT workout starting  16 LL HH MTU (u16 LE)
//   1a alarm changed  fe CC music button
// [CONFLICT] workout type numbers in `14` follow Gadgetbridge's table (5 pool swimming,
// 11 freestyle); DJ's enum swaps some; swap WORKOUT_TRACK_TYPES entries to change.

import { DEVICE_EVENT, MUSIC_BUTTON } from "./constants.ts";
import { formatHex } from "./errors.ts";

/** Events that carry no parameters. */
export type SimpleDeviceEventType =
  | "fellAsleep"
  | "wokeUp"
  | "goalReached"
  | "buttonPressed"
  | "nonWear"
  | "callRejected"
  | "findPhoneStart"
  | "callIgnored"
  | "alarmToggled"
  | "buttonLongPressed"
  | "tick30Min"
  | "findPhoneStop"
  | "alarmChanged";

/** Music buttons of event `fe CC`. */
export type MusicButton = keyof typeof MUSIC_BUTTON | "unknown";

/** Workout types of event `14` (Gadgetbridge's HuamiWorkoutTrackActivityType). */
export type WorkoutTrackType =
  | "outdoorRunning"
  | "treadmill"
  | "outdoorCycling"
  | "walking"
  | "poolSwimming"
  | "elliptical"
  | "rowing"
  | "jumpRope"
  | "indoorCycling"
  | "yoga"
  | "freestyle"
  | "unknown";

/** One decoded 0x0010 notification. */
export type DeviceEvent =
  | { type: SimpleDeviceEventType }
  | { type: "silentMode"; enabled: boolean }
  | {
    type: "workoutStarting";
    flag: number;
    wantsGps: boolean;
    workout: WorkoutTrackType;
    workoutCode: number;
  }
  | { type: "mtu"; mtu: number }
  | { type: "music"; button: MusicButton; code: number }
  | { type: "unknown"; code: number; hex: string };

/** Workout type codes of event `14` by name. */
const WORKOUT_TRACK_TYPES: Record<
  Exclude<WorkoutTrackType, "unknown">,
  number
> = {
  outdoorRunning: 1,
  treadmill: 2,
  outdoorCycling: 3,
  walking: 4,
  poolSwimming: 5,
  elliptical: 6,
  rowing: 7,
  jumpRope: 8,
  indoorCycling: 9,
  yoga: 10,
  freestyle: 11,
};

const SIMPLE: Record<number, SimpleDeviceEventType> = {
  [DEVICE_EVENT.fellAsleep]: "fellAsleep",
  [DEVICE_EVENT.wokeUp]: "wokeUp",
  [DEVICE_EVENT.goalReached]: "goalReached",
  [DEVICE_EVENT.buttonPressed]: "buttonPressed",
  [DEVICE_EVENT.nonWear]: "nonWear",
  [DEVICE_EVENT.callRejected]: "callRejected",
  [DEVICE_EVENT.findPhoneStart]: "findPhoneStart",
  [DEVICE_EVENT.callIgnored]: "callIgnored",
  [DEVICE_EVENT.alarmToggled]: "alarmToggled",
  [DEVICE_EVENT.buttonLongPressed]: "buttonLongPressed",
  [DEVICE_EVENT.tick30Min]: "tick30Min",
  [DEVICE_EVENT.findPhoneStop]: "findPhoneStop",
  [DEVICE_EVENT.alarmChanged]: "alarmChanged",
};

const SIMPLE_CODES = Object.fromEntries(
  Object.entries(SIMPLE).map(([code, type]) => [type, Number(code)]),
) as Record<
  SimpleDeviceEventType,
  number
>;

/** Decodes one 0x0010 notification; unknown codes become `{ type: "unknown" }`. */
export function parseDeviceEvent(bytes: Uint8Array): DeviceEvent {
  if (bytes.length === 0) {
    throw new RangeError("Cannot parse device event: no bytes");
  }
  const code = bytes[0];
  const simple = SIMPLE[code];
  if (simple !== undefined) {
    expectLength(bytes, 1, simple);
    return { type: simple };
  }
  switch (code) {
    case DEVICE_EVENT.silentMode:
      expectLength(bytes, 2, "silent mode");
      return { type: "silentMode", enabled: bytes[1] !== 0 };
    case DEVICE_EVENT.workoutStarting:
      expectLength(bytes, 4, "workout start");
      return {
        type: "workoutStarting",
        flag: bytes[1],
        wantsGps: bytes[2] === 1,
        workout: nameOf(WORKOUT_TRACK_TYPES, bytes[3]),
        workoutCode: bytes[3],
      };
    case DEVICE_EVENT.mtu:
      expectLength(bytes, 3, "MTU");
      return { type: "mtu", mtu: bytes[1] | (bytes[2] << 8) };
    case DEVICE_EVENT.music:
      expectLength(bytes, 2, "music button");
      return {
        type: "music",
        button: nameOf(MUSIC_BUTTON, bytes[1]),
        code: bytes[1],
      };
    default:
      return { type: "unknown", code, hex: formatHex(bytes) };
  }
}

/** Encodes a device event as the band sends it (simulator side). */
export function encodeDeviceEvent(event: DeviceEvent): Uint8Array {
  switch (event.type) {
    case "silentMode":
      return Uint8Array.of(DEVICE_EVENT.silentMode, event.enabled ? 1 : 0);
    case "workoutStarting":
      return Uint8Array.of(
        DEVICE_EVENT.workoutStarting,
        event.flag,
        event.wantsGps ? 1 : 0,
        codeOf(event),
      );
    case "mtu":
      if (!Number.isInteger(event.mtu) || event.mtu < 0 || event.mtu > 0xffff) {
        throw new RangeError(
          `Cannot encode MTU event: ${event.mtu} is not a u16`,
        );
      }
      return Uint8Array.of(DEVICE_EVENT.mtu, event.mtu & 0xff, event.mtu >> 8);
    case "music":
      return Uint8Array.of(
        DEVICE_EVENT.music,
        event.button === "unknown" ? event.code : MUSIC_BUTTON[event.button],
      );
    case "unknown":
      throw new RangeError(
        `Cannot encode device event: code ${event.code} is unknown`,
      );
    default:
      return Uint8Array.of(SIMPLE_CODES[event.type]);
  }
}

function codeOf(
  event: { workout: WorkoutTrackType; workoutCode: number },
): number {
  return event.workout === "unknown"
    ? event.workoutCode & 0xff
    : WORKOUT_TRACK_TYPES[event.workout];
}

function nameOf<K extends string>(
  table: Record<K, number>,
  code: number,
): K | "unknown" {
  const entry = (Object.entries(table) as [K, number][]).find(([, value]) =>
    value === code
  );
  return entry === undefined ? "unknown" : entry[0];
}

function expectLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) {
    throw new RangeError(
      `Cannot parse ${what} event: expected ${length} bytes, got ${bytes.length}`,
    );
  }
}
