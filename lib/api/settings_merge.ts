// How a settings change lands on stored settings: the one rule the server's
// PATCH and this browser's offline copy both apply. Types only from the
// schemas, so the browser loads no zod for it.
import type { BandSettings, BandSettingsPatch } from "./band_schemas.ts";

/** The sections merged field by field; every other section is replaced whole. */
export const MERGED_SECTIONS = [
  "idleAlerts",
  "goal",
  "display",
  "general",
] as const;

/**
 * Merges a change into stored settings: object sections field by field (a sent
 * field replaces the stored one, unsent fields stay), arrays and
 * `weatherLocation` replaced whole; the result still needs `bandSettingsSchema`
 * because a first partial write may leave a section incomplete.
 */
export function mergeBandSettings(
  stored: BandSettings,
  patch: BandSettingsPatch,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored, ...patch };
  for (const section of MERGED_SECTIONS) {
    const change = patch[section];
    if (change === undefined) continue;
    merged[section] = { ...stored[section], ...change };
  }
  return merged;
}
