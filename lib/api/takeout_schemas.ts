// The takeout archive's lines (docs/takeout.md): a ZIP of JSON Lines, one file
// per band and kind, and a manifest written last with each file's line count.
// Readers validate every line against these schemas before anything is stored.
import { z } from "zod";
import {
  authKeySchema,
  bandSettingsSchema,
  macSchema,
} from "./band_schemas.ts";
import {
  bandEventSchema,
  batteryReadingSchema,
  heartRateReadingSchema,
  workoutSchema,
} from "./reading_schemas.ts";
import { EARLIEST_SAMPLE_MS } from "./sample_schemas.ts";

/** The format name in every takeout's manifest. */
export const TAKEOUT_FORMAT = "band-web-takeout";

/** The newest takeout format version this code writes and reads. */
export const TAKEOUT_VERSION = 1;

/**
 * Largest takeout upload, in bytes (512 MiB): ten years of minutes compress to
 * well under this; the upload is spooled to disk, never held in memory.
 */
export const TAKEOUT_MAX_BYTES = 512 * 1024 * 1024;

/** Most bytes a takeout may unpack to (4 GiB), so a ZIP bomb stops early. */
export const TAKEOUT_MAX_UNPACKED_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * Most bands one archive may hold (a person has a few): past this a restore is
 * refused before any is added, so an archive of a million band lines cannot
 * fill memory or add a million bands.
 */
export const TAKEOUT_MAX_BANDS = 1000;

/**
 * Most entries (files and folders) one archive may hold: three files and a
 * folder per band, the three documents and the `bands/` folder.
 */
export const TAKEOUT_MAX_ENTRIES = 4 * TAKEOUT_MAX_BANDS + 4;

/** Longest `manifest.json` or `profile.json`, in characters (a manifest of every band's files is far less). */
export const TAKEOUT_MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

/** Longest line in a takeout file, in characters. */
export const TAKEOUT_MAX_LINE_CHARS = 64 * 1024;

/** One file the manifest lists, with its number of JSON lines. */
export const takeoutFileSchema = z.object({
  name: z.string().max(200),
  lines: z.number().int().min(0),
}).strict();

/** `manifest.json`: what the archive is and what it holds. */
export const takeoutManifestSchema = z.object({
  format: z.literal(TAKEOUT_FORMAT),
  version: z.number().int().min(1),
  createdAt: z.string().datetime(),
  username: z.string().max(64),
  includesAuthKeys: z.boolean(),
  files: z.array(takeoutFileSchema).max(10_000),
}).strict();

/** The manifest of a takeout archive. */
export type TakeoutManifest = z.infer<typeof takeoutManifestSchema>;

/** The archive's band id: the folder of its files, nothing more. */
export const takeoutBandIdSchema = z.string().regex(
  /^[0-9a-f-]{36}$/,
  "Use the band's id as the archive names it",
);

/** One line of `bands.jsonl`: a band with its settings, its auth key only when asked for. */
export const takeoutBandSchema = z.object({
  id: takeoutBandIdSchema,
  name: z.string().trim().min(1).max(60),
  mac: macSchema,
  model: z.string().max(40),
  firmwareRevision: z.string().max(32).nullable(),
  hardwareRevision: z.string().max(32).nullable(),
  lastBattery: z.object({
    level: z.number().int().min(0).max(100),
    charging: z.boolean(),
    time: z.number().int().min(0),
  }).strict().nullable(),
  lastSyncAt: z.number().int().min(0).nullable(),
  settings: bandSettingsSchema,
  createdAt: z.number().int().min(0),
  virtual: z.boolean(),
  authKey: authKeySchema.optional(),
}).strict();

/** A band as the archive holds it. */
export type TakeoutBand = z.infer<typeof takeoutBandSchema>;

const byte = z.number().int().min(0).max(0xff);

/** One line of `bands/<id>/minutes.jsonl`: a stored minute with the band's UTC offset then. */
export const takeoutMinuteSchema = z.object({
  time: z.number().int().min(EARLIEST_SAMPLE_MS).refine(
    (t) => t % 60_000 === 0,
    "Use a whole minute",
  ),
  utcOffsetMinutes: z.number().int().min(-12 * 60).max(14 * 60),
  kind: byte,
  intensity: byte,
  steps: byte,
  heartRate: byte,
}).strict();

/** A minute as the archive holds it. */
export type TakeoutMinute = z.infer<typeof takeoutMinuteSchema>;

const MINUTE_FIELDS = 6;

function isByte(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 &&
    (value as number) <= 0xff;
}

/**
 * Tells whether a value is what `takeoutMinuteSchema` accepts, without zod:
 * a year holds 525,600 minutes, and zod would be most of a restore's time.
 * Callers ask the schema only for the message of a refused line.
 */
export function isTakeoutMinute(value: unknown): value is TakeoutMinute {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const m = value as Record<string, unknown>;
  let fields = 0;
  for (const _ in m) fields++;
  const time = m.time as number, offset = m.utcOffsetMinutes as number;
  return fields === MINUTE_FIELDS && Number.isInteger(time) &&
    time >= EARLIEST_SAMPLE_MS && time % 60_000 === 0 &&
    Number.isInteger(offset) && offset >= -12 * 60 && offset <= 14 * 60 &&
    isByte(m.kind) && isByte(m.intensity) && isByte(m.steps) &&
    isByte(m.heartRate);
}

/** One line of `bands/<id>/readings.jsonl`: a reading tagged with its family. */
export const takeoutReadingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("heart_rate"), ...heartRateReadingSchema.shape })
    .strict(),
  z.object({ kind: z.literal("battery"), ...batteryReadingSchema.shape })
    .strict(),
  z.object({ kind: z.literal("band_events"), ...bandEventSchema.shape })
    .strict(),
]);

/** A reading as the archive holds it. */
export type TakeoutReading = z.infer<typeof takeoutReadingSchema>;

/** One line of `bands/<id>/workouts.jsonl`: a workout summary as the API stores it. */
export const takeoutWorkoutSchema = workoutSchema;

/** What a restore did to one band of the archive. */
export interface TakeoutRestoreBand {
  name: string;
  mac: string;
  /** True when the band was created; false when an existing band of the same MAC received the history. */
  created: boolean;
  minutes: number;
  readings: number;
  workouts: number;
}

/** Answer of `POST /api/me/restore`. */
export interface TakeoutRestoreResult {
  bands: TakeoutRestoreBand[];
}

/** Query of `GET /api/me/takeout`: `keys=1` adds the bands' auth keys (a signed-in session only). */
export const takeoutQuerySchema = z.object({
  keys: z.enum(["0", "1"]).default("0"),
}).strict();
