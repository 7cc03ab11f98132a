// Heart rate of one connection. Readings arrive on one long-lived route (set up at
// connect), so one-shot, continuous and unsolicited readings share the same emitter.

import type { HeartRateMeasurement } from "../../protocol/heart_rate.ts";
import type { Emitter } from "../emitter.ts";
import {
  type ContinuousOptions,
  measureHeartRateOnce,
  type MeasureOptions,
  setHeartRateInterval,
  setSleepAssist,
  startContinuousHeartRate,
} from "../ops/heart_rate.ts";
import type { BandLink } from "./band_link.ts";

/** Heart-rate measurement and its settings on one connected band (`band.heartRate`). */
export class BandHeartRate {
  #link: BandLink;
  #readings: Emitter<HeartRateMeasurement>;

  /** Wraps the connection's handles and the emitter its heart-rate route feeds. */
  constructor(link: BandLink, readings: Emitter<HeartRateMeasurement>) {
    this.#link = link;
    this.#readings = readings;
  }

  /** Subscribes to every reading, including unsolicited ones; returns the unsubscribe. */
  subscribe(listener: (reading: HeartRateMeasurement) => void): () => void {
    return this.#readings.subscribe(listener);
  }

  /** Measures the heart rate once. */
  measureOnce(options?: MeasureOptions): Promise<HeartRateMeasurement> {
    return measureHeartRateOnce(this.#link.transport, this.#readings, options);
  }

  /** Starts continuous measurement (readings via subscribe); resolves to the function that stops. */
  startContinuous(options?: ContinuousOptions): Promise<() => Promise<void>> {
    return startContinuousHeartRate(this.#link.transport, {
      onError: this.#link.onError,
      ...options,
    });
  }

  /** Sets the all-day measurement interval in minutes (0 = off). */
  setAllDayInterval(minutes: number): Promise<void> {
    return setHeartRateInterval(this.#link.transport, minutes);
  }

  /** Turns heart-rate-assisted sleep detection on or off. */
  setSleepAssist(enabled: boolean): Promise<void> {
    return setSleepAssist(this.#link.transport, enabled);
  }
}
