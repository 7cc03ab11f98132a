// A band as the API lists it, for the offline tests.
import type { BandSettings, PublicBand } from "../../lib/api/band_schemas.ts";

/** A plain Mi Band 4 with this id, settings and creation time. */
export function publicBand(
  id: string,
  options: { settings?: BandSettings; createdAt: number },
): PublicBand {
  return {
    id,
    name: `Band ${id}`,
    mac: "D1:C5:15:51:03:89",
    model: "Mi Smart Band 4",
    firmwareRevision: null,
    hardwareRevision: null,
    lastBattery: null,
    lastSyncAt: null,
    settings: options.settings ?? {},
    createdAt: options.createdAt,
    virtual: false,
  };
}
