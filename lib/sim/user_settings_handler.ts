// Band side of 0x0008 (§17). The write itself succeeds at the GATT level; the
// `10 <cmd> 01` notification is the spec's unconfirmed guess, sent only to subscribers.
import { CHARACTERISTIC, RESPONSE } from "../protocol/constants.ts";
import { parseUserSettingCommand } from "../protocol/user_settings.ts";
import { type BandContext, encodeReply } from "./band_context.ts";

/** Handles a write to 0x0008: applies goal, wear location or profile. */
export function handleUserSettingsWrite(
  context: BandContext,
  value: Uint8Array,
): void {
  if (value.length === 0) return;
  const state = context.state;
  let status: number = RESPONSE.success;
  try {
    const command = parseUserSettingCommand(value);
    if (command.kind === "step_goal") state.stepGoal = command.steps;
    if (command.kind === "wear_location" && command.wrist !== "unknown") {
      state.wearWrist = command.wrist;
    }
    if (command.kind === "user_profile") state.userProfile = command.profile;
  } catch {
    status = RESPONSE.failure;
  }
  context.notify(CHARACTERISTIC.userSettings, encodeReply([value[0]], status));
}
