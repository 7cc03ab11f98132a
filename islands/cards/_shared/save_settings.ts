// Cards remember what they wrote to the band on the server, because the band
// cannot report most settings back. With the server out of reach and the band
// kept for offline use, the change waits in this browser instead.
import { ApiClient } from "../../../lib/api/client.ts";
import {
  offlineKept,
  queuedChanges,
} from "../../../lib/state/offline_signals.ts";
import { saveSettingsChange } from "../../../lib/state/offline_band.ts";
import type {
  BandSettings,
  BandSettingsPatch,
} from "../../../lib/api/band_schemas.ts";

let waitingSaves = 0;

/** How many saves so far ended waiting in this browser for the server (the cards' notes say so). */
export function countWaitingSaves(): number {
  return waitingSaves;
}

/** Saves settings sections for a band; resolves to the settings as now known. */
export async function saveBandSettings(
  bandId: string,
  csrfToken: string,
  change: BandSettingsPatch,
): Promise<BandSettings> {
  const api = new ApiClient({ csrfToken });
  if (offlineKept.peek() === false) {
    return await api.updateBandSettings(bandId, change);
  }
  const settings = await saveSettingsChange(api, {
    bandId,
    patch: change,
    now: Date.now,
  });
  if (queuedChanges.peek() > 0) waitingSaves++;
  return settings;
}
