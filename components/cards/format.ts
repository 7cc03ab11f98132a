// Words and numbers for people on the band page: every date, time, number and
// unit goes through Intl in the person's locale and time zone (pure, so the
// server render and the browser agree when given the same locale and zone).

/** The person's locale and time zone, as the page was rendered for them. */
export interface Locality {
  /** BCP 47 tag, e.g. "en-GB". */
  locale: string;
  /** IANA zone, e.g. "Europe/Paris". */
  timeZone: string;
}

/** Picks the first supported locale of an Accept-Language header, else "en". */
export function pickLocale(header: string | null): string {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0].trim();
    if (tag === "" || tag === "*") continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (
        canonical &&
        Intl.NumberFormat.supportedLocalesOf(canonical).length > 0
      ) return canonical;
    } catch {
      // A malformed tag is skipped like an unsupported one.
    }
  }
  return "en";
}

/** A whole number with the locale's grouping ("12,345", "12 345"). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(
    value,
  );
}

/** A percentage from a 0–100 value ("42 %", "42%"). */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent" }).format(
    value / 100,
  );
}

/** A distance in kilometres from metres ("3.42 km"). */
export function formatDistance(meters: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "kilometer",
    maximumFractionDigits: 2,
  }).format(meters / 1000);
}

/** Kilocalories ("321 kcal"); Intl has no calorie unit, so the symbol is fixed. */
export function formatCalories(kcal: number, locale: string): string {
  return `${formatNumber(kcal, locale)} kcal`;
}

/** Beats per minute ("62 bpm"). */
export function formatBpm(bpm: number, locale: string): string {
  return `${formatNumber(bpm, locale)} bpm`;
}

/** A duration in hours and minutes ("7 hr 32 min", "45 min"). */
export function formatDuration(minutes: number, locale: string): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const unit = (value: number, u: "hour" | "minute") =>
    new Intl.NumberFormat(locale, {
      style: "unit",
      unit: u,
      unitDisplay: "short",
    }).format(value);
  if (hours === 0) return unit(rest, "minute");
  return rest === 0
    ? unit(hours, "hour")
    : `${unit(hours, "hour")} ${unit(rest, "minute")}`;
}

/** A date and time in the person's zone ("30 Nov 2026, 07:05"). */
export function formatDateTime(ms: number, where: Locality): string {
  return new Intl.DateTimeFormat(where.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: where.timeZone,
  }).format(ms);
}

/** A time of day in the person's zone ("07:05", "7:05 AM"). */
export function formatTime(ms: number, where: Locality): string {
  return new Intl.DateTimeFormat(where.locale, {
    timeStyle: "short",
    timeZone: where.timeZone,
  }).format(ms);
}

/** A wall-clock time of day, with no date or zone ("6:45 AM", "06:45"). */
export function formatClockTime(
  hour: number,
  minute: number,
  locale: string,
): string {
  return new Intl.DateTimeFormat(locale, {
    timeStyle: "short",
    timeZone: "UTC",
  }).format(Date.UTC(2024, 0, 1, hour, minute));
}

/** A language code like "en_US" as people say it ("English (US)"), in the person's locale. */
export function formatLanguage(code: string, locale: string): string {
  const tag = code.replace("_", "-");
  try {
    const names = new Intl.DisplayNames([locale], {
      type: "language",
      languageDisplay: "standard",
      style: "short",
    });
    return names.of(tag) ?? code;
  } catch {
    return code;
  }
}

/**
 * One line on today's steps when the band's live counter and the server's
 * synced figure differ, else null: the band counts minutes the server has not
 * received yet, and they arrive with the next sync.
 */
export function describeStepsGap(
  live: number,
  synced: number,
  locale: string,
): string | null {
  if (live === synced) return null;
  if (live > synced) {
    return `The band counts ${formatNumber(live, locale)} steps; ${
      formatNumber(synced, locale)
    } are synced so far: the rest arrive at the next sync`;
  }
  // The band's counter restarts at its own midnight and after a reset.
  return `The band counts ${formatNumber(live, locale)} steps; ${
    formatNumber(synced, locale)
  } are synced: the band's counter restarted since those minutes`;
}
