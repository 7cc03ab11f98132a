import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeWeatherRecord,
  fromWmoCode,
  parseWeatherRecord,
  type WeatherRecord,
} from "../../lib/protocol/weather.ts";
import { encodeChunks } from "../../lib/protocol/chunked.ts";
import { CHUNK_TYPE } from "../../lib/protocol/constants.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.11: timestamp 1710000000 (2024-03-09T16:00:00Z), zone UTC+1.
const STAMP = { epochMs: 1_710_000_000_000, utcOffsetMinutes: 60 };

// §30.11 GB-style records, payload and chunk writes.
const VECTORS: [WeatherRecord, string, string[]][] = [
  [
    {
      kind: "current",
      ...STAMP,
      condition: "partly_cloudy",
      temperature: 12,
      text: "Cloudy",
    },
    "02 80 87 ec 65 04 01 0c 43 6c 6f 75 64 79 00",
    ["00 c1 00 02 80 87 ec 65 04 01 0c 43 6c 6f 75 64 79 00"],
  ],
  [
    {
      kind: "current",
      ...STAMP,
      condition: "partly_cloudy",
      temperature: -7,
      text: "Snow",
    },
    "02 80 87 ec 65 04 01 f9 53 6e 6f 77 00",
    ["00 c1 00 02 80 87 ec 65 04 01 f9 53 6e 6f 77 00"],
  ],
  [
    { kind: "air_quality", ...STAMP, aqi: 42, text: "" },
    "04 80 87 ec 65 04 2a 00 00",
    ["00 c1 00 04 80 87 ec 65 04 2a 00 00"],
  ],
  [
    {
      kind: "forecast",
      ...STAMP,
      days: [
        {
          day: "partly_cloudy",
          night: "partly_cloudy",
          max: 14,
          min: 5,
          text: "Cloudy",
        },
        { day: "rain", night: "rain", max: 11, min: 6, text: "Rain" },
        { day: "sunny", night: "sunny", max: 16, min: 3, text: "Sunny" },
      ],
    },
    "01 80 87 ec 65 04 03 01 01 0e 05 43 6c 6f 75 64 79 00 08 08 0b 06 52 61 69 6e 00 00 00 10 03 53 75 6e 6e 79 00",
    [
      "00 01 00 01 80 87 ec 65 04 03 01 01 0e 05 43 6c 6f 75 64 79",
      "00 41 01 00 08 08 0b 06 52 61 69 6e 00 00 00 10 03 53 75 6e",
      "00 81 02 6e 79 00",
    ],
  ],
  [{ kind: "location", name: "Berlin" }, "08 42 65 72 6c 69 6e 00", [
    "00 c1 00 08 42 65 72 6c 69 6e 00",
  ]],
];

Deno.test("encodeWeatherRecord() writes every §30.11 GB-style payload and chunk", () => {
  for (const [record, payload, chunks] of VECTORS) {
    const bytes = encodeWeatherRecord(record);
    assertEquals(toHex(bytes), payload);
    assertEquals(encodeChunks(CHUNK_TYPE.weather, bytes).map(toHex), chunks);
  }
});

Deno.test("parseWeatherRecord() reads every §30.11 GB-style payload back", () => {
  for (const [record, payload] of VECTORS) {
    assertEquals(parseWeatherRecord(hex(payload)), record);
  }
});

Deno.test("parseWeatherRecord() reads the §30.11 MB4W-style records", () => {
  const mb4w = { epochMs: 1_710_000_000_000, utcOffsetMinutes: -300 };
  assertEquals(parseWeatherRecord(hex("02 80 87 ec 65 ec 01 36 41 00")), {
    kind: "current",
    ...mb4w,
    condition: "partly_cloudy",
    temperature: 54,
    text: "A",
  });
  assertEquals(parseWeatherRecord(hex("04 80 87 ec 65 ec 2a 00 00")), {
    kind: "air_quality",
    ...mb4w,
    aqi: 42,
    text: "",
  });
  assertEquals(parseWeatherRecord(hex("08 4e 65 77 20 59 6f 72 6b 00")), {
    kind: "location",
    name: "New York",
  });
  assertEquals(
    parseWeatherRecord(
      hex(
        "01 80 87 ec 65 ec 02 01 00 39 29 50 61 72 74 6c 79 20 63 6c 6f 75 64 79 00 08 00 32 2b 52 61 69 6e 00",
      ),
    ),
    {
      kind: "forecast",
      ...mb4w,
      days: [
        {
          day: "partly_cloudy",
          night: "sunny",
          max: 57,
          min: 41,
          text: "Partly cloudy",
        },
        { day: "rain", night: "sunny", max: 50, min: 43, text: "Rain" },
      ],
    },
  );
});

