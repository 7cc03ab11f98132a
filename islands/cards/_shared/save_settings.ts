// Cards remember what they wrote to the band on the server, because the band
// cannot report most settings back. With the server out of reach and the band
// kept for offline use, the change waits in this browser instead (the offline
// code loads only when a card saves).
import { ApiClient } from "../../../lib/api/client.ts";
import type {
  BandSettings,
  BandSettingsPatch,
} from "../../../lib/api/band_schemas.ts";

/** Saves settings sections for a band; resolves to the settings as now known. */
export async function saveBandSettings(
  bandId: string,
  csrfToken: string,
  change: BandSettingsPatch,
): Promise<BandSettings> {
  const { saveSettingsChange } = await import(
    "../../../lib/state/offline_band.ts"
  );
  return await saveSettingsChange(new ApiClient({ csrfToken }), {
    bandId,
    patch: change,
    now: Date.now,
  });
}
