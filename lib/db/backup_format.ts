// The backup format, version 1 (documented in docs/backup.md): gzip-compressed
// JSON Lines. A header line, one line per KV entry, and an end line carrying the
// entry count and a digest of every key and versionstamp, so a truncated or
// spliced file is refused before anything is written.
//
//   {"format":"band-web-kv-backup","version":1,"createdAt":"2026-11-30T06:00:00.000Z"}
//   {"k":[["s","users"],["s","u1"]],"v":["v8","/w9v…"],"vs":"00000000000000010000"}
//   {"end":true,"entries":1,"digest":"9f2c…"}
//
// Key parts are tagged: "s" string, "n" number, "i" bigint, "b" boolean, "u8"
// bytes (base64). Values: "u8" raw bytes, "u64" a Deno.KvU64 (decimal), "v8" any
// other value in V8's serialization (base64), the encoding KV itself stores.
import { Buffer } from "node:buffer";
import { createHash, type Hash } from "node:crypto";
import { deserialize, serialize } from "node:v8";

/** The format name in every backup's header line. */
export const BACKUP_FORMAT = "band-web-kv-backup";

/** The newest format version this code writes and reads. */
export const BACKUP_VERSION = 1;

/** A backup's first line. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
}

/** A backup's last line. */
export interface BackupEnd {
  end: true;
  entries: number;
  digest: string;
}

type TaggedPart =
  | ["s", string]
  | ["n", number | string]
  | ["i", string]
  | ["b", boolean]
  | ["u8", string];
type TaggedValue = ["u8", string] | ["u64", string] | ["v8", string];

/** One entry line. */
export interface EntryLine {
  k: TaggedPart[];
  v: TaggedValue;
  vs: string;
}

const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
    "base64",
  );
const fromBase64 = (text: string) =>
  new Uint8Array(Buffer.from(text, "base64"));

/** Tags one key part for JSON. */
function encodePart(part: Deno.KvKeyPart): TaggedPart {
  if (typeof part === "string") return ["s", part];
  if (typeof part === "number") {
    return ["n", Number.isFinite(part) ? part : String(part)];
  }
  if (typeof part === "bigint") return ["i", part.toString()];
  if (typeof part === "boolean") return ["b", part];
  if (part instanceof Uint8Array) return ["u8", toBase64(part)];
  throw new TypeError("Cannot back up: a key part is not storable");
}

function decodePart(tagged: unknown): Deno.KvKeyPart {
  if (!Array.isArray(tagged) || tagged.length !== 2) {
    throw new SyntaxError("Cannot read backup: a key part is malformed");
  }
  const [tag, value] = tagged;
  if (tag === "s" && typeof value === "string") return value;
  if (tag === "n" && (typeof value === "number" || typeof value === "string")) {
    return Number(value);
  }
  if (tag === "i" && typeof value === "string") return BigInt(value);
  if (tag === "b" && typeof value === "boolean") return value;
  if (tag === "u8" && typeof value === "string") return fromBase64(value);
  throw new SyntaxError(`Cannot read backup: unknown key part tag ${tag}`);
}

/** Turns one KV entry into its backup line (without the newline). */
export function encodeEntry(entry: Deno.KvEntry<unknown>): string {
  const { value } = entry;
  const v: TaggedValue = value instanceof Uint8Array
    ? ["u8", toBase64(value)]
    : value instanceof Deno.KvU64
    ? ["u64", value.value.toString()]
    : ["v8", toBase64(serialize(value))];
  const line: EntryLine = {
    k: entry.key.map(encodePart),
    v,
    vs: entry.versionstamp,
  };
  return JSON.stringify(line);
}

/** Reads one entry line back into a key, a value and the versionstamp it had. */
export function decodeEntry(
  line: unknown,
): { key: Deno.KvKey; value: unknown; versionstamp: string } {
  const entry = line as Partial<EntryLine>;
  if (
    !Array.isArray(entry.k) || !Array.isArray(entry.v) ||
    typeof entry.vs !== "string"
  ) {
    throw new SyntaxError("Cannot read backup: an entry line is malformed");
  }
  const key = entry.k.map(decodePart);
  const [tag, text] = entry.v;
  if (typeof text !== "string") {
    throw new SyntaxError("Cannot read backup: an entry value is malformed");
  }
  const value = tag === "u8"
    ? fromBase64(text)
    : tag === "u64"
    ? new Deno.KvU64(BigInt(text))
    : tag === "v8"
    ? deserialize(fromBase64(text))
    : undefined;
  if (value === undefined) {
    throw new SyntaxError(`Cannot read backup: unknown value tag ${tag}`);
  }
  return { key, value, versionstamp: entry.vs };
}

/** A running digest of keys and versionstamps, equal for two identical listings. */
export class ListingDigest {
  #hash: Hash = createHash("sha256");
  count = 0;

  /** Adds one entry's key and versionstamp. */
  add(key: Deno.KvKey, versionstamp: string): void {
    this.count++;
    this.#hash.update(JSON.stringify(key.map(encodePart)));
    this.#hash.update("\u0000" + versionstamp + "\n");
  }

  /** The hex digest; the digest cannot be added to afterwards. */
  finish(): string {
    return this.#hash.digest("hex");
  }
}
