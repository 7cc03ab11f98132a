// Upload and query shapes of the activity endpoints.
import { z } from "zod";

/** Most minutes one upload request may carry (31 days keeps one atomic commit under KV's 800 KiB). */
export const MAX_UPLOAD_MINUTES = 31 * 1440;

/** Largest accepted upload body, in bytes. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;

/** Earliest instant accepted for a sample (the Mi Band 4 came out in 2019). */
export const EARLIEST_SAMPLE_MS = Date.UTC(2015, 0, 1);

/** One run of consecutive minutes in an upload. */
export const uploadBatchSchema = z.object({
  start: z.number().int().min(EARLIEST_SAMPLE_MS).refine(
    (t) => t % 60_000 === 0,
    "Start on a whole minute (epoch ms divisible by 60000)",
  ),
  utcOffsetMinutes: z.number().int().min(-12 * 60).max(14 * 60).refine(
    (m) => m % 15 === 0,
    "Use a whole number of quarter hours",
  ),
  /** Base64 of 4 bytes per minute (see lib/api/sample_data.ts). */
  data: z.string().min(4),
}).strict();

/** Body of `POST /api/bands/:id/samples`. */
export const uploadSamplesSchema = z.object({
  batches: z.array(uploadBatchSchema).min(1).max(100),
}).strict();

/** A decoded upload batch. */
export type UploadBatch = z.infer<typeof uploadBatchSchema>;

/** Answer of `POST /api/bands/:id/samples`. */
export interface UploadResponse {
  /** Minutes that were missing before and are stored now. */
  added: number;
  /** Minutes already stored with the same value. */
  unchanged: number;
  /** Minutes already stored with a different value (the stored value is kept). */
  conflicting: number;
  /** Every minute of the upload is now stored, from `storedFrom` up to but excluding `storedTo`. */
  storedFrom: number;
  storedTo: number;
  /** The band's sync cursor after the upload: the next minute to fetch. */
  cursor: number | null;
}

/** Answer of `GET /api/bands/:id/sync`. */
export interface SyncResponse {
  /** The next minute to fetch (epoch ms), or null before the first upload. */
  cursor: number | null;
  lastSyncAt: number | null;
}

/** A day query: `?day=YYYY-MM-DD`. */
export const dayQuerySchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD"),
});

/** A range query: `?from=YYYY-MM-DD&to=YYYY-MM-DD` (inclusive, up to 10 years). */
export const rangeQuerySchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD"),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD"),
});

/** One stored minute as the API shows it. */
export interface MinuteView {
  time: number;
  utcOffsetMinutes: number;
  kind: number;
  intensity: number;
  steps: number;
  heartRate: number;
}

/** Answer of `GET /api/bands/:id/minutes?day=`. */
export interface MinutesResponse {
  day: string;
  timeZone: string;
  start: number;
  end: number;
  /** Stored minutes in time order; minutes not listed are missing. */
  minutes: MinuteView[];
}

/** Heart-rate figures over a span; null when there was no reading. */
export interface HeartRateStats {
  min: number;
  mean: number;
  max: number;
}

/** One sleep session; it belongs to the local day on which it ends. */
export interface SleepSession {
  /** Local day ("YYYY-MM-DD") of the last sleeping minute, so a night crossing midnight counts for the morning. */
  day: string;
  /** Epoch ms of the first sleeping minute. */
  bedtime: number;
  /** Epoch ms just after the last sleeping minute. */
  wakeTime: number;
  /** Light plus deep minutes. */
  asleepMinutes: number;
  /** Minutes classed as light sleep. */
  lightMinutes: number;
  /** Minutes classed as deep sleep. */
  deepMinutes: number;
  /** Minutes between bedtime and wake time that were not sleep (awake, moving, off the wrist or missing). */
  awakeMinutes: number;
  /** Times the person was up between two sleeping stretches. */
  awakenings: number;
  /** True for a short daytime sleep (under three hours, starting and ending between 09:00 and 21:00 local). */
  nap: boolean;
}

/** Figures over one hour or one day, defined in lib/minute/day_figures.ts. */
export interface SummaryFigures {
  /** Minutes with a stored sample. */
  minutesRecorded: number;
  steps: number;
  /** Not recorded per minute by the band: always null for now. */
  distanceMeters: number | null;
  /** Not recorded per minute by the band: always null for now. */
  calories: number | null;
  /** Minutes classed active (running, cycling, or walking-type kinds with steps). */
  activeMinutes: number;
  /** Minutes on the wrist: asleep, awake, active or idle. */
  wornMinutes: number;
  /** An hour: its minutes classed light sleep. A day: light sleep of the sessions ending that day. */
  lightSleepMinutes: number;
  /** An hour: its minutes classed deep sleep. A day: deep sleep of the sessions ending that day. */
  deepSleepMinutes: number;
  heartRate: HeartRateStats | null;
}

/** One local hour of a day. */
export interface HourSummary extends SummaryFigures {
  start: number;
}

/** One local day. */
export interface DaySummary extends SummaryFigures {
  day: string;
  start: number;
  end: number;
  /** Mean of the lowest tenth (at least 5) of readings in minutes without steps; null under 5 such readings. */
  restingHeartRate: number | null;
  /** Sleep sessions ending that day, earliest first. */
  sleep: SleepSession[];
}

/** Answer of `GET /api/bands/:id/summaries/hourly?day=`. */
export interface HourlyResponse {
  day: string;
  timeZone: string;
  hours: HourSummary[];
}

/** Answer of `GET /api/bands/:id/summaries/daily?from=&to=`. */
export interface DailyResponse {
  timeZone: string;
  days: DaySummary[];
}
