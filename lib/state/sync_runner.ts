// One sync of a band's history to the server (§11.5). The server's cursor is the
// only bookmark: each batch is uploaded and the band acknowledged only after the
// server has stored it, so a sync cut short by a cancel, a disconnect or a reload
// simply starts again from the cursor with nothing lost or stored twice. Battery,
// device info and band time are recorded on every sync; workouts follow the
// activity, and a failure there leaves the stored activity a success with a note.
import type { ActivityBatch } from "../protocol/activity_sample.ts";
import type { BatteryInfo } from "../protocol/battery.ts";
import type { CurrentTime } from "../protocol/current_time.ts";
import type {
  FetchActivityOptions,
  FetchProgress,
} from "../ble/ops/fetch_activity.ts";
import type { DeviceInfo } from "../ble/ops/device_info.ts";
import type { ApiClient } from "../api/client.ts";
import {
  formatWorkouts,
  syncWorkouts,
  type WorkoutBand,
  type WorkoutReading,
  type WorkoutServer,
} from "./workout_sync.ts";

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** How far back the first sync of a band reaches (the band keeps about 8 weeks, §11.5). */
export const FIRST_SYNC_DAYS = 56;

/** The band calls a sync needs (a subset of MiBand4, so tests can pass a fake). */
export interface SyncBand extends WorkoutBand {
  fetchActivity(options: FetchActivityOptions): Promise<FetchProgress>;
  readBattery(): Promise<BatteryInfo>;
  readDeviceInfo(): Promise<DeviceInfo>;
  readTime(): Promise<CurrentTime>;
}

/** The server calls a sync needs (implemented over the API client by `createApiSyncServer`). */
export interface SyncServer extends WorkoutServer {
  /** The next minute to fetch, or null before the first upload. */
  getCursor(): Promise<number | null>;
  /** Stores one batch; resolving means it is durable. */
  uploadBatch(batch: ActivityBatch): Promise<void>;
  /** Records the battery state. */
  recordBattery(
    reading: { time: number; level: number; charging: boolean },
  ): Promise<void>;
  /** Records firmware and hardware revisions. */
  recordDeviceInfo(
    info: { firmwareRevision: string; hardwareRevision: string },
  ): Promise<void>;
  /** Records how far the band's clock is from this computer's. */
  recordBandTime(
    reading: { time: number; bandTime: number; tzQuarterHours: number },
  ): Promise<void>;
}

/** Where a sync stands, for the progress bar. */
export interface SyncProgress {
  /** Minutes stored during this sync. */
  minutesDone: number;
  /** Whole days stored during this sync (minutes ÷ 1440, rounded down). */
  daysDone: number;
  /** Minutes between the next minute to fetch and now. */
  minutesLeft: number;
  /** Share done, 0 to 1. */
  fraction: number;
  /** Minutes stored per second so far, or null before the first batch. */
  minutesPerSecond: number | null;
  /** The next minute to fetch (epoch ms). */
  cursor: number;
  /** Workouts stored during this sync (describeProgress counts none; runSync adds them). */
  workoutsDone: number;
}

/** What a finished sync did. */
export interface SyncResult extends SyncProgress {
  /** Batches stored. */
  batches: number;
  /** Milliseconds the sync took. */
  elapsedMs: number;
  /** What went wrong without failing the sync ("Cannot fetch workouts: …"). */
  notes: string[];
  /** The battery as the sync read it. */
  battery: BatteryInfo;
  /** The device facts as the sync read them. */
  deviceInfo: DeviceInfo;
}

/** Options for `runSync`. */
export interface SyncOptions {
  /** Current instant (default Date.now). */
  now?: () => number;
  /** Cancels the sync; stored batches stay stored. */
  signal?: AbortSignal;
  /** Called at the start and after each stored batch. */
  onProgress?: (progress: SyncProgress) => void;
  /**
   * Never acknowledge, so the band keeps everything: for a sync into this
   * browser's outbox while the server is out of reach.
   */
  keepOnBand?: boolean;
}

