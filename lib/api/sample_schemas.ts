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

/** Figures over one hour or one day. */
export interface SummaryFigures {
  /** Minutes with a stored sample. */
  minutesRecorded: number;
  steps: number;
  /** Not recorded per minute by the band: always null for now. */
  distanceMeters: number | null;
  /** Not recorded per minute by the band: always null for now. */
  calories: number | null;
  activeMinutes: number;
  wornMinutes: number;
  lightSleepMinutes: number;
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
  /** Resting heart-rate estimate: 10th percentile of readings, null under 10 readings. */
  restingHeartRate: number | null;
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
