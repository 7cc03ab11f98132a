// The documented export columns. Only the fields listed here leave the server,
// so nothing else a record may carry (such as a band's auth key) can be exported.

import type { ExportColumn } from "./export_stream.ts";
import { classifyMinute } from "../minute/minute_class.ts";

/** One raw minute as exported. */
export interface MinuteExportRow {
  /** Epoch ms (UTC) of the minute's start. */
  time: number;
  /** The band's UTC offset for the minute, minutes east of UTC. */
  utcOffsetMinutes: number;
  /** Raw kind byte as the band sent it. */
  rawKind: number;
  /** Normalised kind (lib/minute/kind.ts: low nibble, "same as before" resolved; -1 when nothing explicit in the day before). */
  kind: number;
  /** Raw movement intensity, 0–255. */
  intensity: number;
  /** Steps in the minute. */
  steps: number;
  /** Beats per minute, or null without a reading. */
  heartRate: number | null;
}

/** One day's summary as exported. */
export interface DailyExportRow {
  /** Local day, "YYYY-MM-DD". */
  day: string;
  /** Steps that day. */
  steps: number;
  /** Step goal in force that day, or null when unknown. */
  stepGoal: number | null;
  /** Active minutes. */
  activeMinutes: number;
  /** Minutes on the wrist. */
  wornMinutes: number;
  /** Minutes with data. */
  recordedMinutes: number;
  /** Minutes in the local day (1380, 1440 or 1500). */
  dayMinutes: number;
  /** Resting heart rate in bpm, or null. */
  restingHeartRate: number | null;
  /** Light sleep minutes of sessions ending that day. */
  lightSleepMinutes: number;
  /** Deep sleep minutes of sessions ending that day. */
  deepSleepMinutes: number;
}

/** Columns of the raw-minute export, documented in docs/exports.md. */
export const MINUTE_COLUMNS: readonly ExportColumn<MinuteExportRow>[] = [
  { name: "time_utc", read: (r) => new Date(r.time).toISOString() },
  { name: "utc_offset_min", read: (r) => r.utcOffsetMinutes },
  { name: "raw_kind", read: (r) => r.rawKind },
  { name: "kind", read: (r) => r.kind },
  { name: "class", read: (r) => classifyMinute(r.kind, r.steps) },
  { name: "intensity", read: (r) => r.intensity },
  { name: "steps", read: (r) => r.steps },
  { name: "heart_rate_bpm", read: (r) => r.heartRate },
];

/** Columns of the daily-summary export, documented in docs/exports.md. */
export const DAILY_COLUMNS: readonly ExportColumn<DailyExportRow>[] = [
  { name: "day", read: (r) => r.day },
  { name: "steps", read: (r) => r.steps },
  { name: "step_goal", read: (r) => r.stepGoal },
  { name: "active_min", read: (r) => r.activeMinutes },
  { name: "worn_min", read: (r) => r.wornMinutes },
  { name: "recorded_min", read: (r) => r.recordedMinutes },
  { name: "day_min", read: (r) => r.dayMinutes },
  { name: "resting_hr_bpm", read: (r) => r.restingHeartRate },
  { name: "sleep_light_min", read: (r) => r.lightSleepMinutes },
  { name: "sleep_deep_min", read: (r) => r.deepSleepMinutes },
];
