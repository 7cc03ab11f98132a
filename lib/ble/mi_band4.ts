// The band as islands see it: one object per authenticated connection. Identity,
// status, history and the clock are methods here; each feature area is a small group
// object (`band.alerts`, `band.music`, `band.weather`, `band.display`, `band.alarms`,
// `band.reminders`, `band.settings`, `band.heartRate`) in ./facade, so this file only
// wires the queue, the 0x0003 channel and the long-lived notification routes together.

import type { BatteryInfo } from "../protocol/battery.ts";
import type { CurrentTime } from "../protocol/current_time.ts";
import type { DeviceEvent } from "../protocol/device_events.ts";
import type { HeartRateMeasurement } from "../protocol/heart_rate.ts";
import type { RealtimeActivity } from "../protocol/realtime_activity.ts";
import type { GattTransport } from "./transport.ts";
import { Emitter } from "./emitter.ts";
import { GattQueue } from "./gatt_queue.ts";
import { BandAlerts } from "./facade/band_alerts.ts";
import { BandHeartRate } from "./facade/band_heart_rate.ts";
import type { BandLink } from "./facade/band_link.ts";
import { BandAlarms, BandReminders } from "./facade/band_schedule.ts";
import { BandDisplay, BandMusic, BandWeather } from "./facade/band_screens.ts";
import { BandSettings } from "./facade/band_settings.ts";
import { authenticate } from "./ops/authenticate.ts";
import {
  getLocalUtcOffsetMinutes,
  readBandTime,
  setBandTime,
  type SetBandTimeOptions,
} from "./ops/band_time.ts";
import { CommandChannel } from "./ops/command_channel.ts";
import { followDeviceEvents } from "./ops/device_events.ts";
import {
  type DeviceInfo,
  readDeviceInfo,
  readMacAddress,
  verifyMacAddress,
} from "./ops/device_info.ts";
import {
  fetchActivity,
  type FetchActivityOptions,
  type FetchProgress,
} from "./ops/fetch_activity.ts";
import {
  fetchWorkouts,
  type FetchWorkoutsOptions,
} from "./ops/fetch_workouts.ts";
import { followHeartRate } from "./ops/heart_rate.ts";
import {
  readBattery,
  readRealtimeActivity,
  watchBattery,
  watchRealtimeActivity,
} from "./ops/status.ts";
import type { WatchOptions } from "./ops/watch.ts";

/** Options for MiBand4.connect(). */
export interface MiBand4ConnectOptions {
  /** The band's 16-byte auth key (parse user input with parseAuthKey from lib/protocol/auth.ts). */
  authKey: Uint8Array;
  /** Current instant in epoch milliseconds (default Date.now). */
  now?: () => number;
  /** Per-operation GATT timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Wait for a 0x0003 configuration reply before assuming the band accepted silently (default 3000). */
  replyTimeoutMs?: number;
  /** Aborts the connection set-up. */
  signal?: AbortSignal;
  /** Receives errors raised inside notification handlers (default: reportError). */
  onError?: (err: unknown) => void;
}

/** A connected, authenticated Mi Smart Band 4. */
export class MiBand4 {
  #transport: GattQueue;
  #now: () => number;
  #onError: (err: unknown) => void;
  #heartRate: Emitter<HeartRateMeasurement>;
  #events: Emitter<DeviceEvent>;

  /** Notifications, calls, vibrations and find my band. */
  readonly alerts: BandAlerts;
  /** The music screen. */
  readonly music: BandMusic;
  /** The weather screen. */
  readonly weather: BandWeather;
  /** Which menu screens are shown, in what order. */
  readonly display: BandDisplay;
  /** Alarm slots. */
  readonly alarms: BandAlarms;
  /** Event reminder slots. */
  readonly reminders: BandReminders;
  /** General settings, goal, wrist, profile and idle alerts. */
  readonly settings: BandSettings;
  /** Heart-rate readings, measurement and its settings. */
  readonly heartRate: BandHeartRate;

