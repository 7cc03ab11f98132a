// Reads an Open-Meteo compatible forecast API (no API key). The answer's local
// times carry no offset, so they are turned into instants with the
// `utc_offset_seconds` the same answer reports.
import { z } from "zod";
import type {
  BandForecast,
  TemperatureUnit,
  WeatherPlace,
} from "./forecast.ts";
import { describeWmoCode, mapWmoToBandCondition } from "./wmo_conditions.ts";
import { WeatherServiceError } from "./weather_error.ts";

const nullableNumber = z.number().nullable().optional();

const forecastAnswer = z.object({
  utc_offset_seconds: z.number().int(),
  current: z.object({
    time: z.string(),
    temperature_2m: z.number(),
    weather_code: z.number().int(),
    relative_humidity_2m: nullableNumber,
    wind_speed_10m: nullableNumber,
  }),
  daily: z.object({
    time: z.array(z.string()),
    weather_code: z.array(z.number().int()),
    temperature_2m_max: z.array(z.number()),
    temperature_2m_min: z.array(z.number()),
    sunrise: z.array(z.string()).optional(),
    sunset: z.array(z.string()).optional(),
  }),
});

/** How to reach the forecast service. */
export interface ForecastRequest {
  baseUrl: string;
  unit: TemperatureUnit;
  /** Current instant in epoch ms, recorded as `fetchedAt`. */
  now: number;
  fetch?: typeof fetch;
}

/** Builds the forecast URL for a place. */
export function buildForecastUrl(
  baseUrl: string,
  place: WeatherPlace,
  unit: TemperatureUnit,
): URL {
  const url = new URL(baseUrl);
  url.searchParams.set("latitude", String(place.latitude));
  url.searchParams.set("longitude", String(place.longitude));
  url.searchParams.set(
    "current",
    "temperature_2m,relative_humidity_2m,weather_code,wind_speed_10m",
  );
  url.searchParams.set(
    "daily",
    "weather_code,temperature_2m_max,temperature_2m_min,sunrise,sunset",
  );
  url.searchParams.set("timezone", "auto");
  url.searchParams.set("forecast_days", "7");
  url.searchParams.set("temperature_unit", unit);
  url.searchParams.set("wind_speed_unit", "kmh");
  return url;
}

/** Fetches a place's forecast and converts it to the band's terms. */
export async function fetchForecast(
  place: WeatherPlace,
  request: ForecastRequest,
): Promise<BandForecast> {
  const url = buildForecastUrl(request.baseUrl, place, request.unit);
  const json = await fetchJson(url, request.fetch ?? fetch, "forecast");
  const parsed = forecastAnswer.safeParse(json);
  if (!parsed.success) {
    throw new WeatherServiceError(
      "Cannot read the forecast: the weather service answered in an unexpected form",
    );
  }
  return convertForecast(parsed.data, place, request);
}

/** Fetches JSON from the weather service, turning failures into WeatherServiceErrors. */
export async function fetchJson(
  url: URL,
  fetchFn: typeof fetch,
  what: string,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      headers: { Accept: "application/json" },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new WeatherServiceError(
      `Cannot fetch the ${what}: the weather service is unreachable, try again later`,
      { cause: error },
    );
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new WeatherServiceError(
      `Cannot fetch the ${what}: the weather service answered ${res.status}`,
    );
  }
  try {
    return await res.json();
  } catch (error) {
    throw new WeatherServiceError(
      `Cannot read the ${what}: the weather service did not answer with JSON`,
      { cause: error },
    );
  }
}

function convertForecast(
  answer: z.infer<typeof forecastAnswer>,
  place: WeatherPlace,
  request: ForecastRequest,
): BandForecast {
  const { current, daily } = answer;
  const offsetMinutes = Math.round(answer.utc_offset_seconds / 60);
  const days = daily.time.slice(0, 7).map((date, i) => {
    const wmo = daily.weather_code[i];
    return {
      date,
      wmoCode: wmo,
      condition: mapWmoToBandCondition(wmo),
      text: describeWmoCode(wmo),
      high: Math.round(daily.temperature_2m_max[i]),
      low: Math.round(daily.temperature_2m_min[i]),
    };
  });
  return {
    place,
    unit: request.unit,
    observedAt: parseLocalTime(current.time, offsetMinutes),
    utcOffsetMinutes: offsetMinutes,
    current: {
      wmoCode: current.weather_code,
      condition: mapWmoToBandCondition(current.weather_code),
      text: describeWmoCode(current.weather_code),
      temperature: Math.round(current.temperature_2m),
      humidity: roundOrNull(current.relative_humidity_2m),
      windKmh: roundOrNull(current.wind_speed_10m),
    },
    days,
    sunrise: clockOf(daily.sunrise?.[0]),
    sunset: clockOf(daily.sunset?.[0]),
    fetchedAt: request.now,
  };
}

function roundOrNull(value: number | null | undefined): number | null {
  return typeof value === "number" ? Math.round(value) : null;
}

function clockOf(localTime: string | undefined): string | null {
  const match = localTime?.match(/T(\d{2}:\d{2})/);
  return match ? match[1] : null;
}

/** Turns Open-Meteo's offset-less local "YYYY-MM-DDTHH:MM" into epoch ms. */
export function parseLocalTime(
  localTime: string,
  offsetMinutes: number,
): number {
  const match = localTime.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  if (!match) {
    throw new WeatherServiceError(
      `Cannot read the forecast: unexpected time "${localTime}" from the weather service`,
    );
  }
  const [, y, mo, d, h, mi] = match.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi) - offsetMinutes * 60_000;
}
