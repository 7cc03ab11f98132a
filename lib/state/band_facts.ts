// What the band page knows about its band right now, shared by every island of
// the page: the header's last sync, the Today figures, the battery and the
// device facts. The server renders the page from what it stored; once the
// page runs, these signals carry what changed since (a sync, a live reading),
// so every surface shows the same new state without a reload. Nothing writes
// them on the server, so a server render never sees another request's values.
import { signal } from "@preact/signals";
import type { BatteryInfo } from "../protocol/battery.ts";
import type { RealtimeActivity } from "../protocol/realtime_activity.ts";
import type { TodayView } from "../api/today_schemas.ts";

/** A battery reading and where it came from. */
export interface BatteryFact {
  level: number;
  charging: boolean;
  /** Epoch ms of the reading. */
  time: number;
  /** True while it follows the connected band. */
  live: boolean;
}

/** Firmware and hardware as the band reported them. */
export interface DeviceFacts {
  firmwareRevision: string;
  hardwareRevision: string;
  mac: string;
}

/** Epoch ms of the last finished sync in this page, or null before one. */
export const lastSyncAt = signal<number | null>(null);
/** The latest battery reading in this page, or null before one. */
export const batteryFact = signal<BatteryFact | null>(null);
/** Device facts read from the band in this page, or null before a read. */
export const deviceFacts = signal<DeviceFacts | null>(null);
/** The band's live counters for today while connected, else null. */
export const liveActivity = signal<RealtimeActivity | null>(null);
/** The server's view of the person's day, fetched after a sync, or null before. */
export const todayView = signal<TodayView | null>(null);
/** The latest heart rate measured in this page, or null. */
export const latestHeartRate = signal<{ bpm: number; time: number } | null>(
  null,
);
/** The step goal last saved in this page, or null. */
export const stepGoal = signal<number | null>(null);

/** The band calls that following the band needs (a subset of MiBand4). */
export interface FollowedBand {
  readDeviceInfo(): Promise<
    { mac: string; firmwareVersion: string; hardwareRevision: string }
  >;
  readBattery(): Promise<BatteryInfo>;
  watchBattery(
    onValue: (info: BatteryInfo) => void,
  ): Promise<() => Promise<void>>;
  watchRealtimeActivity(
    onValue: (value: RealtimeActivity) => void,
  ): Promise<() => Promise<void>>;
}

/**
 * Reads the device facts and battery of a band that just connected and
 * follows its battery and step counter; resolves to a stop function that
 * also marks the values as no longer live.
 */
export async function followBand(
  band: FollowedBand,
  options: { now?: () => number } = {},
): Promise<() => Promise<void>> {
  const now = options.now ?? Date.now;
  const stops: Array<() => Promise<void>> = [];
  const publishBattery = (info: BatteryInfo) => {
    batteryFact.value = {
      level: info.level,
      charging: info.charging,
      time: now(),
      live: true,
    };
  };
  const stop = async () => {
    liveActivity.value = null;
    const battery = batteryFact.value;
    if (battery?.live) batteryFact.value = { ...battery, live: false };
    await Promise.allSettled(stops.splice(0).map((s) => s()));
  };
  try {
    publishDeviceInfo(await band.readDeviceInfo());
    publishBattery(await band.readBattery());
    stops.push(await band.watchBattery(publishBattery));
    stops.push(
      await band.watchRealtimeActivity((value) => (liveActivity.value = value)),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

/** Publishes device facts just read from the band. */
export function publishDeviceInfo(
  info: { mac: string; firmwareVersion: string; hardwareRevision: string },
): void {
  deviceFacts.value = {
    mac: info.mac,
    firmwareRevision: info.firmwareVersion,
    hardwareRevision: info.hardwareRevision,
  };
}

/** Publishes what a finished sync learned: its time, the battery and the device facts. */
export function publishSync(
  result: {
    battery: BatteryInfo;
    deviceInfo: {
      mac: string;
      firmwareVersion: string;
      hardwareRevision: string;
    };
  },
  at: number,
): void {
  lastSyncAt.value = at;
  publishDeviceInfo(result.deviceInfo);
  // A battery the page follows live is newer than the one the sync read at
  // its start (a charger plugged in meanwhile): it stays.
  if (batteryFact.value?.live) return;
  batteryFact.value = {
    level: result.battery.level,
    charging: result.battery.charging,
    time: at,
    live: false,
  };
}

/** Fetches the server's view of the person's day (stored figures, last night, heart rate) and publishes it. */
export async function refreshToday(
  server: { getToday(bandId: string): Promise<TodayView> },
  bandId: string,
): Promise<TodayView> {
  const view = await server.getToday(bandId);
  todayView.value = view;
  return view;
}

/** Publishes a heart rate just measured on the band. */
export function publishHeartRate(bpm: number, time: number): void {
  latestHeartRate.value = { bpm, time };
}
