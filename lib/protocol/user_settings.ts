// User settings on Huami 0x0008 (§17), write WITH response:
//   step goal      [0] 10  [1..2] 00 00  [3..4] goal u16 LE  [5..6] 00 00
//   wear location  [0] 20  [1..2] 00 00  [3] 02 left / 82 right
//   user profile   [0] 4f  [1..2] 00 00  [3..4] birth year u16 LE  [5] month  [6] day
//                  [7] sex 0 male / 1 female / 2 other  [8..9] height cm u16 LE
//                  [10..11] weight kg × 200 u16 LE  [12..15] user id u32 LE
// The goal notification switch lives on 0x0003 (`06 06 00 EE`) and is re-exported here.

import { USER_SETTING } from "./constants.ts";
import { ProtocolError } from "./errors.ts";

export { encodeGoalNotification } from "./general_config.ts";

/** Wrist the band is worn on. */
export type Wrist = "left" | "right";

/** Sex as the band's profile stores it. */
export type Sex = "male" | "female" | "other";

/** The user profile the band uses for calories and distance. */
export interface UserProfile {
  /** Birth year, e.g. 1990. */
  birthYear: number;
  /** Birth month 1–12. */
  birthMonth: number;
  /** Birth day 1–31. */
  birthDay: number;
  /** Sex. */
  sex: Sex;
  /** Height in centimetres, 1–300. */
  heightCm: number;
  /** Weight in kilograms, multiple of 0.005, up to 327. */
  weightKg: number;
  /** Opaque 32-bit user id (Gadgetbridge uses a hash of the user name). */
  userId: number;
}

/** A decoded 0x0008 command. */
export type UserSettingCommand =
  | { kind: "step_goal"; steps: number }
  | { kind: "wear_location"; wrist: Wrist | "unknown" }
  | { kind: "user_profile"; profile: UserProfile | UserProfileWithUnknownSex };

/** A profile whose sex byte is outside the known values. */
export type UserProfileWithUnknownSex = Omit<UserProfile, "sex"> & {
  sex: "unknown";
};

/**
 * Multiplier of the weight field.
 *
 * [CONFLICT] §17: Gadgetbridge sends kg × 200, VSH and AF plain kg. We follow GB (the most
 * maintained); set this to 1 to switch.
 */
const WEIGHT_SCALE = 200;

const SEXES: readonly Sex[] = ["male", "female", "other"];
const WRIST_LEFT = 0x02;
const WRIST_RIGHT = 0x82;

/** Encodes `10 00 00 LL HH 00 00`, the daily step goal (1–65535 steps). */
export function encodeStepGoal(steps: number): Uint8Array {
  if (!Number.isInteger(steps) || steps < 1 || steps > 0xffff) {
    throw new RangeError(
      `Cannot encode step goal: ${steps} is outside 1..65535 steps`,
    );
  }
  const out = new Uint8Array(7);
  out[0] = USER_SETTING.stepGoal;
  view(out).setUint16(3, steps, true);
  return out;
}

/** Encodes `20 00 00 WW`, the wrist the band is worn on. */
export function encodeWearLocation(wrist: Wrist): Uint8Array {
  if (wrist !== "left" && wrist !== "right") {
    throw new RangeError(
      `Cannot encode wear location: ${String(wrist)} is not left or right`,
    );
  }
  return Uint8Array.of(
    USER_SETTING.wearLocation,
    0,
    0,
    wrist === "left" ? WRIST_LEFT : WRIST_RIGHT,
  );
}

/** Encodes the 16-byte `4f …` user profile. */
export function encodeUserProfile(profile: UserProfile): Uint8Array {
  const { birthYear, birthMonth, birthDay, heightCm, weightKg, userId } =
    profile;
  checkInteger(birthYear, 1900, 0xffff, "birth year");
  checkInteger(birthMonth, 1, 12, "birth month");
  checkInteger(birthDay, 1, 31, "birth day");
  checkInteger(heightCm, 1, 300, "height (cm)");
  checkInteger(userId, 0, 0xffffffff, "user id");
  const sex = SEXES.indexOf(profile.sex);
  if (sex < 0) {
    throw new RangeError(
      `Cannot encode user profile: sex ${String(profile.sex)} is unknown`,
    );
  }
  const weight = Math.round(weightKg * WEIGHT_SCALE);
  if (!Number.isFinite(weightKg) || weightKg <= 0 || weight > 0xffff) {
    throw new RangeError(
      `Cannot encode user profile: weight ${weightKg} kg is outside 0..${
        0xffff / WEIGHT_SCALE
      }`,
    );
  }
  const out = new Uint8Array(16);
  const dv = view(out);
  out[0] = USER_SETTING.userProfile;
  dv.setUint16(3, birthYear, true);
  out[5] = birthMonth;
  out[6] = birthDay;
  out[7] = sex;
  dv.setUint16(8, heightCm, true);
  dv.setUint16(10, weight, true);
  dv.setUint32(12, userId, true);
  return out;
}

/** Parses any 0x0008 command as the band receives it. */
export function parseUserSettingCommand(bytes: Uint8Array): UserSettingCommand {
  if (bytes.length < 1) {
    throw new RangeError("Cannot parse user setting: no bytes");
  }
  switch (bytes[0]) {
    case USER_SETTING.stepGoal:
      expectLength(bytes, 7, "step goal");
      expectZeros(bytes, [1, 2, 5, 6], "step goal");
      return { kind: "step_goal", steps: view(bytes).getUint16(3, true) };
    case USER_SETTING.wearLocation: {
      expectLength(bytes, 4, "wear location");
      expectZeros(bytes, [1, 2], "wear location");
      const wrist = bytes[3] === WRIST_LEFT
        ? "left"
        : bytes[3] === WRIST_RIGHT
        ? "right"
        : "unknown";
      return { kind: "wear_location", wrist };
    }
    case USER_SETTING.userProfile:
      expectLength(bytes, 16, "user profile");
      expectZeros(bytes, [1, 2], "user profile");
      return { kind: "user_profile", profile: readProfile(bytes) };
    default:
      throw new ProtocolError(
        `Cannot parse user setting: command ${bytes[0]} is unknown`,
        {
          opcode: bytes[0],
          bytes,
        },
      );
  }
}

function readProfile(
  bytes: Uint8Array,
): UserProfile | UserProfileWithUnknownSex {
  const dv = view(bytes);
  return {
    birthYear: dv.getUint16(3, true),
    birthMonth: bytes[5],
    birthDay: bytes[6],
    sex: SEXES[bytes[7]] ?? "unknown",
    heightCm: dv.getUint16(8, true),
    weightKg: dv.getUint16(10, true) / WEIGHT_SCALE,
    userId: dv.getUint32(12, true),
  };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkInteger(
  value: number,
  min: number,
  max: number,
  what: string,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `Cannot encode user profile: ${what} ${value} is outside ${min}..${max}`,
    );
  }
}

function expectLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) {
    throw new RangeError(
      `Cannot parse ${what}: expected ${length} bytes, got ${bytes.length}`,
    );
  }
}

function expectZeros(bytes: Uint8Array, offsets: number[], what: string): void {
  for (const i of offsets) {
    if (bytes[i] !== 0) {
      throw new ProtocolError(
        `Cannot parse ${what}: byte ${i} is ${bytes[i]}, expected 0`,
        {
          opcode: bytes[0],
          bytes,
        },
      );
    }
  }
}
