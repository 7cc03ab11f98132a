// The second pass of a restore, once `checkArchive` found the archive whole:
// each band of the archive goes to the person's band with the same MAC, or to
// a new band (only when the archive carries its auth key; every band here
// needs one). Minutes go through storeSamples one UTC month per commit, so the
// day figures are computed once at write time as for uploads; readings and
// workouts through storeReadings. Both keep what is stored, so restoring the
// same archive twice changes nothing.
import {
  isTakeoutMinute,
  takeoutMinuteSchema,
  takeoutReadingSchema,
  type TakeoutRestoreBand,
  type TakeoutRestoreResult,
  takeoutWorkoutSchema,
} from "../api/takeout_schemas.ts";
import { type Band, createBand, listBands } from "../db/bands.ts";
import type { ReadingKind } from "../db/keys.ts";
import { storeReadings } from "../db/readings.ts";
import { type DecodedBatch, storeSamples } from "../db/samples.ts";
import { conflict, HttpError } from "../http/errors.ts";
import { parseBandFileName } from "./archive_names.ts";
import type { ArchivePlan } from "./check_archive.ts";
import { readArchive } from "./read_archive.ts";

/** Options of `restoreArchive`. */
export interface RestoreOptions {
  /** The person restoring: every band goes to them. */
  userId: string;
  /** Their time zone, for the figures of a band's first minutes. */
  timeZone: string;
  now: number;
}

/** Readings per storeReadings commit (each is one mutation; KV allows 1000). */
const READINGS_PER_COMMIT = 400;
const MINUTE_MS = 60_000;

/** Where one band of the archive goes, and what it received so far. */
interface Target {
  band: Band;
  result: TakeoutRestoreBand;
}

/** One UTC month of sorted minutes as runs with one offset each, the shape storeSamples takes. */
class MonthBatches {
  #batches: DecodedBatch[] = [];
  #bytes: number[] = [];
  #last = -Infinity;
  #offset = NaN;
  month = -1;

  add(time: number, offset: number, record: readonly number[]): void {
    if (time !== this.#last + MINUTE_MS || offset !== this.#offset) {
      this.#close();
      this.#batches.push({
        start: time,
        utcOffsetMinutes: offset,
        bytes: new Uint8Array(0),
      });
      this.#offset = offset;
    }
    this.#bytes.push(...record);
    this.#last = time;
  }

  #close(): void {
    const open = this.#batches.at(-1);
    if (open !== undefined && open.bytes.length === 0) {
      open.bytes = new Uint8Array(this.#bytes);
    }
    this.#bytes = [];
  }

  /** Hands the month's batches over and starts empty. */
  take(): DecodedBatch[] {
    this.#close();
    const batches = this.#batches;
    this.#batches = [];
    this.#last = -Infinity;
    this.#offset = NaN;
    this.month = -1;
    return batches;
  }
}

function monthOf(time: number): number {
  const d = new Date(time);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Finds or creates the person's band for each band of the archive; refuses before any write when one cannot be. */
async function matchBands(
  kv: Deno.Kv,
  plan: ArchivePlan,
  options: RestoreOptions,
): Promise<Map<string, Target>> {
  const mine = new Map(
    (await listBands(kv, options.userId)).map((b) => [b.mac, b]),
  );
  for (const band of plan.bands) {
    if (!mine.has(band.mac) && band.authKey === undefined) {
      throw new HttpError(
        422,
        "missing_auth_key",
        `Cannot restore: band "${band.name}" (${band.mac}) is not on this account and the archive has no auth key for it: add the band first, or download the takeout again with the bands' auth keys`,
      );
    }
  }
  const matched = new Map<string, Target>();
  for (const line of plan.bands) {
    let band = mine.get(line.mac);
    const created = band === undefined;
    if (band === undefined) {
      const stored = await createBand(kv, {
        // Always a fresh id: the archive's only names its folder, and history
        // is keyed by band id alone, so reusing it could write into another
        // person's band.
        id: crypto.randomUUID(),
        userId: options.userId,
        name: line.name,
        mac: line.mac,
        authKey: line.authKey!,
        model: line.model,
        firmwareRevision: line.firmwareRevision,
        hardwareRevision: line.hardwareRevision,
        lastBattery: line.lastBattery,
        settings: line.settings,
        createdAt: line.createdAt,
        virtual: line.virtual,
      });
      if (!stored.ok) {
        throw conflict(
          `Cannot restore: band ${line.mac} could not be added (${stored.reason}): try again`,
        );
      }
      band = stored.band;
    }
    matched.set(line.id, {
      band,
      result: {
        name: band.name,
        mac: band.mac,
        created,
        minutes: 0,
        readings: 0,
        workouts: 0,
      },
    });
  }
  return matched;
}

/** Writes a checked archive's bands and history into the person's account. */
export async function restoreArchive(
  kv: Deno.Kv,
  path: string,
  plan: ArchivePlan,
  options: RestoreOptions,
): Promise<TakeoutRestoreResult> {
  const matched = await matchBands(kv, plan, options);
  const month = new MonthBatches();
  const pending = new Map<ReadingKind, { time: number }[]>();
  const storeOptions = {
    timeZone: options.timeZone,
    now: options.now,
    owner: options.userId,
  };

  const flushMinutes = async (target: Target) => {
    const batches = month.take();
    if (batches.length === 0) return;
    const stored = await storeSamples(
      kv,
      target.band.id,
      batches,
      storeOptions,
    );
    target.result.minutes += stored.added;
  };
  const flushReadings = async (
    target: Target,
    kind: ReadingKind,
  ) => {
    const readings = pending.get(kind) ?? [];
    pending.delete(kind);
    if (readings.length === 0) return;
    const added = await storeReadings(kv, kind, target.band.id, readings, {
      owner: options.userId,
    });
    if (kind === "workouts") target.result.workouts += added;
    else target.result.readings += added;
  };

  const bandFiles = new Map<string, ReturnType<typeof parseBandFileName>>();
  await readArchive(path, async (event) => {
    if (event.type === "start") {
      bandFiles.set(event.name, parseBandFileName(event.name));
      return;
    }
    const file = bandFiles.get(event.name);
    if (!file) return;
    const target = matched.get(file.bandId)!;
    if (event.type === "end") {
      if (file.kind === "minutes") await flushMinutes(target);
      else {for (const kind of [...pending.keys()]) {
          await flushReadings(target, kind);
        }}
      return;
    }
    const value = JSON.parse(event.line);
    if (file.kind === "minutes") {
      const m = isTakeoutMinute(value)
        ? value
        : takeoutMinuteSchema.parse(value);
      const at = monthOf(m.time);
      if (month.month !== -1 && month.month !== at) await flushMinutes(target);
      month.month = at;
      month.add(m.time, m.utcOffsetMinutes, [
        m.kind,
        m.intensity,
        m.steps,
        m.heartRate,
      ]);
      return;
    }
    let kind: ReadingKind, reading: { time: number };
    if (file.kind === "workouts") {
      kind = "workouts";
      reading = takeoutWorkoutSchema.parse(value);
    } else {
      const { kind: family, ...rest } = takeoutReadingSchema.parse(value);
      kind = family;
      reading = rest;
    }
    const list = pending.get(kind) ?? [];
    list.push(reading);
    pending.set(kind, list);
    if (list.length >= READINGS_PER_COMMIT) await flushReadings(target, kind);
  });
  return { bands: [...matched.values()].map((m) => m.result) };
}
