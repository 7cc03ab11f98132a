// GET /api/weather?q=Berlin → { places } (where the person may pick a location);
// GET /api/weather?latitude=…&longitude=…&name=…&unit=celsius → { forecast, cached }.
// The server calls the weather service so that the browser never contacts a third party.
import { z } from "zod";
import type { Handlers } from "../../lib/http/define.ts";
import { requireUser } from "../../lib/auth/guards.ts";
import { readQuery } from "../../lib/auth/request_body.ts";
import { badRequest, HttpError } from "../../lib/http/errors.ts";
import {
  fetchForecast,
  getForecastCached,
  searchPlaces,
  WeatherServiceError,
} from "../../lib/weather/mod.ts";

const weatherQuery = z.object({
  q: z.string().trim().min(2).max(100).optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  name: z.string().trim().max(100).optional(),
  unit: z.enum(["celsius", "fahrenheit"]).default("celsius"),
}).strict();

/** Weather for the band: place search and the band-ready forecast, both fetched by the server. */
export const handler: Handlers = {
  async GET(ctx) {
    requireUser(ctx);
    const query = readQuery(ctx.url, weatherQuery);
    const { config, kv } = ctx.state;
    try {
      if (query.q !== undefined) {
        const places = await searchPlaces(query.q, {
          baseUrl: config.geocodingApiUrl,
        });
        return Response.json({ places });
      }
      if (query.latitude === undefined || query.longitude === undefined) {
        throw badRequest(
          "Cannot fetch weather: give a place name as q, or latitude and longitude",
        );
      }
      const place = {
        name: query.name || "Chosen place",
        latitude: query.latitude,
        longitude: query.longitude,
      };
      const now = ctx.state.now();
      const result = await getForecastCached(kv, place, {
        unit: query.unit,
        now,
        load: () =>
          fetchForecast(place, {
            baseUrl: config.weatherApiUrl,
            unit: query.unit,
            now,
          }),
      });
      return Response.json(result);
    } catch (error) {
      if (error instanceof WeatherServiceError) {
        throw new HttpError(502, "weather_unavailable", error.message, {
          cause: error,
        });
      }
      throw error;
    }
  },
};
