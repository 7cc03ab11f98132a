// What a Gadgetbridge database holds, per device with Mi Band samples: the
// dry run's answer, so a person picks which device to import into which band.
import type { GadgetbridgeDevicePreview } from "../api/gadgetbridge_schemas.ts";
import { asInputError, type GadgetbridgeDatabase } from "./open_database.ts";
import { HUAMI_TYPE_NAMES } from "./schema.ts";

// A whole-minute activity row (realtime readings sit between minutes or carry
// RAW_INTENSITY = -1); see read_device.ts for the same rule row by row.
const MINUTE_ROW = `TIMESTAMP % 60 = 0 AND RAW_INTENSITY >= 0`;

/** Names a device's type: the stored enum name, a known Huami key's name, or "type <n>". */
export function nameDeviceType(type: unknown, typeName: unknown): string {
  if (typeof typeName === "string" && typeName !== "") return typeName;
  const key = Number(type);
  return HUAMI_TYPE_NAMES[key] ?? `type ${key}`;
}

function toIso(seconds: unknown): string | null {
  const ms = Number(seconds) * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
    ? new Date(ms).toISOString()
    : null;
}

/** Lists the devices that have rows in MI_BAND_ACTIVITY_SAMPLE, with their minute counts and span. */
export function previewDevices(
  gb: GadgetbridgeDatabase,
): GadgetbridgeDevicePreview[] {
  try {
    const rows = gb.db.prepare(
      `SELECT d."_id" AS id, d.NAME AS name, d.IDENTIFIER AS identifier,
        d.TYPE AS type, ${gb.hasTypeName ? "d.TYPE_NAME" : "NULL"} AS typeName,
        d.MODEL AS model,
        (SELECT COUNT(*) FROM MI_BAND_ACTIVITY_SAMPLE s
          WHERE s.DEVICE_ID = d."_id" AND ${MINUTE_ROW}) AS minutes,
        (SELECT TOTAL(CASE WHEN STEPS BETWEEN 0 AND 255 THEN STEPS ELSE 0 END)
          FROM MI_BAND_ACTIVITY_SAMPLE s
          WHERE s.DEVICE_ID = d."_id" AND ${MINUTE_ROW}) AS steps,
        (SELECT MIN(TIMESTAMP) FROM MI_BAND_ACTIVITY_SAMPLE s
          WHERE s.DEVICE_ID = d."_id" AND ${MINUTE_ROW}) AS first,
        (SELECT MAX(TIMESTAMP) FROM MI_BAND_ACTIVITY_SAMPLE s
          WHERE s.DEVICE_ID = d."_id" AND ${MINUTE_ROW}) AS last
      FROM DEVICE d
      WHERE EXISTS (SELECT 1 FROM MI_BAND_ACTIVITY_SAMPLE s WHERE s.DEVICE_ID = d."_id")
      ORDER BY d."_id"`,
    ).all() as Record<string, unknown>[];
    return rows.map((r) => ({
      identifier: String(r.identifier),
      name: String(r.name),
      type: nameDeviceType(r.type, r.typeName),
      model: r.model === null ? null : String(r.model),
      minutes: Number(r.minutes),
      steps: Number(r.steps),
      first: r.first === null ? null : toIso(r.first),
      last: r.last === null ? null : toIso(r.last),
    }));
  } catch (error) {
    throw asInputError(error);
  }
}