Deno.test("encodeWeatherRecord() keeps AQI above 255 in two bytes and writes unknown as ff ff (§32.5)", () => {
  assertEquals(
    toHex(
      encodeWeatherRecord({
        kind: "air_quality",
        ...STAMP,
        aqi: 300,
        text: "(n/a)",
      }),
    ),
    "04 80 87 ec 65 04 2c 01 28 6e 2f 61 29 00",
  );
  assertEquals(
    toHex(
      encodeWeatherRecord({
        kind: "air_quality",
        ...STAMP,
        aqi: "unknown",
        text: "",
      }),
    ),
    "04 80 87 ec 65 04 ff ff 00",
  );
  assertEquals(parseWeatherRecord(hex("04 80 87 ec 65 04 ff ff 00")), {
    kind: "air_quality",
    ...STAMP,
    aqi: "unknown",
    text: "",
  });
  assertEquals(
    parseWeatherRecord(hex("04 80 87 ec 65 04 2c 01 28 6e 2f 61 29 00")),
    { kind: "air_quality", ...STAMP, aqi: 300, text: "(n/a)" },
  );
});

Deno.test("parseWeatherRecord() reads unknown conditions, texts left out and other records", () => {
  assertEquals(parseWeatherRecord(hex("02 80 87 ec 65 04 63 0c")), {
    kind: "current",
    ...STAMP,
    condition: "unknown",
    temperature: 12,
    text: "",
  });
  assertEquals(parseWeatherRecord(hex("10 80 87 ec 65 04 06 30 12 10")), {
    kind: "unknown",
    recordType: 0x10,
  });
});

Deno.test("fromWmoCode() follows MB4W's Open-Meteo mapping (§19.2)", () => {
  const expected: [number, string][] = [
    [0, "sunny"],
    [2, "partly_cloudy"],
    [3, "cloudy"],
    [45, "fog"],
    [53, "light_rain"],
    [61, "rain"],
    [57, "rain_snow"],
    [63, "heavy_rain"],
    [81, "downpour"],
    [82, "heavy_downpour"],
    [71, "snow"],
    [86, "heavy_snow"],
    [75, "very_heavy_snow"],
    [77, "hail"],
    [85, "light_snow"],
    [95, "thunderstorm"],
    [96, "thunderstorm_snow"],
    [4, "unknown"],
  ];
  for (const [code, name] of expected) {
    assertEquals(fromWmoCode(code), name, `WMO ${code}`);
  }
});

Deno.test("encodeWeatherRecord() rejects bad temperatures, zones, day counts and texts", () => {
  const current = {
    kind: "current",
    ...STAMP,
    condition: "sunny",
    temperature: 20,
    text: "",
  } as const;
  throws(
    () => encodeWeatherRecord({ ...current, temperature: 128 }),
    /temperature 128/,
  );
  throws(
    () => encodeWeatherRecord({ ...current, utcOffsetMinutes: 50 }),
    RangeError,
  );
  throws(
    () => encodeWeatherRecord({ ...current, condition: "lava" as "sunny" }),
    RangeError,
  );
  throws(() => encodeWeatherRecord({ ...current, text: "a\0" }), RangeError);
  throws(
    () =>
      encodeWeatherRecord({
        kind: "air_quality",
        ...STAMP,
        aqi: 40000,
        text: "",
      }),
    RangeError,
  );
  throws(
    () => encodeWeatherRecord({ kind: "forecast", ...STAMP, days: [] }),
    RangeError,
  );
  const day = {
    day: "sunny",
    night: "sunny",
    max: 1,
    min: -5,
    text: "",
  } as const;
  assertEquals(
    encodeWeatherRecord({ kind: "forecast", ...STAMP, days: [day] }).length,
    12,
  );
  throws(
    () =>
      encodeWeatherRecord({
        kind: "forecast",
        ...STAMP,
        days: [{ ...day, min: 3 }],
      }),
    /minimum 3 is above maximum 1/,
  );
  throws(
    () =>
      encodeWeatherRecord({
        kind: "forecast",
        ...STAMP,
        days: Array(8).fill(day),
      }),
    RangeError,
  );
});

Deno.test("parseWeatherRecord() rejects truncated, padded and malformed payloads", () => {
  throws(() => parseWeatherRecord(hex("")), RangeError);
  throws(() => parseWeatherRecord(hex("02 80 87 ec")), RangeError);
  throws(() => parseWeatherRecord(hex("08 42 65")), RangeError);
  throws(() => parseWeatherRecord(hex("08 42 00 00")), RangeError);
  throws(
    () => parseWeatherRecord(hex("01 80 87 ec 65 04 02 01 01 0e 05 00")),
    RangeError,
  );
  throws(
    () => parseWeatherRecord(hex("04 80 87 ec 65 04 00 80 00")),
    ProtocolError,
  );
  throws(() => parseWeatherRecord(hex("08 c3 28 00")), ProtocolError);
});
