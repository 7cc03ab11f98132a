// Weather, phone → band, chunked type 1 on 0x0020 (§19); one message per record, no replies:
//   current   [0] 02  TS(4)  TZ(1)  COND(1)  TEMP(1, int8)  TEXT… 00
//   AQI       [0] 04  TS(4)  TZ(1)  AQI(2, int16 LE; ff ff = unknown)  TEXT… 00
//   forecast  [0] 01  TS(4)  TZ(1)  N(1)  then N × ( COND_DAY COND_NIGHT MAX(int8) MIN(int8) TEXT… 00 )
//   location  [0] 08  NAME… 00
// TS = u32 LE Unix seconds; TZ = int8 quarter hours east of UTC (a real zone, never MB4W's fixed ec).
// [CONFLICT] §19.1: GB's record layout (real condition texts, both condition bytes), as recommended.
// Sunrise/sunset (10) and wind/humidity (40) are Mi Band 5+ only and read as "unknown" records.

import { WEATHER_RECORD } from "./constants.ts";
import {
  encodeTzByte,
  encodeUnixTime,
  parseTzByte,
  parseUnixTime,
  toTzQuarterHours,
  toUtcOffsetMinutes,
} from "./date_time.ts";
import { ProtocolError } from "./errors.ts";

/**
 * Band condition codes with the meaning of the Mi Band 4 icon sprite.
 *
 * [CONFLICT] §19.2: GB's table and MB4W's disagree on 5 and ≥ 18. We name codes after MB4W's
 * icons (built against the band's own UI); 11 has no MB4W icon and keeps GB's meaning.
 */
export const WEATHER_CONDITION = {
  sunny: 0,
  partly_cloudy: 1,
  cloudy: 2,
  partly_cloudy_rain: 3,
  thunderstorm: 4,
  thunderstorm_snow: 5,
  rain_snow: 6,
  light_rain: 7,
  rain: 8,
  heavy_rain: 9,
  heavy_downpour: 10,
  super_extreme_rain: 11,
  downpour: 12,
  partly_cloudy_snow: 13,
  light_snow: 14,
  snow: 15,
  heavy_snow: 16,
  very_heavy_snow: 17,
  fog: 18,
  hail: 19,
  blowing_dust: 20,
  floating_dust: 29,
  tornado: 31,
  haze: 53,
} as const;

/** A band weather condition. */
export type WeatherCondition = keyof typeof WEATHER_CONDITION;

// MB4W's Open-Meteo mapping (§19.2); 99 ("thunderstorm with heavy hail") is missing there and
// joins 96 as the closest icon.
const WMO_TO_CONDITION: Record<number, WeatherCondition> = {
  0: "sunny",
  1: "partly_cloudy",
  2: "partly_cloudy",
  3: "cloudy",
  45: "fog",
  48: "fog",
  51: "light_rain",
  53: "light_rain",
  55: "rain",
  61: "rain",
  80: "rain",
  56: "rain_snow",
  57: "rain_snow",
  66: "rain_snow",
  67: "rain_snow",
  63: "heavy_rain",
  65: "downpour",
  81: "downpour",
  82: "heavy_downpour",
  71: "snow",
  73: "heavy_snow",
  86: "heavy_snow",
  75: "very_heavy_snow",
  77: "hail",
  85: "light_snow",
  95: "thunderstorm",
  96: "thunderstorm_snow",
  99: "thunderstorm_snow",
};

/** One forecast day. */
export interface ForecastDay {
  /** Daytime condition. */
  day: WeatherCondition;
  /** Night condition (GB sends the same as day). */
  night: WeatherCondition;
  /** Maximum temperature, −128…127 in the unit the band displays. */
  max: number;
  /** Minimum temperature, not above max. */
  min: number;
  /** Condition text. */
  text: string;
}

/** Fields of every timed record: when the report was issued and the zone it is shown in. */
export interface WeatherStamp {
  /** Report time, epoch milliseconds (sent as whole seconds). */
  epochMs: number;
  /** The band's zone in minutes east of UTC, a multiple of 15. */
  utcOffsetMinutes: number;
}

