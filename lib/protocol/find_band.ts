// Find my band / find my phone (§21):
//   find band   0x2A06 Immediate Alert, write without response: [0] 03 vibrate, [0] 00 stop
//   find phone  band → phone: device event 08 (start) / 0f (stop) on 0x0010, parsed by device_events.ts
//               phone → band on 0x0003: 06 14 00 00 ringing (GB, SAT, DJ), 06 14 00 01 stopped (SAT, DJ only)

import { encodeConfigCommand } from "./general_config.ts";
import { encodeImmediateAlert } from "./notifications.ts";

/** Longest time the band is left vibrating before the next `03`, as Gadgetbridge caps it (§27.6). */
export const FIND_BAND_MAX_INTERVAL_MS = 10_000;

/** Encodes `03` for 0x2A06: the band vibrates for a few seconds. */
export function encodeFindBand(): Uint8Array {
  return encodeImmediateAlert("vibrate");
}

/** Encodes `00` for 0x2A06: stop the find-band vibration. */
export function encodeStopFindBand(): Uint8Array {
  return encodeImmediateAlert("none");
}

/** Encodes the 0x0003 reply to find-my-phone: `06 14 00 00` while ringing, `06 14 00 01` once stopped. */
export function encodeFindPhoneAck(state: "ringing" | "stopped"): Uint8Array {
  if (state !== "ringing" && state !== "stopped") {
    throw new RangeError(
      `Cannot encode find-phone acknowledge: ${
        String(state)
      } is not ringing or stopped`,
    );
  }
  return encodeConfigCommand({ kind: "find_phone_ack", state });
}
