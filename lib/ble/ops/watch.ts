// Shared shape of "read once, then follow notifications" features (battery, steps):
// values are parsed by the caller's codec before listeners see them, and a value the
// codec rejects is reported through `onError` rather than thrown into the link.

import type { GattTransport } from "../transport.ts";
import { toBleError } from "./translate_error.ts";

/** Options for watchCharacteristic(). */
export interface WatchOptions<T> {
  /** Receives each parsed value. */
  onValue: (value: T) => void;
  /** Receives a notification the codec rejected (as a BleError). */
  onError?: (err: unknown) => void;
}

/** Starts notifications, parses each value and returns the function that stops them. */
export function watchCharacteristic<T>(
  transport: GattTransport,
  target: {
    service: string;
    characteristic: string;
    parse: (bytes: Uint8Array) => T;
  },
  options: WatchOptions<T>,
): Promise<() => Promise<void>> {
  return transport.subscribe(target.service, target.characteristic, (bytes) => {
    let value: T;
    try {
      value = target.parse(bytes);
    } catch (err) {
      options.onError?.(toBleError(err));
      return;
    }
    options.onValue(value);
  });
}
