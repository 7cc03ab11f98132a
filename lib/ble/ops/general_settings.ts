// Every 0x0003 setting of §22 (time format, units, lift wrist, DND, night mode, lock,
// language, …) is one typed ConfigCommand from the codec, written through the channel.

import {
  type ConfigCommand,
  encodeConfigCommand,
} from "../../protocol/general_config.ts";
import type { CommandChannel } from "./command_channel.ts";

/** Applies one general setting; rejects if the band answers with a failure status. */
export async function applySetting(
  channel: CommandChannel,
  command: ConfigCommand,
): Promise<void> {
  await channel.send(encodeConfigCommand(command), {
    what: `set ${command.kind.replaceAll("_", " ")}`,
  });
}

/** Turns the "goal reached" vibration on or off (`06 06 00 EE`). */
export async function setGoalNotification(
  channel: CommandChannel,
  enabled: boolean,
): Promise<void> {
  await applySetting(channel, { kind: "goal_notification", enabled });
}
