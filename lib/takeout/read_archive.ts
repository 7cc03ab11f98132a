// Reading a spooled takeout ZIP as a stream of lines, file by file, without
// unpacking it anywhere: the file is read 16 KiB at a time, each entry is
// inflated as it comes and cut into lines, and the visitor is awaited before
// the next piece is read. Unpacked bytes, entries and line lengths are held to
// limits, so a ZIP bomb, a ZIP of a million empty files or a line without end
// stops early with a 4xx. Entry names are never paths here: they only name
// what a line belongs to.
import { Unzip, UnzipInflate } from "fflate";
import {
  TAKEOUT_MAX_ENTRIES,
  TAKEOUT_MAX_LINE_CHARS,
  TAKEOUT_MAX_UNPACKED_BYTES,
} from "../api/takeout_schemas.ts";
import { badRequest, HttpError } from "../http/errors.ts";
import { isMacClutter } from "./archive_names.ts";

/** What the reader hands its visitor: a file starts, one of its lines, the file ends. */
export type ArchiveEvent =
  | { type: "start"; name: string }
  | { type: "line"; name: string; line: string; number: number }
  | { type: "end"; name: string };

/** Limits of `readArchive` (tests lower them). */
export interface ReadArchiveLimits {
  maxUnpackedBytes?: number;
  maxLineChars?: number;
  maxEntries?: number;
}

/** Longest entry name read (a takeout's longest is under 60; a ZIP allows 64 Ki). */
const MAX_NAME_CHARS = 200;

/** Longest entry name a message quotes whole; a longer one is cut (a name can be 64 KiB). */
const QUOTED_NAME_CHARS = 80;

/** An entry's name for a message: cut with an ellipsis past 80 characters. */
export function quoteName(name: string): string {
  return name.length <= QUOTED_NAME_CHARS
    ? name
    : `${name.slice(0, QUOTED_NAME_CHARS)}…`;
}

const READ_BYTES = 16 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** 400 for an archive that cannot be read, with the detail after a colon. */
export function damaged(detail: string): HttpError {
  return badRequest(`Cannot restore: ${detail}`);
}

/** One entry's bytes turned into lines as they arrive. */
class EntryLines {
  #decoder = new TextDecoder("utf-8", { fatal: true });
  #rest = "";
  #number = 0;
  name: string;
  ended = false;

  constructor(name: string) {
    this.name = name;
  }

  /** Adds inflated bytes; pushes each whole line onto `events`. */
  push(
    data: Uint8Array,
    final: boolean,
    events: ArchiveEvent[],
    maxLine: number,
  ): void {
    let text: string;
    try {
      text = this.#rest + this.#decoder.decode(data, { stream: !final });
    } catch {
      throw damaged(`${quoteName(this.name)} is not UTF-8 text`);
    }
    let at = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", at)) {
      this.#emit(text.slice(at, nl), events, maxLine);
      at = nl + 1;
    }
    this.#rest = text.slice(at);
    if (this.#rest.length > maxLine) {
      throw damaged(
        `${quoteName(this.name)} has a line longer than ${maxLine} characters`,
      );
    }
    if (final) {
      if (this.#rest !== "") this.#emit(this.#rest, events, maxLine);
      this.#rest = "";
      this.ended = true;
      events.push({ type: "end", name: this.name });
    }
  }

  #emit(line: string, events: ArchiveEvent[], maxLine: number): void {
    this.#number++;
    if (line.length > maxLine) {
      throw damaged(
        `${quoteName(this.name)} has a line longer than ${maxLine} characters`,
      );
    }
    if (line.trim() === "") return;
    events.push({ type: "line", name: this.name, line, number: this.#number });
  }
}

/**
 * Reads every file of a ZIP at `path` and hands its lines to `visit`, in
 * archive order (what macOS adds when zipping again is skipped); throws 400
 * for a file that is not a ZIP, a damaged or truncated one, or one with a
 * duplicate name, and 413 past the unpacked or entry limits.
 */
export async function readArchive(
  path: string,
  visit: (event: ArchiveEvent) => void | Promise<void>,
  limits: ReadArchiveLimits = {},
): Promise<void> {
  const maxUnpacked = limits.maxUnpackedBytes ?? TAKEOUT_MAX_UNPACKED_BYTES;
  const maxLine = limits.maxLineChars ?? TAKEOUT_MAX_LINE_CHARS;
  const maxEntries = limits.maxEntries ?? TAKEOUT_MAX_ENTRIES;
  const events: ArchiveEvent[] = [];
  // Only entries not ended yet are kept, so ended ones cost nothing but a name.
  const open = new Set<EntryLines>();
  const seen = new Set<string>();
  let problem: unknown = null;
  let unpacked = 0;
  const unzip = new Unzip((file) => {
    if (problem !== null) return;
    if (seen.size >= maxEntries) {
      problem = new HttpError(
        413,
        "too_large",
        `Cannot restore: the archive holds more than ${maxEntries} files and folders`,
      );
      return;
    }
    if (file.name.length > MAX_NAME_CHARS) {
      problem = damaged(
        `the archive holds a file name longer than ${MAX_NAME_CHARS} characters: ${
          quoteName(file.name)
        }`,
      );
      return;
    }
    if (seen.has(file.name)) {
      problem = damaged(`the archive holds ${quoteName(file.name)} twice`);
      return;
    }
    seen.add(file.name);
    // Never started, so never inflated: the reader skips its bytes.
    if (isMacClutter(file.name)) return;
    const entry = new EntryLines(file.name);
    open.add(entry);
    events.push({ type: "start", name: file.name });
    file.ondata = (error, data, final) => {
      if (problem !== null) return;
      try {
        if (error) {
          throw damaged(
            `${quoteName(file.name)} is damaged (${error.message})`,
          );
        }
        unpacked += data.byteLength;
        if (unpacked > maxUnpacked) {
          throw new HttpError(
            413,
            "too_large",
            `Cannot restore: the archive unpacks to more than ${maxUnpacked} bytes`,
          );
        }
        entry.push(data, final, events, maxLine);
        if (entry.ended) open.delete(entry);
      } catch (caught) {
        problem = caught;
      }
    };
    try {
      file.start();
    } catch (caught) {
      problem = damaged(
        `${quoteName(file.name)} is packed in a way this server cannot read (${
          (caught as Error).message
        })`,
      );
    }
  });
  unzip.register(UnzipInflate);

  using file = await Deno.open(path);
  const buffer = new Uint8Array(READ_BYTES);
  let first = true;
  const feed = async (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch (caught) {
      problem ??= damaged(
        `the ZIP file is damaged or truncated (${(caught as Error).message})`,
      );
    }
    for (const event of events.splice(0)) {
      if (problem !== null) break;
      await visit(event);
    }
    if (problem !== null) throw problem;
  };
  while (true) {
    const read = await file.read(buffer);
    if (read === null) break;
    const chunk = buffer.slice(0, read);
    if (first && !ZIP_MAGIC.every((b, i) => chunk[i] === b)) {
      throw damaged("the file is not a ZIP archive");
    }
    first = false;
    await feed(chunk, false);
  }
  if (first) throw damaged("the file is empty");
  await feed(new Uint8Array(0), true);
  const [unfinished] = open;
  if (unfinished !== undefined) {
    throw damaged(
      `the archive ends inside ${quoteName(unfinished.name)} (truncated)`,
    );
  }
}
