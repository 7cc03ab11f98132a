// The first pass of a restore: every line of the archive is read and
// validated, and the manifest's counts compared with what is there, before
// anything is stored. A line problem is kept while the rest is read, so an
// archive from a newer Band Web is refused for its version, not for a line
// this server does not understand.
import type { z } from "zod";
import {
  isTakeoutMinute,
  TAKEOUT_FORMAT,
  TAKEOUT_MAX_BANDS,
  TAKEOUT_MAX_DOCUMENT_CHARS,
  TAKEOUT_VERSION,
  type TakeoutBand,
  takeoutBandSchema,
  type TakeoutManifest,
  takeoutManifestSchema,
  takeoutMinuteSchema,
  takeoutReadingSchema,
  takeoutWorkoutSchema,
} from "../api/takeout_schemas.ts";
import { HttpError } from "../http/errors.ts";
import {
  type BandFileKind,
  BANDS_NAME,
  MANIFEST_NAME,
  parseBandFileName,
  PROFILE_NAME,
} from "./archive_names.ts";
import {
  damaged,
  quoteName,
  readArchive,
  type ReadArchiveLimits,
} from "./read_archive.ts";

/** Options of `checkArchive`. */
export interface CheckArchiveOptions {
  /** The current time (epoch ms): nothing may be dated after it, as for uploads. */
  now: number;
  limits?: ReadArchiveLimits;
}

/** What a valid archive holds, for the second pass to write. */
export interface ArchivePlan {
  manifest: TakeoutManifest;
  /** The archive's bands, in its order. */
  bands: TakeoutBand[];
}

const LINE_SCHEMAS: Record<BandFileKind, z.ZodType> = {
  minutes: takeoutMinuteSchema,
  readings: takeoutReadingSchema,
  workouts: takeoutWorkoutSchema,
};

const MINUTE_MS = 60_000;

/**
 * Whether a line is dated after `now`, by the rules of the upload routes: a
 * minute may not end after the next minute begins (lib/auth/upload_batches.ts),
 * a reading may be a minute ahead (POST /api/bands/:id/readings/:kind), so a
 * band whose clock runs a little fast is not refused; a workout may not end
 * later either (as a Gadgetbridge import checks).
 */
function isFuture(kind: BandFileKind, value: unknown, now: number): boolean {
  const { time, end } = value as { time: number; end?: number };
  if (kind === "minutes") return time + MINUTE_MS > now + MINUTE_MS;
  return time > now + MINUTE_MS ||
    (kind === "workouts" && end! > now + MINUTE_MS);
}

/** Why a file is unexpected: a takeout zipped with its folder says so. */
function describeUnexpected(name: string): string {
  const slash = name.indexOf("/");
  const inner = name.slice(slash + 1);
  const known = inner === MANIFEST_NAME || inner === PROFILE_NAME ||
    inner === BANDS_NAME || parseBandFileName(inner) !== null;
  return slash > 0 && known
    ? `the archive's files are in the folder ${
      quoteName(name.slice(0, slash + 1))
    }: zip the files themselves, not their folder`
    : `the archive holds an unexpected file ${quoteName(name)}`;
}

function tooLarge(detail: string): HttpError {
  return new HttpError(413, "too_large", `Cannot restore: ${detail}`);
}

