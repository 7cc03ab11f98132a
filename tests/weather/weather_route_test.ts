import assert from "node:assert/strict";
import { loadConfig } from "../../fresh.config.ts";
import { createApp, type RouteModule } from "../../lib/http/app.ts";
import * as middleware from "../../routes/_middleware.ts";
import * as setup from "../../routes/api/setup.ts";
import * as weather from "../../routes/api/weather.ts";
import { Agent, type ApiTestApp, signUpOwner } from "../api/harness.ts";
import { startFakeWeather } from "./_fake_open_meteo.ts";

async function weatherApp(
  fake: { forecastUrl: string; geocodingUrl: string },
): Promise<ApiTestApp> {
  const kv = await Deno.openKv(":memory:");
  const app = createApp({
    config: loadConfig({
      KV_PATH: ":memory:",
      WEATHER_API_URL: fake.forecastUrl,
      GEOCODING_API_URL: fake.geocodingUrl,
    }),
    kv,
    manifest: {
      routes: {
        "./routes/_middleware.ts": middleware as RouteModule,
        "./routes/api/setup.ts": setup as RouteModule,
        "./routes/api/weather.ts": weather as RouteModule,
      },
      islands: {},
    },
  });
  return {
    app,
    kv,
    agent: () => new Agent(app),
    [Symbol.dispose]: () => kv.close(),
  };
}

Deno.test("[api] GET /api/weather returns 401 when signed out", async () => {
  const fake = startFakeWeather();
  try {
    using t = await weatherApp(fake);
    const res = await t.agent().request("GET", "/api/weather?q=Berlin");
    assert.equal(res.status, 401);
    assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
    assert.equal((await res.json()).error.code, "unauthorized");
    assert.equal(fake.requests.length, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("[api] GET /api/weather?q= lists places from the geocoding service", async () => {
  const fake = startFakeWeather();
  try {
    using t = await weatherApp(fake);
    const agent = await signUpOwner(t);
    const res = await agent.request("GET", "/api/weather?q=Berlin");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
    const body = await res.json();
    assert.deepEqual(body.places.map((p: { detail: string }) => p.detail), [
      "Land Berlin, Germany",
      "New Hampshire, United States",
    ]);
  } finally {
    await fake.close();
  }
});

Deno.test("[api] GET /api/weather with coordinates returns a band-ready forecast and caches it", async () => {
  const fake = startFakeWeather();
  try {
    using t = await weatherApp(fake);
    const agent = await signUpOwner(t);
    const path = "/api/weather?latitude=52.52&longitude=13.41&name=Berlin";
    const first = await agent.request("GET", path);
    assert.equal(first.status, 200);
    assert.match(first.headers.get("Content-Type") ?? "", /application\/json/);
    const body = await first.json();
    assert.equal(body.cached, false);
    assert.equal(body.forecast.place.name, "Berlin");
    assert.equal(body.forecast.current.condition, "cloudy");
    assert.equal(body.forecast.current.temperature, 22);
    assert.deepEqual(
      body.forecast.days.map((d: { condition: string }) => d.condition),
      ["cloudy", "rain", "thunderstorm"],
    );
    const second = await (await agent.request("GET", path)).json();
    assert.equal(second.cached, true);
    assert.equal(
      fake.requests.filter((u) => u.pathname === "/v1/forecast").length,
      1,
    );
  } finally {
    await fake.close();
  }
});

Deno.test("[api] GET /api/weather answers 502 when the weather service fails", async () => {
  const fake = startFakeWeather();
  try {
    using t = await weatherApp(fake);
    const agent = await signUpOwner(t);
    fake.status = 500;
    const res = await agent.request(
      "GET",
      "/api/weather?latitude=1&longitude=2",
    );
    assert.equal(res.status, 502);
    assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
    assert.deepEqual((await res.json()).error, {
      code: "weather_unavailable",
      message: "Cannot fetch the forecast: the weather service answered 500",
    });
  } finally {
    await fake.close();
  }
});

Deno.test("[api] GET /api/weather answers 400 without a place", async () => {
  const fake = startFakeWeather();
  try {
    using t = await weatherApp(fake);
    const agent = await signUpOwner(t);
    const res = await agent.request("GET", "/api/weather?latitude=1");
    assert.equal(res.status, 400);
    assert.match(res.headers.get("Content-Type") ?? "", /application\/json/);
    assert.equal(
      (await res.json()).error.message,
      "Cannot fetch weather: give a place name as q, or latitude and longitude",
    );
  } finally {
    await fake.close();
  }
});
