// Step goal, wear location and profile go to 0x0008, which only accepts writes with
// response (§17, §27.3); the GATT-level response is the confirmation.

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import {
  encodeStepGoal,
  encodeUserProfile,
  encodeWearLocation,
  type UserProfile,
  type Wrist,
} from "../../protocol/user_settings.ts";
import type { GattTransport } from "../transport.ts";

function writeUserSetting(
  transport: GattTransport,
  bytes: Uint8Array,
): Promise<void> {
  return transport.write(SERVICE.miBand1, CHARACTERISTIC.userSettings, bytes, {
    withResponse: true,
  });
}

/** Sets the daily step goal. */
export async function setStepGoal(
  transport: GattTransport,
  steps: number,
): Promise<void> {
  await writeUserSetting(transport, encodeStepGoal(steps));
}

/** Tells the band which wrist it is worn on. */
export async function setWearLocation(
  transport: GattTransport,
  wrist: Wrist,
): Promise<void> {
  await writeUserSetting(transport, encodeWearLocation(wrist));
}

/** Sends the user profile (birth date, sex, height, weight, id). */
export async function setUserProfile(
  transport: GattTransport,
  profile: UserProfile,
): Promise<void> {
  await writeUserSetting(transport, encodeUserProfile(profile));
}
