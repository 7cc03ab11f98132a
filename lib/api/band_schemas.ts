// Request bodies and answers of the band endpoints. The auth key appears only
// in `createBandSchema` and `BandKeyResponse` (and in a takeout's band line when
// asked for, lib/api/takeout_schemas.ts); everything else uses `PublicBand`.
import { z } from "zod";
import { AUTH_KEY_PATTERN, MAC_PATTERN, stripAuthKey } from "./band_fields.ts";

/** A Bluetooth MAC address, `AA:BB:CC:DD:EE:FF` (either case). */
export const macSchema = z.string().regex(
  MAC_PATTERN,
  "Use the form AA:BB:CC:DD:EE:FF",
).transform((mac) => mac.toUpperCase());

/** The band's 16-byte auth key as 32 hex digits (an optional `0x` is dropped). */
export const authKeySchema = z.string().transform(stripAuthKey).pipe(
  z.string().regex(AUTH_KEY_PATTERN, "Use 32 hexadecimal digits"),
);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM");

const alarmsSchema = z.array(
  z.object({
    index: z.number().int().min(0).max(9),
    enabled: z.boolean(),
    hour: z.number().int().min(0).max(23),
    minute: z.number().int().min(0).max(59),
    /** Bit 0 = Monday … bit 6 = Sunday; 0 = once. */
    days: z.number().int().min(0).max(127),
    smart: z.boolean().default(false),
  }).strict(),
).max(10);

const remindersSchema = z.array(
  z.object({
    slot: z.number().int().min(0).max(21),
    /** Band-local start, minute precision. */
    start: z.string().regex(
      /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/,
      "Use YYYY-MM-DDTHH:MM",
    ),
    repeat: z.enum(["once", "weekly", "monthly", "yearly"]),
    /** Bit 0 = Monday … bit 6 = Sunday, for a weekly repeat. */
    days: z.number().int().min(0).max(127),
    text: z.string().max(64),
  }).strict(),
).max(22);

const idleAlertsShape = {
  enabled: z.boolean(),
  start: hhmm,
  end: hhmm,
  dnd: z.object({ start: hhmm, end: hhmm }).strict().nullable(),
};

const goalShape = {
  steps: z.number().int().min(1).max(100_000),
  notify: z.boolean(),
};

const displayShape = {
  items: z.array(z.string().max(32)).max(20),
  shortcuts: z.array(z.string().max(32)).max(4),
};

/** Most settings the `general` section holds (the band has about twenty). */
export const MAX_GENERAL_SETTINGS = 64;

const generalSchema = z.record(
  z.string().regex(
    /^[A-Za-z0-9_.-]{1,64}$/,
    "Use 1 to 64 letters, digits, dots, dashes or underscores",
  ),
  z.union([z.boolean(), z.number(), z.string().max(64)]),
).refine(
  (general) => Object.keys(general).length <= MAX_GENERAL_SETTINGS,
  `Keep at most ${MAX_GENERAL_SETTINGS} general settings`,
);

const weatherLocationSchema = z.object({
  name: z.string().max(100),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
}).strict().nullable();

/** Settings last written to the band from the app (the band cannot report most of them back). */
export const bandSettingsSchema = z.object({
  alarms: alarmsSchema,
  reminders: remindersSchema,
  idleAlerts: z.object({
    ...idleAlertsShape,
    dnd: idleAlertsShape.dnd.default(null),
  }).strict(),
  goal: z.object(goalShape).strict(),
  display: z.object({
    ...displayShape,
    shortcuts: displayShape.shortcuts.default([]),
  }).strict(),
  general: generalSchema,
  weatherLocation: weatherLocationSchema,
}).partial().strict();

/**
 * Body of `PATCH /api/bands/:id/settings`: object sections may carry only some
 * fields (no defaults, so an unsent field never overwrites a stored one), while
 * arrays and `weatherLocation` come whole.
 */
export const bandSettingsPatchSchema = z.object({
  alarms: alarmsSchema,
  reminders: remindersSchema,
  idleAlerts: z.object(idleAlertsShape).partial().strict(),
  goal: z.object(goalShape).partial().strict(),
  display: z.object(displayShape).partial().strict(),
  general: generalSchema,
  weatherLocation: weatherLocationSchema,
}).partial().strict();

/** A settings change: any sections, object sections with any of their fields. */
export type BandSettingsPatch = z.infer<typeof bandSettingsPatchSchema>;

// The merge rule has its own zod-free module, so the browser's offline copy can
// apply it without loading the schemas.
export { mergeBandSettings } from "./settings_merge.ts";

/** One reminder as the app last wrote it to a band slot. */
export type StoredReminder = z.infer<typeof remindersSchema>[number];

/** Band settings, each section optional until first written. */
export type BandSettings = z.infer<typeof bandSettingsSchema>;

const revision = z.string().max(32).nullable();

/** Body of `POST /api/bands`. */
export const createBandSchema = z.object({
  name: z.string().trim().min(1).max(60),
  mac: macSchema,
  authKey: authKeySchema,
  model: z.string().max(40).default("Mi Smart Band 4"),
  firmwareRevision: revision.default(null),
  hardwareRevision: revision.default(null),
}).strict();

/** Body of `PATCH /api/bands/:id`: facts the browser learned from the band. */
export const updateBandSchema = z.object({
  name: z.string().trim().min(1).max(60),
  authKey: authKeySchema,
  model: z.string().max(40),
  firmwareRevision: revision,
  hardwareRevision: revision,
}).partial().strict();

/** A band as the API shows it to its owner, without the auth key. */
export interface PublicBand {
  id: string;
  name: string;
  mac: string;
  model: string;
  firmwareRevision: string | null;
  hardwareRevision: string | null;
  lastBattery: { level: number; charging: boolean; time: number } | null;
  /** Epoch ms of the last successful sample upload. */
  lastSyncAt: number | null;
  settings: BandSettings;
  createdAt: number;
  /** True for a band backed by the in-page simulator. */
  virtual: boolean;
}

/** Answer of `GET /api/bands/:id/key`. */
export interface BandKeyResponse {
  authKey: string;
}
