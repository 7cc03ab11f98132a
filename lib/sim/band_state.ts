// Everything the simulated band remembers. Plain data so the demo page can render
// it and tests can inspect it; behaviour lives in the handlers and VirtualBand.
import { parseAuthKey } from "../protocol/auth.ts";
import type { ActivityBatch } from "../protocol/activity_sample.ts";
import { type Alarm, ALARM_SLOT_COUNT } from "../protocol/alarms.ts";
import type { SimWorkout } from "./sim_workout.ts";

/** Battery condition (§8). */
export interface SimBattery {
  /** Level in percent. */
  level: number;
  /** Whether the band sits on its charger. */
  charging: boolean;
  /** Epoch ms of the charge-related stamp at bytes 3–10 (§32.3), or null for the unset 1970 value. */
  chargeStamp: number | null;
  /** Epoch ms of the end of the last charge. */
  lastCharge: number;
  /** Level at the end of the last charge. */
  lastChargeLevel: number;
}

/** What the band's clock is set to (§18). */
export interface SimClock {
  /** Milliseconds added to the injected `now()` to get the band's notion of the instant. */
  offsetMs: number;
  /** Time-zone byte value in signed quarter hours. */
  tzQuarterHours: number;
  /** Byte 8 of the last time write (fractions of a second), echoed on reads. */
  fractions: number;
  /** Byte 9 of the last time write (adjust reason), echoed on reads. */
  adjustReason: number;
}

/** The full state of one simulated Mi Band 4. */
export interface BandState {
  /** MAC in display order, e.g. "D1:C5:15:51:03:89". */
  mac: string;
  /** The 16-byte auth key; never printed. */
  key: Uint8Array;
  /** Advertised and GAP device name. */
  name: string;
  /** Firmware version (0x2A28). */
  softwareRevision: string;
  /** Hardware revision (0x2A27). */
  hardwareRevision: string;
  /** Serial number (0x2A25). */
  serialNumber: string;
  /** Clock setting. */
  clock: SimClock;
  /** Steps today. */
  steps: number;
  /** Metres today. */
  distanceMeters: number;
  /** Kcal today. */
  calories: number;
  /** Battery condition. */
  battery: SimBattery;
  /** Heart rate the sensor reports, in bpm. */
  heartRate: number;
  /** All-day HR interval in minutes (0x2A39 `14 NN`). */
  heartRateIntervalMinutes: number;
  /** HR-assisted sleep detection (0x2A39 `15 00 EE`). */
  heartRateSleepAssist: boolean;
  /** Daily step goal (0x0008). */
  stepGoal: number;
  /** Wear location (0x0008 `20 00 00 WW`). */
  wearWrist: "left" | "right";
  /** Last user profile written to 0x0008, decoded when a codec exists, else raw bytes. */
  userProfile: unknown;
  /** Decoded settings keyed by the codecs' command kinds (`band_lock`, `night_mode`, `idle_alerts`, `display_items`…); other chunked type 2 payloads raw as `config2_<hex>`. */
  settings: Record<string, unknown>;
  /** Raw bytes of the last write of each 0x0003 command, keyed by the echo hex ("06 02 00", "1a", …). */
  rawConfig: Record<string, Uint8Array>;
  /** Alarm slots 0–9; null where the slot is unused (DAYS 00). */
  alarms: (Alarm | null)[];
  /** Last New Alert / chunked notification received, decoded when possible. */
  lastNotification: unknown;
  /** Incoming call text while a call screen is showing, else null. */
  activeCall: string | null;
  /** Last music state received, decoded when possible. */
  lastMusic: unknown;
  /** Latest weather record of each kind, keyed by first payload byte name. */
  weather: Record<string, unknown>;
  /** Last Immediate Alert level written to 0x2A06, by name ("vibrate" = find my band). */
  lastAlertLevel: string | null;
  /** Stored per-minute history, one contiguous run in band time. */
  history: ActivityBatch;
  /** Minutes of `history` acknowledged with `03`, counted from its start. */
  syncedMinutes: number;
  /** Workouts the band recorded. */
  workouts: SimWorkout[];
  /** Whether the current connection is authenticated. */
  authenticated: boolean;
}

/** Options for `createBandState`; everything has a realistic default. */
export interface BandStateOptions {
  /** MAC in display order (default "D1:C5:15:51:03:89", JV's band). */
  mac?: string;
  /** 16-byte key (default §30's reproducible test key, not a real band's). */
  key?: Uint8Array;
  /** Device name (default "Mi Smart Band 4"). */
  name?: string;
  /** Firmware (default "V1.0.9.70"). */
  softwareRevision?: string;
  /** Hardware (default "V0.25.19.5"). */
  hardwareRevision?: string;
  /** Serial (default "86c5dfd5eff8"). */
  serialNumber?: string;
  /** UTC offset in minutes used for the default clock and history (default 0). */
  utcOffsetMinutes?: number;
  /** History to store (default empty at the current minute). */
  history?: ActivityBatch;
  /** Workouts to store (default none). */
  workouts?: SimWorkout[];
  /** Instant the state is created, for defaults that need a time. */
  now: number;
}

/** The simulator's default auth key: the spec's §30 test key, never a real band's. */
export const DEFAULT_SIM_KEY_HEX = "30313233343536373839404142434445";

/** Creates a fresh band state with realistic defaults. */
export function createBandState(options: BandStateOptions): BandState {
  const offset = options.utcOffsetMinutes ?? 0;
  const key = options.key ?? parseAuthKey(DEFAULT_SIM_KEY_HEX);
  if (key.length !== 16) {
    throw new RangeError(
      `Cannot create band: key has ${key.length} bytes, expected 16`,
    );
  }
  const state: BandState = {
    mac: options.mac ?? "D1:C5:15:51:03:89",
    key: key.slice(),
    name: options.name ?? "Mi Smart Band 4",
    softwareRevision: options.softwareRevision ?? "V1.0.9.70",
    hardwareRevision: options.hardwareRevision ?? "V0.25.19.5",
    serialNumber: options.serialNumber ?? "86c5dfd5eff8",
    clock: {
      offsetMs: 0,
      tzQuarterHours: offset / 15,
      fractions: 0,
      adjustReason: 0,
    },
    steps: 0,
    distanceMeters: 0,
    calories: 0,
    battery: {
      level: 81,
      charging: false,
      chargeStamp: null,
      lastCharge: options.now - 86_400_000,
      lastChargeLevel: 99,
    },
    heartRate: 72,
    heartRateIntervalMinutes: 0,
    heartRateSleepAssist: false,
    stepGoal: 8000,
    wearWrist: "left",
    userProfile: null,
    settings: {},
    rawConfig: {},
    alarms: Array.from({ length: ALARM_SLOT_COUNT }, () => null),
    lastNotification: null,
    activeCall: null,
    lastMusic: null,
    weather: {},
    lastAlertLevel: null,
    history: options.history ??
      {
        start: Math.floor(options.now / 60_000) * 60_000,
        utcOffsetMinutes: offset,
        samples: [],
      },
    syncedMinutes: 0,
    workouts: options.workouts ?? [],
    authenticated: false,
  };
  // Non-enumerable, so logging or serialising the state for the demo never shows the key.
  Object.defineProperty(state, "key", { enumerable: false });
  return state;
}
