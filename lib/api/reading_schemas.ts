// Per-band time series besides the minutes: battery readings, on-demand heart
// rate measurements, workout summaries and the band's event log.
import { z } from "zod";
import { EARLIEST_SAMPLE_MS } from "./sample_schemas.ts";

const instant = z.number().int().min(EARLIEST_SAMPLE_MS);

/** One battery reading. */
export const batteryReadingSchema = z.object({
  time: instant,
  level: z.number().int().min(0).max(100),
  charging: z.boolean(),
}).strict();

/** One on-demand heart-rate measurement. */
export const heartRateReadingSchema = z.object({
  time: instant,
  bpm: z.number().int().min(20).max(250),
}).strict();

/** One workout summary (`time` = start). */
export const workoutSchema = z.object({
  time: instant,
  end: instant,
  /** Huami sports activity type (§12). */
  type: z.number().int().min(0).max(0xffff),
  steps: z.number().int().min(0).nullable().default(null),
  distanceMeters: z.number().min(0).nullable().default(null),
  calories: z.number().min(0).nullable().default(null),
  averageHeartRate: z.number().int().min(0).max(255).nullable().default(null),
  maxHeartRate: z.number().int().min(0).max(255).nullable().default(null),
  /** The summary blob as the band sent it, base64 (at most 1 KiB decoded). */
  raw: z.string().max(1368).nullable().default(null),
}).strict().refine(
  (w) => w.end >= w.time,
  "A workout must end after it starts",
);

/** One entry of the band's event log. */
export const bandEventSchema = z.object({
  time: instant,
  type: z.string().regex(/^[a-z_]{1,32}$/),
  detail: z.string().max(200).nullable().default(null),
}).strict();

/** Schemas by the kind named in the URL. */
export const readingSchemas = {
  battery: batteryReadingSchema,
  heart_rate: heartRateReadingSchema,
  workouts: workoutSchema,
  band_events: bandEventSchema,
} as const;

/** A reading kind as named in `/api/bands/:id/readings/:kind`. */
export type ReadingKindName = keyof typeof readingSchemas;

/** Tells whether a URL segment names a reading kind. */
export function isReadingKind(kind: string): kind is ReadingKindName {
  return Object.hasOwn(readingSchemas, kind);
}

/** Body of `POST /api/bands/:id/readings/:kind`: up to 200 readings of that kind. */
export function buildReadingsBodySchema(kind: ReadingKindName) {
  return z.object({
    readings: z.array(readingSchemas[kind] as z.ZodType<{ time: number }>).min(
      1,
    ).max(200),
  }).strict();
}

/** Latest instant a date can hold (epoch ms), the default end of a readings range. */
const LAST_INSTANT_MS = 8.64e15;

/** Query of `GET /api/bands/:id/readings/:kind`: an epoch-ms range, newest first up to `limit`. */
export const readingsQuerySchema = z.object({
  from: z.coerce.number().int().min(0).max(LAST_INSTANT_MS).default(0),
  to: z.coerce.number().int().min(0).max(LAST_INSTANT_MS).default(
    LAST_INSTANT_MS,
  ),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
}).refine((q) => q.from <= q.to, {
  message: "`from` must not be after `to`",
  path: ["from"],
});
