// WMO weather codes (as Open-Meteo reports them) to the Mi Band 4's condition
// codes (§19.2). We follow MB4W's table because it was drawn against the band's
// own icons; 99 (thunderstorm with heavy hail) is not in it and takes 96's icon.

/** A band condition code (§19.2), or "unknown" for a WMO code outside the table. */
export type BandCondition = number | "unknown";

const WMO_TO_BAND: Record<number, number> = {
  0: 0,
  1: 1,
  2: 1,
  3: 2,
  45: 18,
  48: 18,
  51: 7,
  53: 7,
  55: 8,
  61: 8,
  80: 8,
  56: 6,
  57: 6,
  66: 6,
  67: 6,
  63: 9,
  65: 12,
  81: 12,
  82: 10,
  71: 15,
  73: 16,
  86: 16,
  75: 17,
  77: 19,
  85: 14,
  95: 4,
  96: 5,
  99: 5,
};

const WMO_TEXT: Record<number, string> = {
  0: "Clear sky",
  1: "Mainly clear",
  2: "Partly cloudy",
  3: "Overcast",
  45: "Fog",
  48: "Rime fog",
  51: "Light drizzle",
  53: "Drizzle",
  55: "Dense drizzle",
  56: "Freezing drizzle",
  57: "Freezing drizzle",
  61: "Light rain",
  63: "Rain",
  65: "Heavy rain",
  66: "Freezing rain",
  67: "Freezing rain",
  71: "Light snow",
  73: "Snow",
  75: "Heavy snow",
  77: "Snow grains",
  80: "Rain showers",
  81: "Rain showers",
  82: "Violent showers",
  85: "Snow showers",
  86: "Snow showers",
  95: "Thunderstorm",
  96: "Thunderstorm, hail",
  99: "Thunderstorm, hail",
};

/** Maps a WMO weather code to the band's condition code. */
export function mapWmoToBandCondition(wmo: number): BandCondition {
  return WMO_TO_BAND[wmo] ?? "unknown";
}

/** A short English description of a WMO weather code, for the band's condition text. */
export function describeWmoCode(wmo: number): string {
  return WMO_TEXT[wmo] ?? "Unknown";
}
