// The peripheral: routes GATT operations to one handler per characteristic family
// and keeps per-connection session state (auth, fetch, heart rate, subscriptions).
// Notifications are emitted synchronously; SimTransport and the fake Web Bluetooth
// layer make them asynchronous, as a radio link would.
import { CHARACTERISTIC as C, SERVICE } from "../protocol/constants.ts";
import { AuthSession } from "./auth_handler.ts";
import { BandEvents } from "./band_events.ts";
import type { BandBehaviour, BandContext, Scheduler } from "./band_context.ts";
import {
  type BandState,
  type BandStateOptions,
  createBandState,
} from "./band_state.ts";
import { ChunkedHandler } from "./chunked_handler.ts";
import { handleConfigWrite } from "./config_handler.ts";
import { FetchSession } from "./fetch_handler.ts";
import {
  assertNotifiable,
  assertReadable,
  assertWritable,
  findCharacteristic,
  GATT_MAP,
} from "./gatt_map.ts";
import { createDisconnectedError } from "./gatt_error.ts";
import { HeartRateSession } from "./heart_rate_handler.ts";
import { handleAlertLevelWrite, handleNewAlertWrite } from "./alert_handler.ts";
import { readCharacteristicValue } from "./read_values.ts";
import { StatusReporter } from "./status_handler.ts";
import { handleTimeWrite } from "./time_handler.ts";
import { handleUserSettingsWrite } from "./user_settings_handler.ts";

/** Listener for notifications the band sends. */
export type BandNotificationListener = (
  service: string,
  characteristic: string,
  value: Uint8Array,
) => void;

/** Options for a VirtualBand; all optional except what tests want fixed. */
export interface VirtualBandOptions extends Omit<BandStateOptions, "now"> {
  /** Current instant in epoch ms (default `Date.now`). */
  now?: () => number;
  /** Random bytes for the auth challenge (default `crypto.getRandomValues`). */
  randomBytes?: (n: number) => Uint8Array;
  /** Timers (default `setTimeout`). */
  scheduler?: Scheduler;
  /** Behaviour overrides. */
  behaviour?: Partial<BandBehaviour>;
}

const DEFAULT_BEHAVIOUR: BandBehaviour = {
  fetchBatchLimit: 1440,
  samplesPerPacket: 4,
  oneShotHeartRateDelayMs: 8000,
  continuousHeartRateIntervalMs: 1500,
  keepAliveTimeoutMs: 15000,
  realtimeIntervalMs: 60000,
  announceMtu: false,
};

