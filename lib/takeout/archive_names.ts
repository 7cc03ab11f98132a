// The names of a takeout archive's files (docs/takeout.md), built and parsed
// here only, so the writer and the reader cannot disagree.

/** The manifest, written last so it can count every other file's lines. */
export const MANIFEST_NAME = "manifest.json";

/** The person's profile (no password hash, no credentials). */
export const PROFILE_NAME = "profile.json";

/** One line per band. */
export const BANDS_NAME = "bands.jsonl";

/** The per-band files, one of each for every band. */
export const BAND_FILES = ["minutes", "readings", "workouts"] as const;

/** Which per-band file a name is. */
export type BandFileKind = typeof BAND_FILES[number];

/** Name of one per-band file: `bands/<id>/<kind>.jsonl`. */
export function bandFileName(bandId: string, kind: BandFileKind): string {
  return `bands/${bandId}/${kind}.jsonl`;
}

const BAND_FILE =
  /^bands\/([0-9a-f-]{36})\/(minutes|readings|workouts)\.jsonl$/;

/** Reads a per-band file's name; null for any other name. */
export function parseBandFileName(
  name: string,
): { bandId: string; kind: BandFileKind } | null {
  const match = BAND_FILE.exec(name);
  return match === null
    ? null
    : { bandId: match[1], kind: match[2] as BandFileKind };
}

/**
 * Whether an entry is what macOS adds when it zips files again (`__MACOSX/`
 * resource forks, `.DS_Store`): a restore skips these unread.
 */
export function isMacClutter(name: string): boolean {
  return name.startsWith("__MACOSX/") || name === ".DS_Store" ||
    name.endsWith("/.DS_Store");
}
