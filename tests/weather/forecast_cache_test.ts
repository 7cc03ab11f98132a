import assert from "node:assert/strict";
import {
  FORECAST_MAX_AGE_MS,
  forecastCacheKey,
  getForecastCached,
} from "../../lib/weather/forecast_cache.ts";
import type { BandForecast } from "../../lib/weather/forecast.ts";

const PLACE = { name: "Berlin", latitude: 52.5201, longitude: 13.4049 };
const T0 = Date.UTC(2024, 5, 3, 12, 0);

function forecastAt(fetchedAt: number): BandForecast {
  return {
    place: PLACE,
    unit: "celsius",
    observedAt: fetchedAt,
    utcOffsetMinutes: 120,
    current: {
      wmoCode: 0,
      condition: "sunny",
      text: "Clear sky",
      temperature: 20,
      humidity: null,
      windKmh: null,
    },
    days: [],
    sunrise: null,
    sunset: null,
    fetchedAt,
  };
}

Deno.test("forecastCacheKey() rounds coordinates to hundredths and keeps the unit", () => {
  assert.deepEqual(forecastCacheKey(PLACE, "celsius"), [
    "weather_forecasts",
    5252,
    1340,
    "celsius",
  ]);
  assert.deepEqual(
    forecastCacheKey({ ...PLACE, latitude: -33.8688 }, "fahrenheit"),
    ["weather_forecasts", -3387, 1340, "fahrenheit"],
  );
});

Deno.test("getForecastCached() serves the cache for 30 minutes, then loads again", async () => {
  using kv = await Deno.openKv(":memory:");
  let loads = 0;
  const load = (now: number) => () => {
    loads++;
    return Promise.resolve(forecastAt(now));
  };
  const first = await getForecastCached(kv, PLACE, {
    unit: "celsius",
    now: T0,
    load: load(T0),
  });
  assert.equal(first.cached, false);
  const later = T0 + FORECAST_MAX_AGE_MS - 1;
  const second = await getForecastCached(kv, PLACE, {
    unit: "celsius",
    now: later,
    load: load(later),
  });
  assert.equal(second.cached, true);
  assert.equal(second.forecast.fetchedAt, T0);
  const expired = T0 + FORECAST_MAX_AGE_MS;
  const third = await getForecastCached(kv, PLACE, {
    unit: "celsius",
    now: expired,
    load: load(expired),
  });
  assert.equal(third.cached, false);
  assert.equal(third.forecast.fetchedAt, expired);
  assert.equal(loads, 2);
});

Deno.test("getForecastCached() keeps units apart", async () => {
  using kv = await Deno.openKv(":memory:");
  let loads = 0;
  const load = () => {
    loads++;
    return Promise.resolve(forecastAt(T0));
  };
  await getForecastCached(kv, PLACE, { unit: "celsius", now: T0, load });
  const f = await getForecastCached(kv, PLACE, {
    unit: "fahrenheit",
    now: T0,
    load,
  });
  assert.equal(f.cached, false);
  assert.equal(loads, 2);
});
