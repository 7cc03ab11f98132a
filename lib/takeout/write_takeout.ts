// A person's takeout as a ZIP streamed while it is built: band by band, one
// stored UTC day of minutes at a time, so a big account never sits in memory.
// The stream is pulled, so a slow download slows the reads of KV down with it.
// The manifest comes last: only then are the line counts known.
import { Zip, ZipDeflate } from "fflate";
import {
  TAKEOUT_FORMAT,
  TAKEOUT_VERSION,
  type TakeoutBand,
  type TakeoutManifest,
  type TakeoutMinute,
} from "../api/takeout_schemas.ts";
import { type Band, listBands, toPublicBand } from "../db/bands.ts";
import {
  type ReadingKind,
  readingsPrefix,
  sampleDaysPrefix,
} from "../db/keys.ts";
import { visitPackedDay } from "../db/sample_day.ts";
import { getSyncState } from "../db/sync_state.ts";
import { toPublicUser, type User } from "../db/users.ts";
import {
  bandFileName,
  BANDS_NAME,
  MANIFEST_NAME,
  PROFILE_NAME,
} from "./archive_names.ts";

/** Options of `streamTakeout`. */
export interface TakeoutOptions {
  /** Whether each band's line carries its auth key. */
  includeKeys: boolean;
  /** When the archive is made (epoch ms), for the manifest. */
  now: number;
}

/** The reading families of `readings.jsonl`; workouts have their own file. */
export const TAKEOUT_READING_KINDS: readonly Exclude<
  ReadingKind,
  "workouts"
>[] = ["heart_rate", "battery", "band_events"];

const FLUSH_CHARS = 64 * 1024;
const encoder = new TextEncoder();
const ALL_TIME = { start: -Infinity, end: Infinity };

/** Projects a band for `bands.jsonl`: the public fields, the key only when asked for. */
export function toTakeoutBand(
  band: Band,
  lastSyncAt: number | null,
  includeKey: boolean,
): TakeoutBand {
  const line: TakeoutBand = toPublicBand(band, lastSyncAt);
  if (includeKey) line.authKey = band.authKey;
  return line;
}

/** Streams a person's takeout ZIP (docs/takeout.md). */
export function streamTakeout(
  kv: Deno.Kv,
  user: User,
  options: TakeoutOptions,
): ReadableStream<Uint8Array> {
  return ReadableStream.from(buildTakeout(kv, user, options));
}

/** Lines of one file, counted and handed to the ZIP in chunks of about 64 KiB. */
class ZipLines {
  #entry: ZipDeflate;
  #text = "";
  lines = 0;

  constructor(zip: Zip, name: string) {
    this.#entry = new ZipDeflate(name, { level: 6 });
    zip.add(this.#entry);
  }

  /** Adds one JSON line; true when a chunk went to the ZIP. */
  add(value: unknown): boolean {
    this.#text += JSON.stringify(value) + "\n";
    this.lines++;
    if (this.#text.length < FLUSH_CHARS) return false;
    this.#entry.push(encoder.encode(this.#text));
    this.#text = "";
    return true;
  }

  /** Ends the file. */
  end(): void {
    this.#entry.push(encoder.encode(this.#text), true);
    this.#text = "";
  }
}

async function* buildTakeout(
  kv: Deno.Kv,
  user: User,
  options: TakeoutOptions,
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    yield* out.splice(0);
  };
  const files: TakeoutManifest["files"] = [];
  const write = (name: string, value: unknown) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(encoder.encode(JSON.stringify(value, null, 2) + "\n"), true);
  };
  write(PROFILE_NAME, toPublicUser(user));
  yield* drain();

  const bands = await listBands(kv, user.id);
  const bandLines = new ZipLines(zip, BANDS_NAME);
  for (const band of bands) {
    const { lastSyncAt } = await getSyncState(kv, band.id);
    bandLines.add(toTakeoutBand(band, lastSyncAt, options.includeKeys));
  }
  bandLines.end();
  files.push({ name: BANDS_NAME, lines: bandLines.lines });
  yield* drain();

  for (const band of bands) {
    const minutes = new ZipLines(zip, bandFileName(band.id, "minutes"));
    for await (
      const day of kv.list<Uint8Array>({ prefix: sampleDaysPrefix(band.id) })
    ) {
      visitPackedDay(
        day.value,
        day.key[2] as number,
        ALL_TIME,
        (time, kind, intensity, steps, heartRate, utcOffsetMinutes) => {
          const line: TakeoutMinute = {
            time,
            utcOffsetMinutes,
            kind,
            intensity,
            steps,
            heartRate,
          };
          minutes.add(line);
        },
      );
      yield* drain();
    }
    minutes.end();
    files.push({
      name: bandFileName(band.id, "minutes"),
      lines: minutes.lines,
    });
    yield* drain();

    const readings = new ZipLines(zip, bandFileName(band.id, "readings"));
    for (const kind of TAKEOUT_READING_KINDS) {
      for await (
        const entry of kv.list<object>({
          prefix: readingsPrefix(kind, band.id),
        })
      ) {
        if (readings.add({ kind, ...entry.value })) yield* drain();
      }
    }
    readings.end();
    files.push({
      name: bandFileName(band.id, "readings"),
      lines: readings.lines,
    });
    yield* drain();

    const workouts = new ZipLines(zip, bandFileName(band.id, "workouts"));
    for await (
      const entry of kv.list({ prefix: readingsPrefix("workouts", band.id) })
    ) {
      if (workouts.add(entry.value)) yield* drain();
    }
    workouts.end();
    files.push({
      name: bandFileName(band.id, "workouts"),
      lines: workouts.lines,
    });
    yield* drain();
  }

  const manifest: TakeoutManifest = {
    format: TAKEOUT_FORMAT,
    version: TAKEOUT_VERSION,
    createdAt: new Date(options.now).toISOString(),
    username: user.username,
    includesAuthKeys: options.includeKeys,
    files,
  };
  write(MANIFEST_NAME, manifest);
  zip.end();
  yield* drain();
}
