// The person's formatting locale, read from the browser's Accept-Language. The
// interface speaks English, so the locale is English with the person's region:
// de-DE gives en-DE ("21.585", "30 Nov 2026, 07:52"), en-US stays en-US
// ("21,585", "Nov 30, 2026, 7:52 AM"). British English when nothing fits.

/** The locale used when the browser names none Intl supports. */
export const DEFAULT_LOCALE = "en-GB";

/** Picks the formatting locale for an `Accept-Language` header (q-values respected). */
export function pickLocale(acceptLanguage: string | null | undefined): string {
  const tags = (acceptLanguage ?? "").split(",").map((part, index) => {
    const [tag, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
  }).filter((t) => t.tag && t.tag !== "*" && t.q > 0 && t.tag.length <= 35)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (!region) continue;
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([
        `en-${region}`,
      ]);
      if (supported) return supported;
    } catch {
      // Not a well-formed language tag: try the next one.
    }
  }
  return DEFAULT_LOCALE;
}
