// A local stand-in for Open-Meteo's forecast and geocoding APIs, counting requests.

/** A forecast answer as Open-Meteo shapes it (Berlin, summer time, +02:00). */
export const BERLIN_ANSWER = {
  latitude: 52.52,
  longitude: 13.41,
  utc_offset_seconds: 7200,
  timezone: "Europe/Berlin",
  current: {
    time: "2024-06-03T14:15",
    temperature_2m: 21.6,
    relative_humidity_2m: 48,
    weather_code: 3,
    wind_speed_10m: 11.2,
  },
  daily: {
    time: ["2024-06-03", "2024-06-04", "2024-06-05"],
    weather_code: [3, 61, 95],
    temperature_2m_max: [23.4, 18.5, 25.1],
    temperature_2m_min: [12.6, 11.4, -0.6],
    sunrise: ["2024-06-03T04:46", "2024-06-04T04:45", "2024-06-05T04:45"],
    sunset: ["2024-06-03T21:22", "2024-06-04T21:23", "2024-06-05T21:24"],
  },
};

/** A running fake weather service. */
export interface FakeWeather {
  forecastUrl: string;
  geocodingUrl: string;
  requests: URL[];
  /** Status the next answers use (200 by default). */
  status: number;
  close(): Promise<void>;
}

/** Starts the fake on a free port. */
export function startFakeWeather(): FakeWeather {
  const requests: URL[] = [];
  const fake = { status: 200 } as { status: number };
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    (req) => {
      const url = new URL(req.url);
      requests.push(url);
      if (fake.status !== 200) {
        return new Response("upstream trouble", { status: fake.status });
      }
      if (url.pathname === "/v1/forecast") return Response.json(BERLIN_ANSWER);
      if (url.pathname === "/v1/search") {
        const name = url.searchParams.get("name");
        return Response.json(
          name === "Berlin"
            ? {
              results: [
                {
                  name: "Berlin",
                  latitude: 52.52,
                  longitude: 13.41,
                  admin1: "Land Berlin",
                  country: "Germany",
                },
                {
                  name: "Berlin",
                  latitude: 44.47,
                  longitude: -71.18,
                  admin1: "New Hampshire",
                  country: "United States",
                },
              ],
            }
            : {},
        );
      }
      return new Response("not found", { status: 404 });
    },
  );
  const base = `http://127.0.0.1:${server.addr.port}`;
  return Object.assign(fake, {
    forecastUrl: `${base}/v1/forecast`,
    geocodingUrl: `${base}/v1/search`,
    requests,
    close: () => server.shutdown(),
  });
}