/** A weather record as encoded; `encodeWeatherRecord` turns one into a type 1 payload. */
export type WeatherRecord =
  | ({
    kind: "current";
    condition: WeatherCondition;
    temperature: number;
    text: string;
  } & WeatherStamp)
  | (
    & { kind: "air_quality"; aqi: number | "unknown"; text: string }
    & WeatherStamp
  )
  | ({ kind: "forecast"; days: ForecastDay[] } & WeatherStamp)
  | { kind: "location"; name: string };

/** A decoded record: unknown condition bytes read as "unknown", unknown selectors as an "unknown" record. */
export type ParsedWeatherRecord =
  | ({
    kind: "current";
    condition: WeatherCondition | "unknown";
    temperature: number;
    text: string;
  } & WeatherStamp)
  | (
    & { kind: "air_quality"; aqi: number | "unknown"; text: string }
    & WeatherStamp
  )
  | ({ kind: "forecast"; days: ParsedForecastDay[] } & WeatherStamp)
  | { kind: "location"; name: string }
  | { kind: "unknown"; recordType: number };

/** A decoded forecast day. */
export type ParsedForecastDay = Omit<ForecastDay, "day" | "night"> & {
  day: WeatherCondition | "unknown";
  night: WeatherCondition | "unknown";
};

/** Most forecast days the band takes (today + 6, as GB sends). */
const MAX_FORECAST_DAYS = 7;

const UTF8 = new TextEncoder();
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const AQI_UNKNOWN = -1;

/** Maps a WMO weather code (as Open-Meteo reports it) to a band condition, "unknown" if none fits. */
export function fromWmoCode(code: number): WeatherCondition | "unknown" {
  return WMO_TO_CONDITION[code] ?? "unknown";
}

/** Encodes one weather record as a chunked type 1 payload. */
export function encodeWeatherRecord(record: WeatherRecord): Uint8Array {
  if (record.kind === "location") {
    return Uint8Array.of(
      WEATHER_RECORD.location,
      ...text(record.name, "location"),
    );
  }
  const stamp = [
    ...encodeUnixTime(record.epochMs),
    encodeTzByte(toTzQuarterHours(record.utcOffsetMinutes)),
  ];
  switch (record.kind) {
    case "current":
      return Uint8Array.of(
        WEATHER_RECORD.current,
        ...stamp,
        condition(record.condition),
        temperature(record.temperature),
        ...text(record.text, "text"),
      );
    case "air_quality": {
      const aqi = record.aqi === "unknown" ? AQI_UNKNOWN : record.aqi;
      if (
        aqi !== AQI_UNKNOWN &&
        (!Number.isInteger(aqi) || aqi < 0 || aqi > 0x7fff)
      ) {
        throw new RangeError(
          `Cannot encode weather: AQI ${aqi} is outside 0..32767`,
        );
      }
      return Uint8Array.of(
        WEATHER_RECORD.airQuality,
        ...stamp,
        aqi & 0xff,
        (aqi >> 8) & 0xff,
        ...text(record.text, "text"),
      );
    }
    case "forecast": {
      const n = record.days.length;
      if (n < 1 || n > MAX_FORECAST_DAYS) {
        throw new RangeError(
          `Cannot encode weather: ${n} forecast days is outside 1..7`,
        );
      }
      const days = record.days.flatMap((d) => {
        const [max, min] = [temperature(d.max), temperature(d.min)];
        if (d.min > d.max) {
          throw new RangeError(
            `Cannot encode weather: minimum ${d.min} is above maximum ${d.max}`,
          );
        }
        return [
          condition(d.day),
          condition(d.night),
          max,
          min,
          ...text(d.text, "forecast text"),
        ];
      });
      return Uint8Array.of(WEATHER_RECORD.forecast, ...stamp, n, ...days);
    }
  }
  throw new RangeError(
    `Cannot encode weather: record kind ${
      String((record as { kind: unknown }).kind)
    } is unknown`,
  );
}

