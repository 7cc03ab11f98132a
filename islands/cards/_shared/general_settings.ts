// Three cards (general settings, heart rate, band lock) write keys of the one
// `general` section, and the server replaces a section whole. Each save therefore
// merges into the latest section any card stored, not the page's initial props,
// or the last card to save would wipe the others' keys.
import type { BandSettings } from "../../../lib/api/band_schemas.ts";
import { saveBandSettings } from "./save_settings.ts";

/** The `general` settings section: setting name to value. */
export type GeneralSettings = NonNullable<BandSettings["general"]>;

let latest: GeneralSettings | null = null;

/** Saves `change` into the band's general section on top of what was stored last; resolves to the stored section. */
export async function saveGeneralSettings(
  bandId: string,
  csrfToken: string,
  options: { initial: GeneralSettings | undefined; change: GeneralSettings },
): Promise<GeneralSettings> {
  const merged = { ...(latest ?? options.initial ?? {}), ...options.change };
  const stored = await saveBandSettings(bandId, csrfToken, { general: merged });
  latest = stored.general ?? merged;
  return latest;
}
