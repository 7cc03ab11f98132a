import assert from "node:assert/strict";
import {
  buildForecastUrl,
  fetchForecast,
  parseLocalTime,
} from "../../lib/weather/open_meteo.ts";
import { searchPlaces } from "../../lib/weather/geocode.ts";
import { WeatherServiceError } from "../../lib/weather/weather_error.ts";
import { startFakeWeather } from "./_fake_open_meteo.ts";

const BERLIN = { name: "Berlin", latitude: 52.52, longitude: 13.41 };
const NOW = Date.UTC(2024, 5, 3, 12, 20);

Deno.test("parseLocalTime() applies the answer's UTC offset", () => {
  assert.equal(
    parseLocalTime("2024-06-03T14:15", 120),
    Date.UTC(2024, 5, 3, 12, 15),
  );
  assert.equal(
    parseLocalTime("2024-01-01T00:30", -330),
    Date.UTC(2024, 0, 1, 6, 0),
  );
});

Deno.test("buildForecastUrl() asks for current and daily values in the chosen unit", () => {
  const url = buildForecastUrl("http://fake/v1/forecast", BERLIN, "fahrenheit");
  assert.equal(url.searchParams.get("latitude"), "52.52");
  assert.equal(url.searchParams.get("longitude"), "13.41");
  assert.equal(url.searchParams.get("temperature_unit"), "fahrenheit");
  assert.equal(url.searchParams.get("timezone"), "auto");
  assert.equal(url.searchParams.get("forecast_days"), "7");
});

Deno.test("fetchForecast() converts an Open-Meteo answer to band terms", async () => {
  const fake = startFakeWeather();
  try {
    const forecast = await fetchForecast(BERLIN, {
      baseUrl: fake.forecastUrl,
      unit: "celsius",
      now: NOW,
    });
    assert.deepEqual(forecast, {
      place: BERLIN,
      unit: "celsius",
      observedAt: Date.UTC(2024, 5, 3, 12, 15),
      utcOffsetMinutes: 120,
      current: {
        wmoCode: 3,
        condition: "cloudy",
        text: "Overcast",
        temperature: 22,
        humidity: 48,
        windKmh: 11,
      },
      days: [
        {
          date: "2024-06-03",
          wmoCode: 3,
          condition: "cloudy",
          text: "Overcast",
          high: 23,
          low: 13,
        },
        {
          date: "2024-06-04",
          wmoCode: 61,
          condition: "rain",
          text: "Light rain",
          high: 19,
          low: 11,
        },
        {
          date: "2024-06-05",
          wmoCode: 95,
          condition: "thunderstorm",
          text: "Thunderstorm",
          high: 25,
          low: -1,
        },
      ],
      sunrise: "04:46",
      sunset: "21:22",
      fetchedAt: NOW,
    });
    assert.equal(fake.requests.length, 1);
  } finally {
    await fake.close();
  }
});

Deno.test("fetchForecast() turns an upstream failure into a WeatherServiceError", async () => {
  const fake = startFakeWeather();
  fake.status = 503;
  try {
    await assert.rejects(
      fetchForecast(BERLIN, {
        baseUrl: fake.forecastUrl,
        unit: "celsius",
        now: NOW,
      }),
      (error: unknown) =>
        error instanceof WeatherServiceError &&
        error.message ===
          "Cannot fetch the forecast: the weather service answered 503",
    );
  } finally {
    await fake.close();
  }
});

Deno.test("fetchForecast() reports an unreachable service", async () => {
  const fake = startFakeWeather();
  const url = fake.forecastUrl;
  await fake.close();
  await assert.rejects(
    fetchForecast(BERLIN, { baseUrl: url, unit: "celsius", now: NOW }),
    /^WeatherServiceError: Cannot fetch the forecast: the weather service is unreachable, try again later$/,
  );
});

Deno.test("searchPlaces() lists matches with region and country, and none for no match", async () => {
  const fake = startFakeWeather();
  try {
    const places = await searchPlaces("Berlin", { baseUrl: fake.geocodingUrl });
    assert.deepEqual(places, [
      {
        name: "Berlin",
        latitude: 52.52,
        longitude: 13.41,
        detail: "Land Berlin, Germany",
      },
      {
        name: "Berlin",
        latitude: 44.47,
        longitude: -71.18,
        detail: "New Hampshire, United States",
      },
    ]);
    assert.deepEqual(
      await searchPlaces("Nowhere", { baseUrl: fake.geocodingUrl }),
      [],
    );
    assert.equal(fake.requests[0].searchParams.get("count"), "5");
  } finally {
    await fake.close();
  }
});
