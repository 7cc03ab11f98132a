// Weather from the internet, server side only: the browser asks our API, never a third party.
export * from "./forecast.ts";
export * from "./wmo_conditions.ts";
export * from "./weather_error.ts";
export {
  buildForecastUrl,
  fetchForecast,
  parseLocalTime,
} from "./open_meteo.ts";
export { searchPlaces } from "./geocode.ts";
export {
  FORECAST_MAX_AGE_MS,
  forecastCacheKey,
  getForecastCached,
} from "./forecast_cache.ts";
