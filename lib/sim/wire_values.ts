// Maps band state onto the protocol codecs' value types; the byte layouts live in
// lib/protocol, this file only chooses which state fields feed them.
import { encodeBatteryInfo } from "../protocol/battery.ts";
import { fromEpochMs } from "../protocol/date_time.ts";
import { encodeRealtimeActivity } from "../protocol/realtime_activity.ts";
import type { BandState } from "./band_state.ts";

/** Encodes the 20-byte battery value of the band's state (§8). */
export function encodeBatteryValue(state: BandState): Uint8Array {
  const { battery, clock } = state;
  const tz = clock.tzQuarterHours;
  const stamp = (ms: number | null) =>
    ms === null
      ? null
      : { ...fromEpochMs(ms, tz), tzQuarterHours: tz, epochMs: ms };
  return encodeBatteryInfo({
    level: battery.level,
    chargingStatus: battery.charging ? 1 : 0,
    chargeStamp: stamp(battery.chargeStamp),
    lastChargeEnd: stamp(battery.lastCharge),
    lastChargeLevel: battery.lastChargeLevel,
  });
}

/** Encodes the 13-byte realtime steps/distance/calories value (§9). */
export function encodeRealtimeValue(state: BandState): Uint8Array {
  return encodeRealtimeActivity({
    steps: state.steps,
    distanceMeters: state.distanceMeters,
    calories: state.calories,
  });
}
