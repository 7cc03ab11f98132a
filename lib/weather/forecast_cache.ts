// Forecasts cached in KV so that many tabs and reloads cost the weather service
// one request per place every half hour. The expiry time is stored in the value
// because KV's `expireIn` is lazy and may still return stale entries.
import type {
  BandForecast,
  TemperatureUnit,
  WeatherPlace,
} from "./forecast.ts";

/** How long a fetched forecast is served from the cache. */
export const FORECAST_MAX_AGE_MS = 30 * 60_000;

interface CachedForecast {
  expiresAt: number;
  forecast: BandForecast;
}

/** KV key of a cached forecast; coordinates rounded to about a kilometre so nearby requests share it. */
export function forecastCacheKey(
  place: WeatherPlace,
  unit: TemperatureUnit,
): [string, number, number, string] {
  return [
    "weather_forecasts",
    Math.round(place.latitude * 100),
    Math.round(place.longitude * 100),
    unit,
  ];
}

/** Returns a cached forecast younger than the maximum age, or loads, stores and returns a fresh one. */
export async function getForecastCached(
  kv: Deno.Kv,
  place: WeatherPlace,
  options: {
    unit: TemperatureUnit;
    now: number;
    load: () => Promise<BandForecast>;
    maxAgeMs?: number;
  },
): Promise<{ forecast: BandForecast; cached: boolean }> {
  const key = forecastCacheKey(place, options.unit);
  const entry = await kv.get<CachedForecast>(key);
  if (entry.value !== null && entry.value.expiresAt > options.now) {
    return {
      forecast: { ...entry.value.forecast, place },
      cached: true,
    };
  }
  const forecast = await options.load();
  const maxAge = options.maxAgeMs ?? FORECAST_MAX_AGE_MS;
  await kv.set(key, { expiresAt: options.now + maxAge, forecast }, {
    expireIn: maxAge * 2,
  });
  return { forecast, cached: false };
}
