// Chunked transfer on Huami 0x0020 (§4), one write per chunk:
//   [0] 00  [1] flags | type  [2] sequence (00 per message, +1 mod 256)  [3..] payload
// flags (upper two bits): 00 first of several, 40 middle, 80 last, c0 only chunk.
// The band never acknowledges chunks; the caller must still write them one at a time.

import { CHUNK } from "./constants.ts";
import { ProtocolError } from "./errors.ts";

/** Position of a chunk within its message, from the flag bits of byte 1. */
export type ChunkPosition = "first" | "middle" | "last" | "only";

/** One decoded chunk. */
export interface Chunk {
  /** Payload type, byte 1 AND 0x3f. */
  type: number;
  /** Where the chunk sits in its message. */
  position: ChunkPosition;
  /** Sequence number within the message. */
  sequence: number;
  /** Payload bytes (a view into the chunk). */
  payload: Uint8Array;
}

/** A reassembled chunked message. */
export interface ChunkedMessage {
  /** Payload type (see CHUNK_TYPE). */
  type: number;
  /** The whole payload. */
  payload: Uint8Array;
}

/** Options for splitting a payload into chunks. */
export interface EncodeChunksOptions {
  /** Payload bytes per chunk; 17 for a browser (20-byte writes at the default MTU). */
  chunkSize?: number;
}

const POSITION_BY_FLAGS: Record<number, ChunkPosition> = {
  [CHUNK.first]: "first",
  [CHUNK.middle]: "middle",
  [CHUNK.last]: "last",
  [CHUNK.only]: "only",
};

/** Splits a typed payload into the 0x0020 writes that carry it, in order. */
export function encodeChunks(
  type: number,
  payload: Uint8Array,
  options: EncodeChunksOptions = {},
): Uint8Array[] {
  const size = options.chunkSize ?? CHUNK.payloadSize;
  if (!Number.isInteger(type) || type < 0 || type > CHUNK.typeMask) {
    throw new RangeError(`Cannot encode chunks: type ${type} is outside 0..63`);
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(
      `Cannot encode chunks: chunk size ${size} is not a positive integer`,
    );
  }
  if (payload.length === 0) {
    throw new RangeError("Cannot encode chunks: payload is empty");
  }
  const count = Math.ceil(payload.length / size);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const part = payload.subarray(i * size, (i + 1) * size);
    const chunk = new Uint8Array(3 + part.length);
    chunk[0] = CHUNK.header;
    chunk[1] = flagsFor(i, count) | type;
    chunk[2] = i & 0xff;
    chunk.set(part, 3);
    chunks.push(chunk);
  }
  return chunks;
}

/** Decodes one 0x0020 write into its type, position, sequence and payload. */
export function parseChunk(bytes: Uint8Array): Chunk {
  if (bytes.length < 3) {
    throw new RangeError(
      `Cannot parse chunk: expected at least 3 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[0] !== CHUNK.header) {
    throw new ProtocolError(
      `Cannot parse chunk: byte 0 is ${bytes[0]}, expected 0`,
      {
        opcode: bytes[0],
        bytes,
      },
    );
  }
  return {
    type: bytes[1] & CHUNK.typeMask,
    position: POSITION_BY_FLAGS[bytes[1] & CHUNK.flagMask],
    sequence: bytes[2],
    payload: bytes.subarray(3),
  };
}

/**
 * Rebuilds chunked messages on the band side, one buffer per payload type.
 *
 * Accepts any chunk size, since a client on a larger MTU may send bigger chunks.
 */
export class ChunkReassembler {
  #buffers = new Map<number, { parts: Uint8Array[]; next: number }>();

  /** Feeds one 0x0020 write; returns the message it completes, or null while more chunks are due. */
  push(bytes: Uint8Array): ChunkedMessage | null {
    const chunk = parseChunk(bytes);
    const payload = chunk.payload.slice();
    if (chunk.position === "first" || chunk.position === "only") {
      if (chunk.sequence !== 0) {
        this.#buffers.delete(chunk.type);
        throw new ProtocolError(
          `Cannot reassemble chunks: first chunk of type ${chunk.type} has sequence ${chunk.sequence}, expected 0`,
          { opcode: chunk.type, bytes },
        );
      }
      if (chunk.position === "only") {
        this.#buffers.delete(chunk.type);
        return { type: chunk.type, payload };
      }
      this.#buffers.set(chunk.type, { parts: [payload], next: 1 });
      return null;
    }
    const buffer = this.#buffers.get(chunk.type);
    if (buffer === undefined || buffer.next !== chunk.sequence) {
      this.#buffers.delete(chunk.type);
      const expected = buffer === undefined
        ? "a first chunk"
        : `sequence ${buffer.next}`;
      throw new ProtocolError(
        `Cannot reassemble chunks: got ${chunk.position} chunk ${chunk.sequence} of type ${chunk.type}, expected ${expected}`,
        { opcode: chunk.type, bytes },
      );
    }
    buffer.parts.push(payload);
    buffer.next = (buffer.next + 1) & 0xff;
    if (chunk.position === "middle") return null;
    this.#buffers.delete(chunk.type);
    return { type: chunk.type, payload: concatBytes(buffer.parts) };
  }

  /** Drops every partial message, e.g. on disconnect. */
  reset(): void {
    this.#buffers.clear();
  }
}

function flagsFor(index: number, count: number): number {
  if (count === 1) return CHUNK.only;
  if (index === 0) return CHUNK.first;
  return index === count - 1 ? CHUNK.last : CHUNK.middle;
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
