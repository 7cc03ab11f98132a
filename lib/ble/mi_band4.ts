// The band as islands see it: one object per authenticated connection, one method per
// feature. Each method delegates to an op in ./ops; this file only wires the queue,
// the 0x0003 channel and the long-lived notification routes together.

import type { Alarm, AlarmStatus } from "../protocol/alarms.ts";
import type { BatteryInfo } from "../protocol/battery.ts";
import type { CurrentTime } from "../protocol/current_time.ts";
import type { DeviceEvent } from "../protocol/device_events.ts";
import type { DisplayItem } from "../protocol/display.ts";
import type { ConfigCommand } from "../protocol/general_config.ts";
import type { MusicState } from "../protocol/music.ts";
import type {
  AlertCategory,
  AlertLevel,
  AppNotification,
} from "../protocol/notifications.ts";
import type { Reminder } from "../protocol/reminders.ts";
import type { WeatherRecord } from "../protocol/weather.ts";
import type { HeartRateMeasurement } from "../protocol/heart_rate.ts";
import type { IdleAlerts } from "../protocol/idle_alerts.ts";
import type { RealtimeActivity } from "../protocol/realtime_activity.ts";
import type { UserProfile, Wrist } from "../protocol/user_settings.ts";
import type { GattTransport } from "./transport.ts";
import { Emitter } from "./emitter.ts";
import { GattQueue } from "./gatt_queue.ts";
import { clearAlarm, readAlarmStatuses, setAlarm } from "./ops/alarms.ts";
import { authenticate } from "./ops/authenticate.ts";
import {
  deleteReminder,
  sendMusicState,
  sendWeather,
  setDisplayItems,
  setReminder,
} from "./ops/chunked_features.ts";
import {
  fetchWorkouts,
  type FetchWorkoutsOptions,
} from "./ops/fetch_workouts.ts";
import {
  sendAppNotification,
  sendMissedCall,
  sendSimpleAlert,
  startIncomingCall,
  stopIncomingCall,
  vibrate,
} from "./ops/notifications.ts";
import {
  getLocalUtcOffsetMinutes,
  readBandTime,
  setBandTime,
  type SetBandTimeOptions,
} from "./ops/band_time.ts";
import { followDeviceEvents } from "./ops/device_events.ts";
import {
  fetchActivity,
  type FetchActivityOptions,
  type FetchProgress,
} from "./ops/fetch_activity.ts";
import { findBand, type FindBandOptions } from "./ops/find_band.ts";
import { CommandChannel } from "./ops/command_channel.ts";
import {
  type DeviceInfo,
  readDeviceInfo,
  readMacAddress,
  verifyMacAddress,
} from "./ops/device_info.ts";
import { applySetting, setGoalNotification } from "./ops/general_settings.ts";
import {
  type ContinuousOptions,
  followHeartRate,
  measureHeartRateOnce,
  type MeasureOptions,
  setHeartRateInterval,
  setSleepAssist,
  startContinuousHeartRate,
} from "./ops/heart_rate.ts";
import { setIdleAlerts } from "./ops/idle_alerts.ts";
import {
  readBattery,
  readRealtimeActivity,
  watchBattery,
  watchRealtimeActivity,
} from "./ops/status.ts";
import {
  setStepGoal,
  setUserProfile,
  setWearLocation,
} from "./ops/user_settings.ts";
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
  #channel: CommandChannel;
  #now: () => number;
  #onError: (err: unknown) => void;
  #heartRate: Emitter<HeartRateMeasurement>;
  #events: Emitter<DeviceEvent>;

  private constructor(
    transport: GattQueue,
    channel: CommandChannel,
    options: MiBand4ConnectOptions,
  ) {
    this.#transport = transport;
    this.#channel = channel;
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? ((err) => globalThis.reportError?.(err));
    this.#heartRate = new Emitter(this.#onError);
    this.#events = new Emitter(this.#onError);
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

  /** The queued transport, for ops not covered by a method here. */
  get transport(): GattTransport {
    return this.#transport;
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

  // Heart rate

  /** Subscribes to every heart-rate reading, including unsolicited ones; returns the unsubscribe. */
  onHeartRate(listener: (reading: HeartRateMeasurement) => void): () => void {
    return this.#heartRate.subscribe(listener);
  }

  /** Measures the heart rate once. */
  measureHeartRate(options?: MeasureOptions): Promise<HeartRateMeasurement> {
    return measureHeartRateOnce(this.#transport, this.#heartRate, options);
  }

  /** Starts continuous measurement (readings via onHeartRate); resolves to the function that stops. */
  startContinuousHeartRate(
    options?: ContinuousOptions,
  ): Promise<() => Promise<void>> {
    return startContinuousHeartRate(this.#transport, {
      onError: this.#onError,
      ...options,
    });
  }

  /** Sets the all-day measurement interval in minutes (0 = off). */
  setHeartRateInterval(minutes: number): Promise<void> {
    return setHeartRateInterval(this.#transport, minutes);
  }

  /** Turns heart-rate-assisted sleep detection on or off. */
  setSleepAssist(enabled: boolean): Promise<void> {
    return setSleepAssist(this.#transport, enabled);
  }

  // Alarms, idle alerts, goals, profile

  /** Stores an alarm in its slot. */
  setAlarm(alarm: Alarm): Promise<void> {
    return setAlarm(this.#channel, alarm);
  }

  /** Clears an alarm slot. */
  clearAlarm(slot: number): Promise<void> {
    return clearAlarm(this.#channel, slot);
  }

  /** Reads which alarm slots are used and enabled. */
  readAlarmStatuses(): Promise<AlarmStatus[]> {
    return readAlarmStatuses(this.#channel);
  }

  /** Writes the inactivity warning settings. */
  setIdleAlerts(settings: IdleAlerts): Promise<void> {
    return setIdleAlerts(this.#channel, settings);
  }

  /** Sets the daily step goal. */
  setStepGoal(steps: number): Promise<void> {
    return setStepGoal(this.#transport, steps);
  }

  /** Turns the goal-reached vibration on or off. */
  setGoalNotification(enabled: boolean): Promise<void> {
    return setGoalNotification(this.#channel, enabled);
  }

  /** Tells the band which wrist it is on. */
  setWearLocation(wrist: Wrist): Promise<void> {
    return setWearLocation(this.#transport, wrist);
  }

  /** Sends the user profile. */
  setUserProfile(profile: UserProfile): Promise<void> {
    return setUserProfile(this.#transport, profile);
  }

  /** Applies one general setting of §22 (time format, units, lift wrist, DND, lock, …). */
  applySetting(command: ConfigCommand): Promise<void> {
    return applySetting(this.#channel, command);
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

  // Alerts, music, weather, display

  /** Shows a rich app notification (icon, title, body, app name), SMS or e-mail; long text is chunked. */
  sendAppNotification(notification: AppNotification): Promise<void> {
    return sendAppNotification(this.#transport, notification);
  }

  /** Shows a simple alert of a category with a title and optional body. */
  sendSimpleAlert(
    alert: { category: AlertCategory; title: string; body?: string },
  ): Promise<void> {
    return sendSimpleAlert(this.#transport, alert);
  }

  /** Shows the incoming-call screen; the band answers with events callRejected / callIgnored. */
  startIncomingCall(caller: string): Promise<void> {
    return startIncomingCall(this.#transport, caller);
  }

  /** Closes the incoming-call screen. */
  stopIncomingCall(): Promise<void> {
    return stopIncomingCall(this.#transport);
  }

  /** Shows a missed call. */
  sendMissedCall(caller: string): Promise<void> {
    return sendMissedCall(this.#transport, caller);
  }

  /** Vibrates without text ("none" stops). */
  vibrate(level: AlertLevel): Promise<void> {
    return vibrate(this.#transport, level);
  }

  /** Sends the player state to the music screen; send it again on the "focusIn" music event. */
  sendMusicState(state: MusicState): Promise<void> {
    return sendMusicState(this.#transport, state);
  }

  /** Sends weather records (current, air quality, forecast, location). */
  sendWeather(records: readonly WeatherRecord[]): Promise<void> {
    return sendWeather(this.#transport, records);
  }

  /** Shows these menu items in this order and hides the rest. */
  setDisplayItems(shown: readonly DisplayItem[]): Promise<void> {
    return setDisplayItems(this.#transport, shown);
  }

  /** Vibrates the band until the returned function is called. */
  findBand(options?: FindBandOptions): Promise<() => Promise<void>> {
    return findBand(this.#transport, { onError: this.#onError, ...options });
  }

  /** Stores an event reminder (slot 0–21) on the band. */
  setReminder(reminder: Reminder): Promise<void> {
    return setReminder(this.#transport, reminder);
  }

  /** Deletes the reminder in a slot. */
  deleteReminder(slot: number): Promise<void> {
    return deleteReminder(this.#transport, slot);
  }

  #watch<T>(onValue: (value: T) => void): WatchOptions<T> {
    return { onValue, onError: this.#onError };
  }
}
