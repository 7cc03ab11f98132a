// One device's history read out of a Gadgetbridge database into what Band Web
// stores: minutes as the band's 4-byte records in batches of one UTC month
// (one storeSamples commit each), realtime heart-rate readings, battery
// readings and workouts. Everything is read before anything is stored, so a
// file that turns out damaged halfway stores nothing.
//
// MI_BAND_ACTIVITY_SAMPLE holds two kinds of rows: the band's minutes (on a
// whole minute) and realtime heart-rate measurements (at the second they were
// taken, RAW_INTENSITY = -1). -1 means "no value" in any column.
import type { DecodedBatch } from "../db/samples.ts";
import { SAMPLE_BYTES, SAMPLE_FIELD } from "../minute/sample.ts";
import { EARLIEST_SAMPLE_MS } from "../api/sample_schemas.ts";
import {
  batteryReadingSchema,
  heartRateReadingSchema,
  workoutSchema,
} from "../api/reading_schemas.ts";
import type { z } from "zod";
import type { StatementSync } from "node:sqlite";
import { utcOffsetMinutes } from "../time/zones.ts";
import { HttpError } from "../http/errors.ts";
import { asInputError, type GadgetbridgeDatabase } from "./open_database.ts";
import { toBandWorkoutType } from "./schema.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MONTH_BYTES = 31 * 1440 * SAMPLE_BYTES;
const NO_HEART_RATE = 0xff;

/** Most minutes one import reads (ten years), so a hostile file cannot exhaust memory. */
export const MAX_IMPORT_MINUTES = 10 * 366 * 1440;

/** Most readings of each kind one import reads. */
export const MAX_IMPORT_READINGS = 1_000_000;

/** A device's history, ready to store. */
export interface DeviceHistory {
  /** Minutes in batches, one array per UTC month, in time order. */
  months: DecodedBatch[][];
  heartRate: z.infer<typeof heartRateReadingSchema>[];
  battery: z.infer<typeof batteryReadingSchema>[];
  workouts: z.infer<typeof workoutSchema>[];
}

/** Options of `readDeviceHistory`. */
export interface ReadDeviceOptions {
  /** The person's time zone: Gadgetbridge keeps no UTC offset, the band's minutes need one. */
  timeZone: string;
  /** Rows after this instant (plus a minute) are dropped as clock errors. */
  now: number;
}

function tooMuch(what: string, max: number): HttpError {
  return new HttpError(
    413,
    "too_large",
    `Cannot import Gadgetbridge data: the device has more than ${max} ${what}`,
  );
}

function asByte(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 &&
      value <= 0xff
    ? value
    : null;
}

/** Collects one UTC month's minutes into contiguous runs with one offset each. */
class MonthRuns {
  #bytes = new Uint8Array(MONTH_BYTES);
  #used = 0;
  #runs: { start: number; offset: number; from: number }[] = [];
  #last = -Infinity;
  month = -1;

  add(time: number, offset: number, record: readonly number[]): void {
    const run = this.#runs.at(-1);
    if (!run || time !== this.#last + MINUTE_MS || offset !== run.offset) {
      this.#runs.push({ start: time, offset, from: this.#used });
    }
    this.#bytes.set(record, this.#used);
    this.#used += SAMPLE_BYTES;
    this.#last = time;
  }

  /** Copies the runs out as batches and empties the month. */
  take(): DecodedBatch[] {
    const batches = this.#runs.map((run, i) => ({
      start: run.start,
      utcOffsetMinutes: run.offset,
      bytes: this.#bytes.slice(run.from, this.#runs[i + 1]?.from ?? this.#used),
    }));
    this.#runs = [];
    this.#used = 0;
    this.#last = -Infinity;
    return batches;
  }
}

/**
 * The zone's UTC offset at each minute, asking Intl (slow) twice a UTC day: a
 * day whose ends share an offset has it throughout; a day with a change asks
 * per minute.
 */
