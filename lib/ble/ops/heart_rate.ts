// Heart rate (§10): measurements arrive on 0x2A37, which the facade follows for the whole
// connection because the band also sends unsolicited readings (§32.2); commands go to
// the 0x2A39 control point with response. Continuous mode needs a keep-alive `16`
// at most every 12 s or the band stops measuring.

import { CHARACTERISTIC, SERVICE } from "../../protocol/constants.ts";
import {
  encodeContinuousMeasurement,
  encodeKeepAlive,
  encodeManualMeasurement,
  encodeMeasurementInterval,
  encodeOneShotStart,
  encodeSleepAssist,
  type HeartRateMeasurement,
  parseHeartRateMeasurement,
} from "../../protocol/heart_rate.ts";
import type { GattTransport } from "../transport.ts";
import type { Emitter } from "../emitter.ts";
import { BleError } from "../errors.ts";
import { abortError } from "../notification_inbox.ts";
import { watchCharacteristic } from "./watch.ts";

/** Default wait for a one-shot reading; the band takes several seconds (VSH uses 15 s). */
const ONE_SHOT_TIMEOUT_MS = 30_000;
/** Default keep-alive period in continuous mode (SAT, VSH, DJ). */
const KEEP_ALIVE_MS = 12_000;

function writeControl(
  transport: GattTransport,
  bytes: Uint8Array,
): Promise<void> {
  return transport.write(
    SERVICE.heartRate,
    CHARACTERISTIC.heartRateControlPoint,
    bytes,
    {
      withResponse: true,
    },
  );
}

/** Follows 0x2A37 and passes every reading to `readings`; returns the function that stops it. */
export function followHeartRate(
  transport: GattTransport,
  readings: Emitter<HeartRateMeasurement>,
): Promise<() => Promise<void>> {
  return watchCharacteristic(transport, {
    service: SERVICE.heartRate,
    characteristic: CHARACTERISTIC.heartRateMeasurement,
    parse: parseHeartRateMeasurement,
  }, { onValue: (value) => readings.emit(value) });
}

/** Options for a one-shot measurement. */
export interface MeasureOptions {
  /** Milliseconds to wait for the reading (default 30 000). */
  timeoutMs?: number;
  /** Aborts the measurement. */
  signal?: AbortSignal;
}

/** Starts a one-shot measurement and resolves with the first reading that follows. */
export async function measureHeartRateOnce(
  transport: GattTransport,
  readings: Emitter<HeartRateMeasurement>,
  options: MeasureOptions = {},
): Promise<HeartRateMeasurement> {
  const timeoutMs = options.timeoutMs ?? ONE_SHOT_TIMEOUT_MS;
  let unsubscribe = () => {};
  let stopWatching = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  const reading = new Promise<HeartRateMeasurement>((resolve, reject) => {
    unsubscribe = readings.subscribe(resolve);
    stopWatching = transport.onDisconnect(() =>
      reject(
        new BleError(
          "disconnected",
          "Cannot measure heart rate: the band disconnected",
        ),
      )
    );
    timer = setTimeout(
      () =>
        reject(
          new BleError(
            "timeout",
            `Cannot measure heart rate: no reading within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
    onAbort = () => reject(abortError(options.signal));
    options.signal?.addEventListener("abort", onAbort, { once: true });
  });
  reading.catch(() => {});
  try {
    for (const command of encodeOneShotStart()) {
      await writeControl(transport, command);
    }
    return await reading;
  } finally {
    unsubscribe();
    stopWatching();
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** Options for continuous measurement. */
export interface ContinuousOptions {
  /** Keep-alive period in milliseconds (default 12 000). */
  keepAliveMs?: number;
  /** Called when a keep-alive write fails (the measurement then stops). */
  onError?: (err: unknown) => void;
}

/** Starts continuous measurement with keep-alives; readings go to the shared emitter; returns stop. */
export async function startContinuousHeartRate(
  transport: GattTransport,
  options: ContinuousOptions = {},
): Promise<() => Promise<void>> {
  await writeControl(transport, encodeManualMeasurement(false));
  await writeControl(transport, encodeContinuousMeasurement(false));
  await writeControl(transport, encodeContinuousMeasurement(true));
  const interval = setInterval(() => {
    writeControl(transport, encodeKeepAlive()).catch((err) => {
      clearInterval(interval);
      options.onError?.(err);
    });
  }, options.keepAliveMs ?? KEEP_ALIVE_MS);
  const stopWatching = transport.onDisconnect(() => clearInterval(interval));
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(interval);
    stopWatching();
    if (transport.connected) {
      await writeControl(transport, encodeContinuousMeasurement(false));
    }
  };
}

/** Sets the all-day measurement interval in minutes (0 = off). */
export async function setHeartRateInterval(
  transport: GattTransport,
  minutes: number,
): Promise<void> {
  await writeControl(transport, encodeMeasurementInterval(minutes));
}

/** Turns heart-rate-assisted sleep detection on or off. */
export async function setSleepAssist(
  transport: GattTransport,
  enabled: boolean,
): Promise<void> {
  await writeControl(transport, encodeSleepAssist(enabled));
}
