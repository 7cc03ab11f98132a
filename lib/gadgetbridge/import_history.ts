// Storing a device's history read from Gadgetbridge into a band, through the
// same paths the band's own uploads take: minutes through storeSamples (a
// stored minute wins, so importing twice changes nothing), one UTC month per
// commit to stay under KV's limits; readings and workouts through
// storeReadings, a few hundred per commit.
import type { GadgetbridgeImportResult } from "../api/gadgetbridge_schemas.ts";
import { type DecodedBatch, readPacks, storeSamples } from "../db/samples.ts";
import { storeReadings } from "../db/readings.ts";
import type { ReadingKind } from "../db/keys.ts";
import { DAY_MS, hasMinute, toUtcDay } from "../db/sample_day.ts";
import { SAMPLE_BYTES, SAMPLE_FIELD } from "../minute/sample.ts";
import type { DeviceHistory } from "./read_device.ts";

const MINUTE_MS = 60_000;

/** Readings per storeReadings commit (each is one mutation; KV allows 1000). */
const READINGS_PER_COMMIT = 400;

/** Options of `importDeviceHistory`. */
export interface ImportHistoryOptions {
  timeZone: string;
  now: number;
  /** The band's owner: each commit checks the band still exists (410 once deleted). */
  owner: string;
}

/** Adds up the steps of the minutes a month's batches would add (those not stored yet). */
async function countNewSteps(
  kv: Deno.Kv,
  bandId: string,
  batches: readonly DecodedBatch[],
): Promise<number> {
  const days = new Set<number>();
  for (const b of batches) {
    const end = b.start + (b.bytes.length / SAMPLE_BYTES) * MINUTE_MS;
    for (let d = toUtcDay(b.start); d <= toUtcDay(end - 1); d++) days.add(d);
  }
  const packs = await readPacks(kv, bandId, [...days]);
  let steps = 0;
  for (const b of batches) {
    for (let at = 0; at < b.bytes.length; at += SAMPLE_BYTES) {
      const time = b.start + (at / SAMPLE_BYTES) * MINUTE_MS;
      const pack = packs.get(toUtcDay(time));
      const index = (time % DAY_MS) / MINUTE_MS;
      if (pack === undefined || !hasMinute(pack, index)) {
        steps += b.bytes[at + SAMPLE_FIELD.steps];
      }
    }
  }
  return steps;
}

async function storeInChunks<T extends { time: number }>(
  kv: Deno.Kv,
  kind: ReadingKind,
  bandId: string,
  readings: readonly T[],
  owner: string,
): Promise<number> {
  let added = 0;
  for (let i = 0; i < readings.length; i += READINGS_PER_COMMIT) {
    added += await storeReadings(
      kv,
      kind,
      bandId,
      readings.slice(i, i + READINGS_PER_COMMIT),
      { owner },
    );
  }
  return added;
}

/** Stores a device's history into a band; answers what was new. */
export async function importDeviceHistory(
  kv: Deno.Kv,
  bandId: string,
  history: DeviceHistory,
  options: ImportHistoryOptions,
): Promise<GadgetbridgeImportResult> {
  const result: GadgetbridgeImportResult = {
    minutes: 0,
    steps: 0,
    unchanged: 0,
    conflicting: 0,
    heartRateReadings: 0,
    batteryReadings: 0,
    workouts: 0,
  };
  for (const batches of history.months) {
    const steps = await countNewSteps(kv, bandId, batches);
    const stored = await storeSamples(kv, bandId, batches, options);
    result.minutes += stored.added;
    result.unchanged += stored.unchanged;
    result.conflicting += stored.conflicting;
    if (stored.added > 0) result.steps += steps;
  }
  result.heartRateReadings = await storeInChunks(
    kv,
    "heart_rate",
    bandId,
    history.heartRate,
    options.owner,
  );
  result.batteryReadings = await storeInChunks(
    kv,
    "battery",
    bandId,
    history.battery,
    options.owner,
  );
  result.workouts = await storeInChunks(
    kv,
    "workouts",
    bandId,
    history.workouts,
    options.owner,
  );
  return result;
}
