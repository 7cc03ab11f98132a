// Text formats of the history page that Intl has no word for.

/** Formats metres as "850 m" or "5.25 km", with the locale's digits. */
export function formatDistance(meters: number, locale: string): string {
  return meters < 1000
    ? `${Math.round(meters).toLocaleString(locale)} m`
    : `${
      (meters / 1000).toLocaleString(locale, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      })
    } km`;
}
