// Band side of New Alert 0x2A46 and Immediate Alert 0x2A06 (§15.1, §15.2, §21).
// Both work without authentication (§5.6).
import { ALERT_CATEGORY } from "../protocol/constants.ts";
import type { BandContext } from "./band_context.ts";

const TEXT = new TextDecoder();

/** Handles a write to 0x2A46: shows the alert; `03 01 …` opens a call screen that `03 00` closes. */
export function handleNewAlertWrite(
  context: BandContext,
  value: Uint8Array,
): void {
  if (value.length < 2) return;
  const state = context.state;
  const category = value[0];
  const count = value[1];
  if (category === ALERT_CATEGORY.incomingCall) {
    state.activeCall = count > 0 ? TEXT.decode(value.subarray(2)) : null;
  }
  state.lastNotification = { channel: "new_alert", bytes: value.slice() };
}

/** Handles a write to 0x2A06: remembers the alert level (00 stop, 01 message, 02 call, 03 vibrate). */
export function handleAlertLevelWrite(
  context: BandContext,
  value: Uint8Array,
): void {
  if (value.length !== 1) return;
  context.state.lastAlertLevel = value[0];
}
