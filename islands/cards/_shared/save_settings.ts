// Cards remember what they wrote to the band on the server, because the band
// cannot report most settings back.
import { ApiClient } from "../../../lib/api/client.ts";
import type { BandSettings } from "../../../lib/api/band_schemas.ts";

/** Saves settings sections for a band; resolves to the stored settings. */
export function saveBandSettings(
  bandId: string,
  csrfToken: string,
  change: BandSettings,
): Promise<BandSettings> {
  return new ApiClient({ csrfToken }).updateBandSettings(bandId, change);
}
