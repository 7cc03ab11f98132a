// The web app manifest (pure, so tests and the route ask the same code): the
// app's name, colours and icons, and its shortcuts. A signed-in person's
// manifest adds one shortcut per band (its page), so the installed app's icon
// menu opens a band directly; everyone else gets the generic manifest. Band
// names are the person's own data: the route serves this privately, and each
// name is limited here (the answer is JSON, so JSON.stringify escapes it).

/** URL path the manifest is served at (the `<link rel="manifest">` target). */
export const MANIFEST_PATH = "/manifest.webmanifest";

/** The manifest's media type. */
export const MANIFEST_CONTENT_TYPE = "application/manifest+json";

/**
 * Most bands listed as shortcuts. Chrome shows up to 10 shortcuts on desktop
 * (fewer on Android), so 8 bands plus "Your bands" and "Add a band" all fit.
 */
export const MAX_BAND_SHORTCUTS = 8;

/** Longest band name a shortcut carries, in characters (the API's own limit). */
export const MAX_SHORTCUT_NAME = 60;

/** A band as a shortcut needs it. */
export interface ShortcutBand {
  id: string;
  name: string;
}

/** One entry of the manifest's `shortcuts`. */
export interface ManifestShortcut {
  name: string;
  short_name?: string;
  url: string;
  icons: { src: string; sizes: string; type: string }[];
}

const SHORTCUT_ICONS = [
  { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
];

const GENERIC_SHORTCUTS: readonly ManifestShortcut[] = [
  { name: "Your bands", short_name: "Bands", url: "/", icons: SHORTCUT_ICONS },
  {
    name: "Add a band",
    short_name: "Add",
    url: "/devices/new",
    icons: SHORTCUT_ICONS,
  },
];

/**
 * Builds the manifest: the generic one without bands, otherwise one shortcut
 * per band (the first {@link MAX_BAND_SHORTCUTS}, in the order given) before
 * the generic shortcuts.
 */
export function buildManifest(
  bands: readonly ShortcutBand[] = [],
): Record<string, unknown> {
  const bandShortcuts = bands.slice(0, MAX_BAND_SHORTCUTS).map(
    (band): ManifestShortcut => ({
      name: limitShortcutName(band.name),
      url: `/devices/${encodeURIComponent(band.id)}`,
      icons: SHORTCUT_ICONS,
    }),
  );
  return {
    id: "/",
    name: "Band Web",
    short_name: "Band Web",
    description:
      "Your Mi Smart Band 4, its settings and its history, on your own server.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f6f7f9",
    theme_color: "#0b6e4f",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
    shortcuts: [...bandShortcuts, ...GENERIC_SHORTCUTS],
  };
}

/**
 * Limits a band name for a shortcut: control characters become spaces, runs of
 * space collapse, and the name is cut to {@link MAX_SHORTCUT_NAME} characters
 * (whole code points); an empty result reads "Band".
 */
export function limitShortcutName(name: string): string {
  // deno-lint-ignore no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
    .replace(/\s+/g, " ").trim();
  const cut = [...clean].slice(0, MAX_SHORTCUT_NAME).join("").trim();
  return cut === "" ? "Band" : cut;
}
