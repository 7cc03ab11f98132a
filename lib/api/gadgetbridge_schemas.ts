// Wire shapes of the Gadgetbridge import: its query, its preview and its result.
import { z } from "zod";

/**
 * Largest Gadgetbridge upload, in bytes (512 MiB): years of minutes from a
 * phone's database with every other vendor's tables fit, and the file is
 * spooled to disk, never held in memory. A ZIP backup's unpacked database is
 * held to the same limit.
 */
export const GADGETBRIDGE_MAX_BYTES = 512 * 1024 * 1024;

/** Query of `POST /api/bands/:id/imports/gadgetbridge`: a preview, or one device's import. */
export const gadgetbridgeImportQuerySchema = z.union([
  z.object({ dryRun: z.literal("true") }).strict(),
  z.object({
    device: z.string().regex(
      /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/,
      "Use the device's MAC address, such as C8:0F:10:AA:BB:CC",
    ),
  }).strict(),
]);

/** One device found in a Gadgetbridge database. */
export interface GadgetbridgeDevicePreview {
  /** The device's MAC address, as Gadgetbridge stores it. */
  identifier: string;
  name: string;
  /** Gadgetbridge's device type: its enum name where known ("MIBAND4"), else "type <number>". */
  type: string;
  model: string | null;
  /** Whole-minute activity rows. */
  minutes: number;
  /** Steps in those rows. */
  steps: number;
  /** ISO instants of the first and last activity rows (null without any). */
  first: string | null;
  last: string | null;
}

/** Answer of a dry run. */
export interface GadgetbridgePreview {
  devices: GadgetbridgeDevicePreview[];
}

/** Answer of an import: what was new. */
export interface GadgetbridgeImportResult {
  /** Minutes stored that were not stored before. */
  minutes: number;
  /** Steps in those minutes. */
  steps: number;
  /** Whole-minute rows the band already held (stored minutes win). */
  unchanged: number;
  conflicting: number;
  heartRateReadings: number;
  batteryReadings: number;
  workouts: number;
}