class OffsetCache {
  #timeZone: string;
  #day = NaN;
  #offset: number | null = null;

  constructor(timeZone: string) {
    this.#timeZone = timeZone;
  }

  at(time: number): number {
    const day = Math.floor(time / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      const start = utcOffsetMinutes(day * DAY_MS, this.#timeZone);
      const end = utcOffsetMinutes((day + 1) * DAY_MS - 1, this.#timeZone);
      this.#offset = start === end ? start : null;
    }
    return this.#offset ?? utcOffsetMinutes(time, this.#timeZone);
  }
}

/** Rows per page of samples: about 5 MB of row arrays at a time. */
const PAGE_ROWS = 50_000;

/**
 * Makes a statement answer rows as arrays. node:sqlite has it (Node 24 and
 * Deno 2.9) but Deno's types lack it, hence the narrow check.
 */
function setReturnArrays(statement: StatementSync): void {
  const withArrays = statement as unknown as {
    setReturnArrays?: (enabled: boolean) => void;
  };
  if (typeof withArrays.setReturnArrays !== "function") {
    throw new Error(
      "Cannot read Gadgetbridge data: this runtime's node:sqlite cannot return rows as arrays",
    );
  }
  withArrays.setReturnArrays(true);
}

/** Finds a device's row id by its MAC (any case), or null. */
export function findDeviceId(
  gb: GadgetbridgeDatabase,
  identifier: string,
): number | null {
  try {
    const row = gb.db.prepare(
      `SELECT "_id" AS id FROM DEVICE WHERE UPPER(IDENTIFIER) = UPPER(?)`,
    ).get(identifier) as { id: number } | undefined;
    return row === undefined ? null : Number(row.id);
  } catch (error) {
    throw asInputError(error);
  }
}

/** Reads a device's minutes, readings and workouts; throws 400 for a damaged file, 413 past the caps. */
export function readDeviceHistory(
  gb: GadgetbridgeDatabase,
  deviceId: number,
  options: ReadDeviceOptions,
): DeviceHistory {
  try {
    return {
      ...readSamples(gb, deviceId, options),
      battery: readBattery(gb, deviceId, options),
      workouts: readWorkouts(gb, deviceId, options),
    };
  } catch (error) {
    throw asInputError(error);
  }
}

function readSamples(
  gb: GadgetbridgeDatabase,
  deviceId: number,
  options: ReadDeviceOptions,
): Pick<DeviceHistory, "months" | "heartRate"> {
  const latest = options.now + MINUTE_MS;
  // Keyset pages on the primary key (TIMESTAMP, DEVICE_ID), read as arrays:
  // node:sqlite's per-row objects cost more than the rest of the import.
  const page = gb.db.prepare(
    `SELECT TIMESTAMP, RAW_KIND, RAW_INTENSITY, STEPS, HEART_RATE
      FROM MI_BAND_ACTIVITY_SAMPLE WHERE DEVICE_ID = ? AND TIMESTAMP > ?
      ORDER BY TIMESTAMP LIMIT ${PAGE_ROWS}`,
  );
  setReturnArrays(page);
  const months: DecodedBatch[][] = [];
  const heartRate: DeviceHistory["heartRate"] = [];
  const month = new MonthRuns();
  const offsets = new OffsetCache(options.timeZone);
  const record = [0, 0, 0, 0];
  let minutes = 0;
  let monthStart = Infinity, monthEnd = -Infinity;
  for (let after: unknown = -Infinity;;) {
    const rows = page.all(deviceId, after as number) as unknown as unknown[][];
    if (rows.length === 0) break;
    after = rows[rows.length - 1][0];
    for (const row of rows) {
      const [seconds, rawKind, rawIntensity, rawSteps, rawHeartRate] = row;
      if (typeof seconds !== "number" || !Number.isInteger(seconds)) continue;
      const time = seconds * 1000;
      if (time < EARLIEST_SAMPLE_MS || time > latest) continue;
      if (seconds % 60 !== 0 || rawIntensity === -1) {
        const bpm = Number(rawHeartRate);
        if (Number.isInteger(bpm) && bpm >= 20 && bpm <= 250) {
          if (heartRate.length >= MAX_IMPORT_READINGS) {
            throw tooMuch("heart-rate readings", MAX_IMPORT_READINGS);
          }
          heartRate.push({ time, bpm });
        }
        continue;
      }
      // As for uploads, a minute must have ended by now (plus a minute of skew).
      if (time > options.now) continue;
      const kind = asByte(rawKind), intensity = asByte(rawIntensity);
      const steps = rawSteps === -1 ? 0 : asByte(rawSteps);
      if (kind === null || intensity === null || steps === null) continue;
      if (++minutes > MAX_IMPORT_MINUTES) {
        throw tooMuch("minutes", MAX_IMPORT_MINUTES);
      }
      const offset = offsets.at(time);
      if (time < monthStart || time >= monthEnd) {
        if (month.month !== -1) months.push(month.take());
        const d = new Date(time);
        monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
        monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
        month.month = monthStart;
      }
      record[SAMPLE_FIELD.kind] = kind;
      record[SAMPLE_FIELD.intensity] = intensity;
      record[SAMPLE_FIELD.steps] = steps;
      record[SAMPLE_FIELD.heartRate] = asByte(rawHeartRate) ?? NO_HEART_RATE;
      month.add(time, offset, record);
    }
    if (typeof after !== "number") break;
  }
  if (month.month !== -1) months.push(month.take());
  return { months, heartRate };
}

function readBattery(
  gb: GadgetbridgeDatabase,
  deviceId: number,
  options: ReadDeviceOptions,
): DeviceHistory["battery"] {
  if (!gb.tables.has("BATTERY_LEVEL")) return [];
  const statement = gb.db.prepare(
    `SELECT TIMESTAMP, LEVEL FROM BATTERY_LEVEL
      WHERE DEVICE_ID = ? AND BATTERY_INDEX = 0 ORDER BY TIMESTAMP LIMIT ?`,
  );
  const out: DeviceHistory["battery"] = [];
  for (
    const { TIMESTAMP: seconds, LEVEL: level } of statement.iterate(
      deviceId,
      MAX_IMPORT_READINGS,
    ) as Iterable<Record<string, unknown>>
  ) {
    const reading = batteryReadingSchema.safeParse({
      time: Number(seconds) * 1000,
      level,
      charging: false,
    });
    if (reading.success && reading.data.time <= options.now + MINUTE_MS) {
      out.push(reading.data);
    }
  }
  return out;
}

function readWorkouts(
  gb: GadgetbridgeDatabase,
  deviceId: number,
  options: ReadDeviceOptions,
): DeviceHistory["workouts"] {
  if (!gb.tables.has("BASE_ACTIVITY_SUMMARY")) return [];
  const statement = gb.db.prepare(
    `SELECT START_TIME, END_TIME, ACTIVITY_KIND FROM BASE_ACTIVITY_SUMMARY
      WHERE DEVICE_ID = ? ORDER BY START_TIME LIMIT ?`,
  );
  const out: DeviceHistory["workouts"] = [];
  for (
    const { START_TIME: start, END_TIME: end, ACTIVITY_KIND: kind } of statement
      .iterate(deviceId, MAX_IMPORT_READINGS) as Iterable<
        Record<string, unknown>
      >
  ) {
    // A kind the band has no workout type for keeps type 0: no band type, shown by number.
    const workout = workoutSchema.safeParse({
      time: start,
      end,
      type: toBandWorkoutType(Number(kind)) ?? 0,
    });
    if (workout.success && workout.data.end <= options.now + MINUTE_MS) {
      out.push(workout.data);
    }
  }
  return out;
}
