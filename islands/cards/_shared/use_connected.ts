// Cards that follow the band live (steps, battery, device events) start when
// the page's connection comes up and stop when it goes or the card unmounts.
import { useEffect } from "preact/hooks";
import type { MiBand4 } from "../../../lib/ble/mi_band4.ts";
import { connectedBand } from "../../../lib/state/band_connection.ts";

/** Runs `start` for each newly connected band; the cleanup it resolves to runs on disconnect or unmount. */
export function useConnectedEffect(
  start: (band: MiBand4) => Promise<(() => void) | void> | (() => void) | void,
): void {
  const band = connectedBand.value;
  useEffect(() => {
    if (!band || !band.connected) return;
    let stopped = false;
    let cleanup: (() => void) | void;
    Promise.resolve(start(band)).then((stop) => {
      if (stopped) stop?.();
      else cleanup = stop;
    }).catch((error) => globalThis.reportError?.(error));
    return () => {
      stopped = true;
      cleanup?.();
    };
  }, [band]);
}