  private constructor(
    transport: GattQueue,
    channel: CommandChannel,
    options: MiBand4ConnectOptions,
  ) {
    this.#transport = transport;
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? ((err) => globalThis.reportError?.(err));
    this.#heartRate = new Emitter(this.#onError);
    this.#events = new Emitter(this.#onError);
    const link: BandLink = { transport, channel, onError: this.#onError };
    this.alerts = new BandAlerts(link);
    this.music = new BandMusic(link);
    this.weather = new BandWeather(link);
    this.display = new BandDisplay(link);
    this.alarms = new BandAlarms(link);
    this.reminders = new BandReminders(link);
    this.settings = new BandSettings(link);
    this.heartRate = new BandHeartRate(link, this.#heartRate);
  }

  /** Wraps `transport` in a GATT queue, authenticates and enables the notifications of §3.4. */
  static async connect(
    transport: GattTransport,
    options: MiBand4ConnectOptions,
  ): Promise<MiBand4> {
    const queue = new GattQueue(transport, { timeoutMs: options.timeoutMs });
    try {
      await authenticate(queue, options.authKey, {
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      });
      const channel = await CommandChannel.open(queue, {
        replyTimeoutMs: options.replyTimeoutMs,
      });
      const band = new MiBand4(queue, channel, options);
      await followDeviceEvents(queue, channel, band.#events, {
        onError: band.#onError,
      });
      await followHeartRate(queue, band.#heartRate);
      return band;
    } catch (err) {
      queue.disconnect();
      throw err;
    }
  }

  /** Whether the link is up. */
  get connected(): boolean {
    return this.#transport.connected;
  }

  /** Registers a callback for a dropped link; returns its remover. */
  onDisconnect(listener: () => void): () => void {
    return this.#transport.onDisconnect(listener);
  }

  /** Drops the link; pending operations reject with a "disconnected" BleError. */
  disconnect(): void {
    this.#transport.disconnect();
  }

  /** The band's own events (buttons, sleep, calls, alarms, music, find my phone); subscribe returns the unsubscribe. */
  get events(): {
    subscribe(listener: (event: DeviceEvent) => void): () => void;
  } {
    return this.#events;
  }

  /** Subscribes to every heart-rate reading, including unsolicited ones; returns the unsubscribe (same as `heartRate.subscribe`). */
  onHeartRate(listener: (reading: HeartRateMeasurement) => void): () => void {
    return this.#heartRate.subscribe(listener);
  }

  // Identity and status

  /** Reads the MAC address (§6). */
  readMacAddress(): Promise<string> {
    return readMacAddress(this.#transport);
  }

  /** Reads the MAC and throws a "mac_mismatch" BleError unless it equals `expected`. */
  verifyMacAddress(expected: string): Promise<string> {
    return verifyMacAddress(this.#transport, expected);
  }

  /** Reads MAC, firmware, hardware revision and PnP id. */
  readDeviceInfo(): Promise<DeviceInfo> {
    return readDeviceInfo(this.#transport);
  }

  /** Reads the battery state. */
  readBattery(): Promise<BatteryInfo> {
    return readBattery(this.#transport);
  }

  /** Follows battery changes; resolves to the function that stops. */
  watchBattery(
    onValue: (info: BatteryInfo) => void,
  ): Promise<() => Promise<void>> {
    return watchBattery(this.#transport, this.#watch(onValue));
  }

  /** Reads today's steps, distance and calories. */
  readRealtimeActivity(): Promise<RealtimeActivity> {
    return readRealtimeActivity(this.#transport);
  }

  /** Follows today's totals live (first value is a read); resolves to the function that stops. */
  watchRealtimeActivity(
    onValue: (value: RealtimeActivity) => void,
  ): Promise<() => Promise<void>> {
    return watchRealtimeActivity(this.#transport, this.#watch(onValue));
  }

  // History and clock

  /** Fetches activity since `options.since`, acknowledging each batch only after `persist` resolves. */
  fetchActivity(options: FetchActivityOptions): Promise<FetchProgress> {
    return fetchActivity(this.#transport, { now: this.#now, ...options });
  }

  /** Reads the band's clock. */
  readTime(): Promise<CurrentTime> {
    return readBandTime(this.#transport);
  }

  /** Sets the band's clock (defaults: now, in this computer's current UTC offset). */
  setTime(options: Partial<SetBandTimeOptions> = {}): Promise<void> {
    const epochMs = options.epochMs ?? this.#now();
    const utcOffsetMinutes = options.utcOffsetMinutes ??
      getLocalUtcOffsetMinutes(epochMs);
    return setBandTime(this.#transport, { epochMs, utcOffsetMinutes });
  }

  /** Fetches workout summaries since `options.since`, acknowledging each after `persist` resolves. */
  fetchWorkouts(
    options: FetchWorkoutsOptions,
  ): Promise<{ workouts: number; nextSince: number }> {
    return fetchWorkouts(this.#transport, options);
  }

  #watch<T>(onValue: (value: T) => void): WatchOptions<T> {
    return { onValue, onError: this.#onError };
  }
}