/** Records battery, device info and band time, then fetches and uploads history from the server's cursor. */
export async function runSync(
  band: SyncBand,
  server: SyncServer,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const facts = await recordFacts(band, server, now);
  const { tzQuarterHours } = facts;
  const cursor = await server.getCursor();
  const since = cursor ??
    floorMinute(started) - FIRST_SYNC_DAYS * DAY_MINUTES * MINUTE_MS;
  let last = describeProgress(since, since, started, now(), 0);
  options.onProgress?.(last);
  const fetched = await band.fetchActivity({
    since,
    // The zone read with the band time above: the fetch need not read the clock again.
    tzQuarterHours,
    signal: options.signal,
    now,
    keepOnBand: options.keepOnBand,
    persist: (batch) => server.uploadBatch(batch),
    onProgress: (p) => {
      last = describeProgress(since, p.nextSince, started, now(), p.samples);
      options.onProgress?.(last);
    },
  });
  const notes: string[] = [];
  let workoutsDone = 0;
  if (options.keepOnBand) {
    // A sync into the outbox leaves the workouts on the band for a sync online.
    notes.push("Workouts stay on the band until a sync reaches the server");
  } else {
    try {
      workoutsDone = await syncWorkouts(band, server, {
        // Not the minutes' cursor: a band synced before workouts were kept still has them.
        firstSince: floorMinute(started) -
          FIRST_SYNC_DAYS * DAY_MINUTES * MINUTE_MS,
        tzQuarterHours,
        signal: options.signal,
        onStored: (count) => {
          workoutsDone = count;
          last = { ...last, workoutsDone: count };
          options.onProgress?.(last);
        },
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      notes.push(describeWorkoutFailure(error));
    }
  }
  const end = now();
  // An empty band leaves the cursor where it was; the bar still ends full.
  const result = describeProgress(
    since,
    fetched.nextSince,
    started,
    end,
    fetched.samples,
  );
  return {
    ...result,
    minutesLeft: 0,
    fraction: 1,
    workoutsDone,
    batches: fetched.batches,
    elapsedMs: end - started,
    notes,
    battery: facts.battery,
    deviceInfo: facts.deviceInfo,
  };
}

/** Computes the progress figures from where the sync began, where it is and the clock. */
export function describeProgress(
  since: number,
  cursor: number,
  started: number,
  now: number,
  minutesDone: number,
): SyncProgress {
  const total = Math.max(0, Math.floor((now - since) / MINUTE_MS));
  const left = Math.max(0, Math.floor((now - cursor) / MINUTE_MS));
  const seconds = (now - started) / 1000;
  return {
    minutesDone,
    daysDone: Math.floor(minutesDone / DAY_MINUTES),
    minutesLeft: left,
    fraction: total === 0
      ? 1
      : Math.min(1, Math.max(0, (total - left) / total)),
    minutesPerSecond: minutesDone > 0 && seconds > 0
      ? minutesDone / seconds
      : null,
    cursor,
    workoutsDone: 0,
  };
}

/** Words for the progress bar: "2 days of history stored · 1 h 30 min to go · about 5 sec left". */
export function formatProgress(
  progress: SyncProgress,
  locale = "en",
): string {
  const parts = [`${formatMinutes(progress.minutesDone)} of history stored`];
  if (progress.minutesLeft > 0) {
    parts.push(`${formatMinutes(progress.minutesLeft)} to go`);
    if (progress.minutesPerSecond !== null && progress.minutesPerSecond > 0) {
      const seconds = Math.ceil(
        progress.minutesLeft / progress.minutesPerSecond,
      );
      const unit = seconds < 90
        ? { value: seconds, unit: "second" }
        : { value: Math.ceil(seconds / 60), unit: "minute" };
      parts.push(
        `about ${
          new Intl.NumberFormat(locale, {
            style: "unit",
            unit: unit.unit,
            unitDisplay: "short",
          }).format(unit.value)
        } left`,
      );
    }
  } else {
    parts.push("up to date");
  }
  if (progress.workoutsDone > 0) {
    parts.push(`${formatWorkouts(progress.workoutsDone)} stored`);
  }
  return parts.join(" · ");
}

/** Formats a count of minutes as days, hours and minutes ("1 day 2 h", "45 min"). */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / DAY_MINUTES);
  const hours = Math.floor((minutes % DAY_MINUTES) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ${days === 1 ? "day" : "days"}`);
  if (hours > 0) parts.push(`${hours} h`);
  if (rest > 0 && days === 0) parts.push(`${rest} min`);
  return parts.length === 0 ? "0 min" : parts.join(" ");
}

/** Implements the server side of a sync over the typed API client. */
export function createApiSyncServer(
  client: ApiClient,
  bandId: string,
): SyncServer {
  return {
    async getCursor() {
      return (await client.getSync(bandId)).cursor;
    },
    async uploadBatch(batch) {
      await client.uploadSamples(bandId, [batch]);
    },
    async getLatestWorkout() {
      const [newest] = await client.listReadings<WorkoutReading>(
        bandId,
        "workouts",
        { limit: 1 },
      );
      return newest?.time ?? null;
    },
    async uploadWorkouts(workouts) {
      await client.addReadings(bandId, "workouts", workouts);
    },
    async recordBattery(reading) {
      await client.addReadings(bandId, "battery", [reading]);
    },
    async recordDeviceInfo(info) {
      await client.updateBand(bandId, info);
    },
    async recordBandTime(reading) {
      const driftSeconds = Math.round((reading.bandTime - reading.time) / 1000);
      const event: { time: number; type: string; detail: string } = {
        time: reading.time,
        type: "band_time",
        detail: `band clock ${
          driftSeconds >= 0 ? "+" : ""
        }${driftSeconds} s, zone ${formatZone(reading.tzQuarterHours)}`,
      };
      await client.addReadings(bandId, "band_events", [event]);
    },
  };
}

/** Formats a quarter-hour zone byte as "UTC+05:30". */
export function formatZone(tzQuarterHours: number): string {
  const minutes = Math.abs(tzQuarterHours) * 15;
  const sign = tzQuarterHours < 0 ? "-" : "+";
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

// Resolves to what was read, with the band's zone, which the workout fetch
// needs and would read again.
async function recordFacts(
  band: SyncBand,
  server: SyncServer,
  now: () => number,
): Promise<
  { battery: BatteryInfo; deviceInfo: DeviceInfo; tzQuarterHours: number }
> {
  const battery = await band.readBattery();
  await server.recordBattery({
    time: now(),
    level: battery.level,
    charging: battery.charging,
  });
  const info = await band.readDeviceInfo();
  await server.recordDeviceInfo({
    firmwareRevision: info.firmwareVersion,
    hardwareRevision: info.hardwareRevision,
  });
  const time = await band.readTime();
  await server.recordBandTime({
    time: now(),
    bandTime: time.epochMs,
    tzQuarterHours: time.tzQuarterHours,
  });
  return { battery, deviceInfo: info, tzQuarterHours: time.tzQuarterHours };
}

function describeWorkoutFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith("Cannot ")
    ? message
    : `Cannot sync workouts: ${message}`;
}

function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}
