/** Where a Chromium or Chrome executable lives: CHROME_PATH first, then the usual places. */
export function findChromium(
  chromePath: string | undefined,
): string | undefined {
  const candidates = chromePath ? [chromePath] : [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
  ];
  for (const path of candidates) {
    try {
      if (Deno.statSync(path).isFile) return path;
    } catch {
      // Not there; try the next one.
    }
  }
  return undefined;
}
