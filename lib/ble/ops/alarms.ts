// Alarm slots on 0x0003 (§13): one `02 …` write per slot; the list read back with `0d`
// carries only slot numbers and enabled flags, not times.

import {
  type Alarm,
  type AlarmStatus,
  encodeAlarm,
  encodeClearAlarm,
  encodeRequestAlarms,
  parseAlarmList,
} from "../../protocol/alarms.ts";
import { translateProtocolError } from "./translate_error.ts";
import type { CommandChannel } from "./command_channel.ts";

/** Stores one alarm in its slot; resolves once the band answered (or stayed silent). */
export async function setAlarm(
  channel: CommandChannel,
  alarm: Alarm,
): Promise<void> {
  await channel.send(encodeAlarm(alarm), { what: "set alarm" });
}

/** Clears one alarm slot. */
export async function clearAlarm(
  channel: CommandChannel,
  slot: number,
): Promise<void> {
  await channel.send(encodeClearAlarm(slot), { what: "clear alarm" });
}

/** Reads which slots hold an alarm and whether each is enabled. */
export async function readAlarmStatuses(
  channel: CommandChannel,
): Promise<AlarmStatus[]> {
  const reply = await channel.send(encodeRequestAlarms(), {
    isReply: isAlarmList,
    what: "read alarms",
    replyRequired: true,
  });
  return translateProtocolError(() => parseAlarmList(reply!));
}

function isAlarmList(reply: Uint8Array): boolean {
  try {
    parseAlarmList(reply);
    return true;
  } catch {
    return false;
  }
}
