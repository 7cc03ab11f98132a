// Find my band (§21): `03` on 0x2A06 vibrates for a few seconds; Gadgetbridge repeats
// it until the user stops, then writes `00`.

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import {
  encodeFindBand,
  encodeStopFindBand,
  FIND_BAND_MAX_INTERVAL_MS,
} from "../../protocol/find_band.ts";
import type { GattTransport } from "../transport.ts";

function writeAlertLevel(
  transport: GattTransport,
  bytes: Uint8Array,
): Promise<void> {
  return transport.write(
    SERVICE.immediateAlert,
    CHARACTERISTIC.alertLevel,
    bytes,
    {
      withResponse: false,
    },
  );
}

/** Options for findBand(). */
export interface FindBandOptions {
  /** Repeat period in ms (default 10 000, the longest Gadgetbridge uses). */
  repeatMs?: number;
  /** Called when a repeated write fails (repetition then stops). */
  onError?: (err: unknown) => void;
}

/** Makes the band vibrate until the returned stop function is called. */
export async function findBand(
  transport: GattTransport,
  options: FindBandOptions = {},
): Promise<() => Promise<void>> {
  await writeAlertLevel(transport, encodeFindBand());
  const timer = setInterval(() => {
    writeAlertLevel(transport, encodeFindBand()).catch((err) => {
      clearInterval(timer);
      options.onError?.(err);
    });
  }, options.repeatMs ?? FIND_BAND_MAX_INTERVAL_MS);
  const unwatch = transport.onDisconnect(() => clearInterval(timer));
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    unwatch();
    if (transport.connected) {
      await writeAlertLevel(transport, encodeStopFindBand());
    }
  };
}
