// Request bodies and answers of the band endpoints. The auth key appears only
// in `createBandSchema` and `BandKeyResponse`; everything else uses `PublicBand`.
import { z } from "zod";

/** A Bluetooth MAC address, `AA:BB:CC:DD:EE:FF` (either case). */
export const macSchema = z.string().regex(
  /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/,
  "Use the form AA:BB:CC:DD:EE:FF",
).transform((mac) => mac.toUpperCase());

/** The band's 16-byte auth key as 32 hex digits (an optional `0x` is dropped). */
export const authKeySchema = z.string().transform((key) =>
  key.replace(/^0x/i, "").toLowerCase()
).pipe(z.string().regex(/^[0-9a-f]{32}$/, "Use 32 hexadecimal digits"));

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM");

/** Settings last written to the band from the app (the band cannot report most of them back). */
export const bandSettingsSchema = z.object({
  alarms: z.array(
    z.object({
      index: z.number().int().min(0).max(9),
      enabled: z.boolean(),
      hour: z.number().int().min(0).max(23),
      minute: z.number().int().min(0).max(59),
      /** Bit 0 = Monday … bit 6 = Sunday; 0 = once. */
      days: z.number().int().min(0).max(127),
      smart: z.boolean().default(false),
    }).strict(),
  ).max(10),
  idleAlerts: z.object({
    enabled: z.boolean(),
    start: hhmm,
    end: hhmm,
    dnd: z.object({ start: hhmm, end: hhmm }).strict().nullable().default(null),
  }).strict(),
  goal: z.object({
    steps: z.number().int().min(1).max(100_000),
    notify: z.boolean(),
  }).strict(),
  display: z.object({
    items: z.array(z.string().max(32)).max(20),
    shortcuts: z.array(z.string().max(32)).max(4).default([]),
  }).strict(),
  general: z.record(
    z.string().max(64),
    z.union([z.boolean(), z.number(), z.string().max(64)]),
  ),
  weatherLocation: z.object({
    name: z.string().max(100),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }).strict().nullable(),
}).partial().strict();

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
}

/** Answer of `GET /api/bands/:id/key`. */
export interface BandKeyResponse {
  authKey: string;
}
