// WMO weather codes (as Open-Meteo reports them) in the band's terms: the
// condition comes from the protocol's own table (lib/protocol/weather.ts), the
// text is ours because the band shows whatever text it is sent.
import { fromWmoCode, type WeatherCondition } from "../protocol/weather.ts";

/** A band condition (§19.2), or "unknown" for a WMO code outside the table. */
export type BandCondition = WeatherCondition | "unknown";

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

/** Maps a WMO weather code to the band's condition. */
export function mapWmoToBandCondition(wmo: number): BandCondition {
  return fromWmoCode(wmo);
}

/** A short English description of a WMO weather code, for the band's condition text. */
export function describeWmoCode(wmo: number): string {
  return WMO_TEXT[wmo] ?? "Unknown";
}
