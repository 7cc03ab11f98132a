// Finds places by name with an Open-Meteo compatible geocoding API, so a person
// can type "Berlin" instead of coordinates.
import { z } from "zod";
import type { WeatherPlace } from "./forecast.ts";
import { fetchJson } from "./open_meteo.ts";
import { WeatherServiceError } from "./weather_error.ts";

const geocodingAnswer = z.object({
  results: z.array(z.object({
    name: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    admin1: z.string().optional(),
    country: z.string().optional(),
  })).optional(),
});

/** Looks up to `count` places matching `name`; an empty list when none match. */
export async function searchPlaces(
  name: string,
  options: { baseUrl: string; count?: number; fetch?: typeof fetch },
): Promise<WeatherPlace[]> {
  const url = new URL(options.baseUrl);
  url.searchParams.set("name", name);
  url.searchParams.set("count", String(options.count ?? 5));
  url.searchParams.set("language", "en");
  url.searchParams.set("format", "json");
  const json = await fetchJson(url, options.fetch ?? fetch, "place list");
  const parsed = geocodingAnswer.safeParse(json);
  if (!parsed.success) {
    throw new WeatherServiceError(
      "Cannot read the place list: the geocoding service answered in an unexpected form",
    );
  }
  return (parsed.data.results ?? []).map((r) => {
    const detail = [r.admin1, r.country].filter(Boolean).join(", ");
    return {
      name: r.name,
      latitude: r.latitude,
      longitude: r.longitude,
      ...(detail ? { detail } : {}),
    };
  });
}
