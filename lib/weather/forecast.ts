// The forecast as the server hands it to the browser: already in the band's
// terms (condition codes, whole degrees, the location's UTC offset), so the
// weather card only encodes it.
import type { BandCondition } from "./wmo_conditions.ts";

/** A place the person chose for weather. */
export interface WeatherPlace {
  name: string;
  latitude: number;
  longitude: number;
  /** Region and country, for telling places with the same name apart. */
  detail?: string;
}

/** Temperature unit the forecast is in. */
export type TemperatureUnit = "celsius" | "fahrenheit";

/** One forecast day. */
export interface ForecastDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  wmoCode: number;
  condition: BandCondition;
  text: string;
  /** Whole degrees in `unit`. */
  high: number;
  low: number;
}

/** A forecast ready to send to the band. */
export interface BandForecast {
  place: WeatherPlace;
  unit: TemperatureUnit;
  /** Epoch ms of the observation. */
  observedAt: number;
  /** The location's UTC offset in minutes. */
  utcOffsetMinutes: number;
  current: {
    wmoCode: number;
    condition: BandCondition;
    text: string;
    temperature: number;
    /** Relative humidity %, or null when not reported. */
    humidity: number | null;
    /** Wind speed in km/h, or null when not reported. */
    windKmh: number | null;
  };
  /** Today first, up to seven days. */
  days: ForecastDay[];
  /** Today's local sunrise and sunset, HH:MM, or null. */
  sunrise: string | null;
  sunset: string | null;
  /** Epoch ms when the server fetched it from the weather service. */
  fetchedAt: number;
}
