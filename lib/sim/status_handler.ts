// Battery (0x0006) and realtime activity (0x0007): values served on read and
// notified on change, realtime also once a minute while subscribed (§9, §26).
import { CHARACTERISTIC } from "../protocol/constants.ts";
import type { BandContext } from "./band_context.ts";
import { bandLocalDay } from "./band_clock.ts";
import { encodeBatteryValue, encodeRealtimeValue } from "./wire_values.ts";

/** Keeps battery and step counters and notifies their changes. */
export class StatusReporter {
  #context: BandContext;
  #cancelTimer: (() => void) | null = null;
  #day: number;

  constructor(context: BandContext) {
    this.#context = context;
    this.#day = bandLocalDay(context);
  }

  /** Zeroes the day counters when the band's local date changed since the last look (§9). */
  rollOverDay(): void {
    const day = bandLocalDay(this.#context);
    if (day === this.#day) return;
    this.#day = day;
    const state = this.#context.state;
    state.steps = 0;
    state.distanceMeters = 0;
    state.calories = 0;
  }

  /** Adds to the day counters and notifies 0x0007. */
  addSteps(steps: number, distanceMeters: number, calories: number): void {
    this.rollOverDay();
    const state = this.#context.state;
    state.steps += steps;
    state.distanceMeters += distanceMeters;
    state.calories += calories;
    this.#notifyRealtime();
  }

  /** Updates the battery and notifies 0x0006 when level or charging changed. */
  setBattery(change: { level?: number; charging?: boolean }): void {
    const battery = this.#context.state.battery;
    const before = { level: battery.level, charging: battery.charging };
    if (change.level !== undefined) battery.level = change.level;
    if (change.charging !== undefined) {
      // A charge ending stamps "last charge" with the level reached (§8, §32.3).
      if (before.charging && !change.charging) {
        battery.lastCharge = this.#context.now() +
          this.#context.state.clock.offsetMs;
        battery.lastChargeLevel = battery.level;
      }
      battery.charging = change.charging;
    }
    if (
      before.level === battery.level && before.charging === battery.charging
    ) return;
    this.#context.notify(
      CHARACTERISTIC.battery,
      encodeBatteryValue(this.#context.state),
    );
  }

  /** Starts the once-a-minute realtime notification. */
  startRealtimeTimer(): void {
    this.stopRealtimeTimer();
    const tick = () => {
      this.#notifyRealtime();
      this.#cancelTimer = this.#context.scheduler.schedule(
        tick,
        this.#context.behaviour.realtimeIntervalMs,
      );
    };
    this.#cancelTimer = this.#context.scheduler.schedule(
      tick,
      this.#context.behaviour.realtimeIntervalMs,
    );
  }

  /** Stops the periodic realtime notification. */
  stopRealtimeTimer(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
  }

  #notifyRealtime(): void {
    this.rollOverDay();
    this.#context.notify(
      CHARACTERISTIC.realtimeActivity,
      encodeRealtimeValue(this.#context.state),
    );
  }
}
