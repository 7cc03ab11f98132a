// Three cards (general settings, heart rate, band lock) write keys of the one
// `general` section. The server merges a PATCH into the stored section field by
// field, so each card sends only what it changed and no card wipes another's keys
// (nor another tab's).
import type { BandSettings } from "../../../lib/api/band_schemas.ts";
import { saveBandSettings } from "./save_settings.ts";

/** The `general` settings section: setting name to value. */
export type GeneralSettings = NonNullable<BandSettings["general"]>;

/** Saves `change` into the band's general section; resolves to the stored section. */
export async function saveGeneralSettings(
  bandId: string,
  csrfToken: string,
  options: { change: GeneralSettings },
): Promise<GeneralSettings> {
  const stored = await saveBandSettings(bandId, csrfToken, {
    general: options.change,
  });
  return stored.general ?? options.change;
}
