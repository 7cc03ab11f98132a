// Inactivity warnings are one 12-byte command on 0x0003 (§14).

import {
  encodeIdleAlerts,
  type IdleAlerts,
} from "../../protocol/idle_alerts.ts";
import type { CommandChannel } from "./command_channel.ts";

/** Writes the idle alert settings. */
export async function setIdleAlerts(
  channel: CommandChannel,
  settings: IdleAlerts,
): Promise<void> {
  await channel.send(encodeIdleAlerts(settings), {
    what: "set idle alerts",
  });
}
