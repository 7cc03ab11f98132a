// Band side of the HR control point 0x2A39 (§10.2, §10.3): one-shot reading after a
// delay, continuous readings while keep-alives `16` keep coming, stored settings.
import { CHARACTERISTIC } from "../protocol/constants.ts";
import {
  encodeHeartRateMeasurement,
  parseHeartRateCommand,
} from "../protocol/heart_rate.ts";
import type { BandContext } from "./band_context.ts";

/** One connection's heart-rate measurements. */
export class HeartRateSession {
  #context: BandContext;
  #cancelOneShot: (() => void) | null = null;
  #cancelTick: (() => void) | null = null;
  #cancelKeepAlive: (() => void) | null = null;

  constructor(context: BandContext) {
    this.#context = context;
  }

  /** Whether continuous measurement is running. */
  get continuous(): boolean {
    return this.#cancelTick !== null;
  }

  /** Handles a write to 0x2A39. */
  handleWrite(value: Uint8Array): void {
    if (value.length === 0) return;
    const command = parseHeartRateCommand(value);
    const state = this.#context.state;
    if (command.kind === "interval") {
      state.heartRateIntervalMinutes = command.minutes;
    }
    if (command.kind === "keepAlive") this.#armKeepAlive();
    if (command.kind === "sleepAssist") {
      state.heartRateSleepAssist = command.enabled;
    }
    if (command.kind === "manual") {
      command.enabled ? this.#startOneShot() : this.#stopOneShot();
    }
    if (command.kind === "continuous") {
      command.enabled ? this.#startContinuous() : this.#stopContinuous();
    }
  }

  /** Notifies one reading on 0x2A37. */
  emit(bpm: number): void {
    this.#context.notify(
      CHARACTERISTIC.heartRateMeasurement,
      encodeHeartRateMeasurement(bpm),
    );
  }

  /** Stops every running measurement, as on a disconnect. */
  reset(): void {
    this.#stopOneShot();
    this.#stopContinuous();
  }

  #startOneShot(): void {
    this.#stopOneShot();
    this.#cancelOneShot = this.#context.scheduler.schedule(() => {
      this.#cancelOneShot = null;
      this.emit(this.#context.state.heartRate);
    }, this.#context.behaviour.oneShotHeartRateDelayMs);
  }

  #stopOneShot(): void {
    this.#cancelOneShot?.();
    this.#cancelOneShot = null;
  }

  #startContinuous(): void {
    this.#stopContinuous();
    const tick = () => {
      this.emit(this.#context.state.heartRate);
      this.#cancelTick = this.#context.scheduler.schedule(
        tick,
        this.#context.behaviour.continuousHeartRateIntervalMs,
      );
    };
    this.#cancelTick = this.#context.scheduler.schedule(
      tick,
      this.#context.behaviour.continuousHeartRateIntervalMs,
    );
    this.#armKeepAlive();
  }

  #armKeepAlive(): void {
    if (!this.#cancelTick) return;
    this.#cancelKeepAlive?.();
    this.#cancelKeepAlive = this.#context.scheduler.schedule(
      () => this.#stopContinuous(),
      this.#context.behaviour.keepAliveTimeoutMs,
    );
  }

  #stopContinuous(): void {
    this.#cancelTick?.();
    this.#cancelKeepAlive?.();
    this.#cancelTick = null;
    this.#cancelKeepAlive = null;
  }
}
