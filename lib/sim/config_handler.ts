// Band side of the 0x0003 configuration channel (§22, §13, §14). Every command is
// decoded by the protocol codecs, stored, and answered `10 <echo> 01`; a command the
// codecs reject is answered with status 04, the spec's choice for undocumented failures.
import {
  ALARM_SLOT_COUNT,
  encodeAlarmList,
  parseAlarmCommand,
} from "../protocol/alarms.ts";
import { CHARACTERISTIC, CONFIG, RESPONSE } from "../protocol/constants.ts";
import { formatHex } from "../protocol/errors.ts";
import {
  encodeConfigResponse,
  parseConfigCommand,
} from "../protocol/general_config.ts";
import { parseIdleAlerts } from "../protocol/idle_alerts.ts";
import type { BandContext } from "./band_context.ts";

/** Handles a write to 0x0003 and notifies the band's reply. */
export function handleConfigWrite(
  context: BandContext,
  value: Uint8Array,
): void {
  if (value.length === 0) return;
  const reply = (status: number) =>
    context.notify(
      CHARACTERISTIC.configuration,
      encodeConfigResponse(value, status),
    );
  let status: number = RESPONSE.success;
  try {
    status = applyCommand(context, value);
  } catch {
    status = RESPONSE.failure;
  }
  if (status >= 0) reply(status);
}

// Returns the status byte to reply with, or -1 when the command sent its own reply.
function applyCommand(context: BandContext, value: Uint8Array): number {
  const state = context.state;
  const echo = formatHex(
    value.subarray(0, value[0] === CONFIG.endpoint ? 3 : 1),
  );
  switch (value[0]) {
    case CONFIG.alarm: {
      const command = parseAlarmCommand(value);
      const slot = command.kind === "set" ? command.alarm.slot : command.slot;
      if (slot >= ALARM_SLOT_COUNT) return RESPONSE.failure;
      state.alarms[slot] = command.kind === "set" ? command.alarm : null;
      break;
    }
    case CONFIG.idleAlerts:
      state.settings.idle_alerts = parseIdleAlerts(value);
      break;
    case CONFIG.requestAlarms: {
      const statuses = state.alarms.flatMap((alarm) =>
        alarm ? [{ slot: alarm.slot, enabled: alarm.enabled }] : []
      );
      context.notify(CHARACTERISTIC.configuration, encodeAlarmList(statuses));
      return -1;
    }
    case CONFIG.legacyDisplayItems:
      // Gadgetbridge's MB3 layout (§20.2); stored raw because the band 4 uses §20.1.
      state.settings.legacy_display_items = value.slice();
      break;
    default: {
      const command = parseConfigCommand(value);
      if (command.kind === "request_gps_version") return RESPONSE.failure;
      state.settings[command.kind] = command;
    }
  }
  state.rawConfig[echo] = value.slice();
  return RESPONSE.success;
}