/** Default timers on the global `setTimeout`. */
export const REAL_SCHEDULER: Scheduler = {
  schedule(fn, ms) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

const NOTIFY_SERVICE = new Map<string, string>();
for (const service of GATT_MAP) {
  for (const c of service.characteristics) {
    if (c.properties.notify) NOTIFY_SERVICE.set(c.uuid, service.uuid);
  }
}

/** A simulated Mi Band 4 answering GATT operations as the real band does. */
export class VirtualBand extends BandEvents {
  /** The band's state, readable by tests and the demo page. */
  readonly state: BandState;
  /** Tunable behaviour. */
  readonly behaviour: BandBehaviour;
  #context: BandContext;
  #connected = false;
  #subscribed = new Set<string>();
  #listeners = new Set<BandNotificationListener>();
  #dropListeners = new Set<() => void>();
  #auth: AuthSession;
  #fetch: FetchSession;
  #heartRate: HeartRateSession;
  #chunked: ChunkedHandler;
  #status: StatusReporter;

  constructor(options: VirtualBandOptions = {}) {
    super();
    const now = options.now ?? Date.now;
    this.state = createBandState({ ...options, now: now() });
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    const randomBytes = options.randomBytes ??
      ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
    this.#context = {
      state: this.state,
      behaviour: this.behaviour,
      now,
      randomBytes,
      scheduler: options.scheduler ?? REAL_SCHEDULER,
      notify: (characteristic, value) => this.#notify(characteristic, value),
    };
    this.#auth = new AuthSession(this.#context);
    this.#fetch = new FetchSession(this.#context);
    this.#heartRate = new HeartRateSession(this.#context);
    this.#chunked = new ChunkedHandler(this.#context);
    this.#status = new StatusReporter(this.#context);
  }

  /** Whether a central is connected. */
  get connected(): boolean {
    return this.#connected;
  }

  /** Starts a new connection: unauthenticated, nothing subscribed. */
  connect(): void {
    this.#resetSession();
    this.#connected = true;
  }

  /** Ends the connection from the central's side, dropping every session state (§26). */
  disconnect(): void {
    if (!this.#connected) return;
    this.#connected = false;
    this.#resetSession();
  }

  /** Drops the link from the band's side (out of range, idle timeout) and tells the transports. */
  dropLink(): void {
    if (!this.#connected) return;
    this.disconnect();
    for (const listener of [...this.#dropListeners]) listener();
  }

  /** Registers a listener for band-side link drops; returns its remover. */
  onLinkDropped(listener: () => void): () => void {
    this.#dropListeners.add(listener);
    return () => this.#dropListeners.delete(listener);
  }

  /** Registers a notification listener; returns its remover. */
  onNotification(listener: BandNotificationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reads a characteristic, failing like Chrome on a wrong property or unknown UUID. */
  read(service: string, characteristic: string): Uint8Array {
    this.#assertConnected();
    assertReadable(findCharacteristic(service, characteristic));
    this.#status.rollOverDay();
    return readCharacteristicValue(this.#context, characteristic.toLowerCase());
  }

  /** Writes a characteristic, failing like Chrome when the write type does not match its properties. */
  async write(
    service: string,
    characteristic: string,
    value: Uint8Array,
    withResponse: boolean,
  ): Promise<void> {
    this.#assertConnected();
    assertWritable(
      findCharacteristic(service, characteristic),
      value,
      withResponse,
    );
    const bytes = value.slice();
    const uuid = characteristic.toLowerCase();
    const authed = this.state.authenticated;
    switch (uuid) {
      case C.auth:
        return await this.#auth.handleWrite(bytes);
      case C.chunkedTransfer:
        return this.#chunked.handleWrite(bytes);
      case C.newAlert:
        return handleNewAlertWrite(this.#context, bytes);
      case C.alertLevel:
        return handleAlertLevelWrite(this.#context, bytes);
    }
    // Everything else on FEE0 and the HR control point waits for auth (§5.6).
    if (!authed) return;
    if (uuid === C.configuration) {
      return handleConfigWrite(this.#context, bytes);
    }
    if (uuid === C.fetchControl) return this.#fetch.handleWrite(bytes);
    if (uuid === C.userSettings) {
      return handleUserSettingsWrite(this.#context, bytes);
    }
    if (uuid === C.heartRateControlPoint) {
      return this.#heartRate.handleWrite(bytes);
    }
    if (uuid === C.currentTime) return handleTimeWrite(this.#context, bytes);
  }

  /** Enables notifications (the CCCD write), failing like Chrome on a characteristic without N. */
  startNotifications(service: string, characteristic: string): void {
    this.#assertConnected();
    assertNotifiable(findCharacteristic(service, characteristic));
    const uuid = characteristic.toLowerCase();
    if (this.#subscribed.has(uuid)) return;
    this.#subscribed.add(uuid);
    if (uuid === C.realtimeActivity) this.#status.startRealtimeTimer();
    if (uuid === C.deviceEvent && this.behaviour.announceMtu) {
      this.#announceMtu();
    }
  }

  /** Disables notifications on a characteristic. */
  stopNotifications(service: string, characteristic: string): void {
    this.#assertConnected();
    assertNotifiable(findCharacteristic(service, characteristic));
    const uuid = characteristic.toLowerCase();
    this.#subscribed.delete(uuid);
    if (uuid === C.realtimeActivity) this.#status.stopRealtimeTimer();
  }

  /** Whether the client has notifications enabled on a characteristic. */
  isNotifying(characteristic: string): boolean {
    return this.#subscribed.has(characteristic.toLowerCase());
  }

  /** Makes the next fetch start answer `10 01 02` (busy). */
  refuseNextFetch(): void {
    this.#fetch.refuseNextStart();
  }

  /** Adds walked steps (and optionally distance and calories) and notifies 0x0007. */
  addSteps(
    steps: number,
    extra: { distanceMeters?: number; calories?: number } = {},
  ): void {
    this.#status.addSteps(
      steps,
      extra.distanceMeters ?? Math.round(steps * 0.75),
      extra.calories ?? Math.round(steps * 0.04),
    );
  }

  /** Changes the battery level or charging state and notifies 0x0006. */
  setBattery(change: { level?: number; charging?: boolean }): void {
    this.#status.setBattery(change);
  }

  /** Sets the heart rate the sensor will report next. */
  setHeartRate(bpm: number): void {
    this.state.heartRate = bpm;
  }

  /** Sends an unsolicited heart-rate reading on 0x2A37, as all-day monitoring does (§32.2). */
  emitHeartRate(bpm = this.state.heartRate): void {
    this.#heartRate.emit(bpm);
  }

  /** Sends an encoded device event on 0x0010. */
  protected sendDeviceEvent(value: Uint8Array): void {
    this.#notify(C.deviceEvent, value);
  }

  #announceMtu(): void {
    this.announceMtu(23);
    this.#context.scheduler.schedule(() => {
      if (this.#connected) this.announceMtu(247);
    }, 1500);
  }

  #notify(characteristic: string, value: Uint8Array): void {
    if (!this.#connected || !this.#subscribed.has(characteristic)) return;
    const service = NOTIFY_SERVICE.get(characteristic) ?? SERVICE.miBand1;
    for (const listener of [...this.#listeners]) {
      listener(service, characteristic, value.slice());
    }
  }

  #assertConnected(): void {
    if (!this.#connected) throw createDisconnectedError();
  }

  #resetSession(): void {
    this.#subscribed.clear();
    this.#auth.reset();
    this.#fetch.reset();
    this.#heartRate.reset();
    this.#chunked.reset();
    this.#status.stopRealtimeTimer();
  }
}
