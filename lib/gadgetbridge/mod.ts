// Gadgetbridge import and export in one call per route: spool the upload, open
// it, answer a preview or import one device; or build the export; and always
// delete the temp file.
import type {
  GadgetbridgeImportResult,
  GadgetbridgePreview,
} from "../api/gadgetbridge_schemas.ts";
import { HttpError } from "../http/errors.ts";
import {
  type ExportSubject,
  streamTempFile,
  writeGadgetbridgeExport,
} from "./export_database.ts";
import { importDeviceHistory } from "./import_history.ts";
import {
  type GadgetbridgeDatabase,
  openGadgetbridgeDatabase,
} from "./open_database.ts";
import { previewDevices } from "./preview.ts";
import { findDeviceId, readDeviceHistory } from "./read_device.ts";
import { spoolUpload } from "./spool_upload.ts";
import { createSpoolFile, spoolGate } from "../http/spool_files.ts";

/** Options of `importGadgetbridgeUpload`. */
export interface ImportUploadOptions {
  /** The device's MAC in the file. */
  device: string;
  bandId: string;
  /** The band's owner: each commit checks the band still exists. */
  owner: string;
  timeZone: string;
  now: number;
  maxBytes: number;
}

async function withUploadedDatabase<T>(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  work: (gb: GadgetbridgeDatabase) => Promise<T>,
): Promise<T> {
  return await spoolGate.run("read a Gadgetbridge file", async () => {
    const path = await spoolUpload(body, maxBytes);
    try {
      const gb = await openGadgetbridgeDatabase(path);
      try {
        return await work(gb);
      } finally {
        gb.db.close();
      }
    } finally {
      await Deno.remove(path).catch(() => {});
    }
  });
}

/** Spools an uploaded Gadgetbridge database (or ZIP backup) and lists its devices. */
export function previewGadgetbridgeUpload(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<GadgetbridgePreview> {
  return withUploadedDatabase(
    body,
    maxBytes,
    (gb) => Promise.resolve({ devices: previewDevices(gb) }),
  );
}

/** Spools an uploaded Gadgetbridge database (or ZIP backup) and imports one device into a band. */
export function importGadgetbridgeUpload(
  kv: Deno.Kv,
  body: ReadableStream<Uint8Array> | null,
  options: ImportUploadOptions,
): Promise<GadgetbridgeImportResult> {
  return withUploadedDatabase(body, options.maxBytes, async (gb) => {
    const deviceId = findDeviceId(gb, options.device);
    if (deviceId === null) {
      throw new HttpError(
        404,
        "not_found",
        `Cannot import Gadgetbridge data: the database has no device ${options.device}`,
      );
    }
    const history = readDeviceHistory(gb, deviceId, options);
    return await importDeviceHistory(kv, options.bandId, history, options);
  });
}

/** Builds a band's Gadgetbridge database in a temp file and streams it; the file is deleted once sent. */
export async function exportGadgetbridgeDatabase(
  kv: Deno.Kv,
  subject: ExportSubject,
): Promise<{ body: ReadableStream<Uint8Array>; size: number }> {
  return await spoolGate.run("export to Gadgetbridge", async () => {
    const path = await createSpoolFile("gadgetbridge");
    try {
      // node:sqlite creates the database itself; an empty file is a valid start.
      await writeGadgetbridgeExport(kv, path, subject);
      return await streamTempFile(path);
    } catch (error) {
      await Deno.remove(path).catch(() => {});
      throw error;
    }
  });
}