function describe(error: z.ZodError): string {
  return error.issues.slice(0, 2).map((i) =>
    i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message
  ).join("; ");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Refuses a manifest of another format or a newer version, with a message that says which. */
function checkManifest(value: unknown): TakeoutManifest {
  const loose = value as { format?: unknown; version?: unknown } | undefined;
  if (loose?.format !== TAKEOUT_FORMAT) {
    throw damaged(
      "the archive is not a Band Web takeout (no takeout manifest)",
    );
  }
  if (typeof loose.version === "number" && loose.version > TAKEOUT_VERSION) {
    throw new HttpError(
      422,
      "unsupported_version",
      `Cannot restore: this archive comes from a newer Band Web (format ${loose.version}); update this server first (it reads up to format ${TAKEOUT_VERSION})`,
    );
  }
  const parsed = takeoutManifestSchema.safeParse(value);
  if (!parsed.success) {
    throw damaged(`${MANIFEST_NAME} is malformed: ${describe(parsed.error)}`);
  }
  return parsed.data;
}

/** Validates a spooled takeout archive whole; throws a 4xx `HttpError` naming the first problem. */
export async function checkArchive(
  path: string,
  options: CheckArchiveOptions,
): Promise<ArchivePlan> {
  const bands: TakeoutBand[] = [];
  const bandIds = new Set<string>();
  const macs = new Set<string>();
  const documentChars = new Map<string, number>();
  const counts = new Map<string, number>();
  const lastMinute = new Map<string, number>();
  const referenced = new Set<string>();
  const documents = new Map<string, string[]>();
  const bandFiles = new Map<string, ReturnType<typeof parseBandFileName>>();
  let problem: HttpError | null = null;
  const fail = (message: string) => {
    problem ??= damaged(message);
  };

  await readArchive(path, (event) => {
    // Folders (`bands/`) appear when a person unpacks and zips the archive again.
    if (event.name.endsWith("/")) {
      if (event.type === "line") fail(`the folder ${event.name} holds data`);
      return;
    }
    if (event.type === "start") {
      counts.set(event.name, 0);
      bandFiles.set(event.name, parseBandFileName(event.name));
      if (event.name === MANIFEST_NAME || event.name === PROFILE_NAME) {
        documents.set(event.name, []);
        documentChars.set(event.name, 0);
      } else if (
        event.name !== BANDS_NAME && bandFiles.get(event.name) === null
      ) fail(describeUnexpected(event.name));
      return;
    }
    if (event.type === "end") return;
    const document = documents.get(event.name);
    if (document !== undefined) {
      const chars = documentChars.get(event.name)! + event.line.length + 1;
      if (chars > TAKEOUT_MAX_DOCUMENT_CHARS) {
        throw tooLarge(
          `${event.name} is longer than ${TAKEOUT_MAX_DOCUMENT_CHARS} characters`,
        );
      }
      documentChars.set(event.name, chars);
      document.push(event.line);
      return;
    }
    counts.set(event.name, counts.get(event.name)! + 1);
    if (problem !== null) return;
    const value = parseJson(event.line);
    const where = () => `${event.name} line ${event.number}`;
    if (value === undefined) return fail(`${where()} is not JSON`);
    if (event.name === BANDS_NAME) {
      const band = takeoutBandSchema.safeParse(value);
      if (!band.success) {
        return fail(`${where()} is malformed: ${describe(band.error)}`);
      }
      if (bandIds.has(band.data.id) || macs.has(band.data.mac)) {
        return fail(`${where()} repeats a band id or MAC address`);
      }
      if (bands.length >= TAKEOUT_MAX_BANDS) {
        throw tooLarge(
          `the archive holds more than ${TAKEOUT_MAX_BANDS} bands; restore at most ${TAKEOUT_MAX_BANDS} at once`,
        );
      }
      bandIds.add(band.data.id);
      macs.add(band.data.mac);
      bands.push(band.data);
      return;
    }
    const file = bandFiles.get(event.name)!;
    referenced.add(file.bandId);
    if (file.kind !== "minutes" || !isTakeoutMinute(value)) {
      const line = LINE_SCHEMAS[file.kind].safeParse(value);
      if (!line.success) {
        return fail(`${where()} is malformed: ${describe(line.error)}`);
      }
    }
    if (isFuture(file.kind, value, options.now)) {
      return fail(`${where()} is dated after the current time`);
    }
    if (file.kind === "minutes") {
      const time = (value as { time: number }).time;
      if (time <= (lastMinute.get(file.bandId) ?? -Infinity)) {
        return fail(`${where()} is not after the minute before it`);
      }
      lastMinute.set(file.bandId, time);
    }
  }, options.limits);

  const manifestText = documents.get(MANIFEST_NAME);
  if (manifestText === undefined) {
    // A problem seen on the way (files in a folder) says more than the absence.
    throw problem ?? damaged(
      `the archive has no ${MANIFEST_NAME}: it is not a Band Web takeout`,
    );
  }
  const manifest = checkManifest(parseJson(manifestText.join("\n")));
  if (problem !== null) throw problem;
  const profile = documents.get(PROFILE_NAME);
  if (profile !== undefined && parseJson(profile.join("\n")) === undefined) {
    throw damaged(`${PROFILE_NAME} is not JSON`);
  }
  for (const id of referenced) {
    if (!bandIds.has(id)) {
      throw damaged(
        `the archive has files of band ${id} but no such band in ${BANDS_NAME}`,
      );
    }
  }
  const listed = new Map(manifest.files.map((f) => [f.name, f.lines]));
  for (const [name, lines] of counts) {
    if (documents.has(name)) continue;
    if (!listed.has(name)) {
      throw damaged(`${name} is not listed in ${MANIFEST_NAME}`);
    }
    if (listed.get(name) !== lines) {
      throw damaged(
        `${name} has ${lines} lines and ${MANIFEST_NAME} says ${
          listed.get(name)
        } (truncated or altered)`,
      );
    }
  }
  for (const name of listed.keys()) {
    if (!counts.has(name)) {
      throw damaged(`${name} is listed in ${MANIFEST_NAME} but missing`);
    }
  }
  return { manifest, bands };
}
