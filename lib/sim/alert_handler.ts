// Band side of New Alert 0x2A46 and Immediate Alert 0x2A06 (§15.1, §15.2, §21).
// Both work without authentication (§5.6).
import {
  parseImmediateAlert,
  parseNewAlert,
} from "../protocol/notifications.ts";
import type { BandContext } from "./band_context.ts";

/** Handles a write to 0x2A46: shows the alert; `03 01 …` opens a call screen that `03 00` closes. */
export function handleNewAlertWrite(
  context: BandContext,
  value: Uint8Array,
): void {
  let alert;
  try {
    alert = parseNewAlert(value);
  } catch {
    return;
  }
  const state = context.state;
  if (alert.category === "incomingCall") {
    state.activeCall = alert.count > 0 ? alert.text : null;
  }
  state.lastNotification = { channel: "new_alert", ...alert };
}

/** Handles a write to 0x2A06: remembers the alert level ("none" stops, "vibrate" finds the band). */
export function handleAlertLevelWrite(
  context: BandContext,
  value: Uint8Array,
): void {
  try {
    context.state.lastAlertLevel = parseImmediateAlert(value);
  } catch {
    // Chrome would already refuse an empty write; longer values are not alert levels.
  }
}