/** Parses a reassembled chunked type 1 payload as the band receives it. */
export function parseWeatherRecord(payload: Uint8Array): ParsedWeatherRecord {
  if (payload.length < 1) {
    throw new RangeError("Cannot parse weather: payload is empty");
  }
  const reader = new Reader(payload);
  const kind = payload[0];
  reader.skip(1);
  if (kind === WEATHER_RECORD.location) {
    return reader.done({ kind: "location", name: reader.text() });
  }
  if (
    kind !== WEATHER_RECORD.current && kind !== WEATHER_RECORD.airQuality &&
    kind !== WEATHER_RECORD.forecast
  ) {
    return { kind: "unknown", recordType: kind };
  }
  const epochMs = parseUnixTime(reader.bytes(4));
  const utcOffsetMinutes = toUtcOffsetMinutes(parseTzByte(reader.bytes(1)[0]));
  const stamp = { epochMs, utcOffsetMinutes };
  if (kind === WEATHER_RECORD.current) {
    const [cond, temp] = reader.bytes(2);
    return reader.done({
      kind: "current",
      ...stamp,
      condition: conditionName(cond),
      temperature: toInt8(temp),
      text: reader.optionalText(),
    });
  }
  if (kind === WEATHER_RECORD.airQuality) {
    const raw = new DataView(
      payload.buffer,
      payload.byteOffset,
      payload.byteLength,
    ).getInt16(reader.offset, true);
    reader.skip(2);
    if (raw < AQI_UNKNOWN) reader.fail(`AQI ${raw} is negative`);
    return reader.done({
      kind: "air_quality",
      ...stamp,
      aqi: raw === AQI_UNKNOWN ? "unknown" : raw,
      text: reader.optionalText(),
    });
  }
  const count = reader.bytes(1)[0];
  const days: ParsedForecastDay[] = [];
  for (let i = 0; i < count; i++) {
    const [day, night, max, min] = reader.bytes(4);
    days.push({
      day: conditionName(day),
      night: conditionName(night),
      max: toInt8(max),
      min: toInt8(min),
      text: reader.text(),
    });
  }
  return reader.done({ kind: "forecast", ...stamp, days });
}

class Reader {
  #bytes: Uint8Array;
  offset = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  skip(length: number): void {
    this.bytes(length);
  }

  bytes(length: number): Uint8Array {
    if (this.offset + length > this.#bytes.length) {
      throw new RangeError(
        `Cannot parse weather: record ends at ${this.#bytes.length} bytes, field needs more`,
      );
    }
    this.offset += length;
    return this.#bytes.subarray(this.offset - length, this.offset);
  }

  // Old Amazfit Bip firmware omitted condition texts (§19.1); the Mi Band 4 always gets them.
  optionalText(): string {
    return this.offset === this.#bytes.length ? "" : this.text();
  }

  text(): string {
    const end = this.#bytes.indexOf(0, this.offset);
    if (end < 0) {
      throw new RangeError("Cannot parse weather: text has no 00 terminator");
    }
    const raw = this.#bytes.subarray(this.offset, end);
    this.offset = end + 1;
    try {
      return STRICT_UTF8.decode(raw);
    } catch (cause) {
      return this.fail("text is not valid UTF-8", cause);
    }
  }

  done<T>(record: T): T {
    if (this.offset !== this.#bytes.length) {
      throw new RangeError(
        `Cannot parse weather: ${
          this.#bytes.length - this.offset
        } bytes left after the record`,
      );
    }
    return record;
  }

  fail(detail: string, cause?: unknown): never {
    throw new ProtocolError(`Cannot parse weather: ${detail}`, {
      opcode: this.#bytes[0],
      bytes: this.#bytes,
      cause,
    });
  }
}

function condition(name: WeatherCondition): number {
  const code = WEATHER_CONDITION[name];
  if (code === undefined) {
    throw new RangeError(
      `Cannot encode weather: condition ${String(name)} is unknown`,
    );
  }
  return code;
}

function conditionName(code: number): WeatherCondition | "unknown" {
  const entry = Object.entries(WEATHER_CONDITION).find(([, value]) =>
    value === code
  );
  return entry === undefined ? "unknown" : entry[0] as WeatherCondition;
}

function temperature(value: number): number {
  if (!Number.isInteger(value) || value < -128 || value > 127) {
    throw new RangeError(
      `Cannot encode weather: temperature ${value} is outside -128..127`,
    );
  }
  return value & 0xff;
}

function toInt8(byte: number): number {
  return (byte << 24) >> 24;
}

function text(value: string, what: string): number[] {
  if (value.includes("\0")) {
    throw new RangeError(
      `Cannot encode weather: ${what} contains a NUL character`,
    );
  }
  return [...UTF8.encode(value), 0];
}
