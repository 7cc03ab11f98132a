import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  ChunkReassembler,
  encodeChunks,
  parseChunk,
} from "../../lib/protocol/chunked.ts";
import { CHUNK_TYPE } from "../../lib/protocol/constants.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.10: music payload, 19 bytes, two chunks.
const MUSIC = hex("1b 01 00 1e 00 41 72 74 69 73 74 00 53 6f 6e 67 00 d7 00");
const MUSIC_CHUNKS = [
  "00 03 00 1b 01 00 1e 00 41 72 74 69 73 74 00 53 6f 6e 67 00",
  "00 83 01 d7 00",
];
// §30.12: Telegram notification, 41 bytes, three chunks.
const TELEGRAM = hex(
  "fa 00 00 00 00 01 19 41 6c 69 63 65 00 48 65 6c 6c 6f 20 66 72 6f 6d 20 74 68 65 20 77 65 62 00 54 65 6c 65 67 72 61 6d 00",
);
const TELEGRAM_CHUNKS = [
  "00 00 00 fa 00 00 00 00 01 19 41 6c 69 63 65 00 48 65 6c 6c",
  "00 40 01 6f 20 66 72 6f 6d 20 74 68 65 20 77 65 62 00 54 65",
  "00 80 02 6c 65 67 72 61 6d 00",
];

Deno.test("encodeChunks() splits music into the §30.10 writes", () => {
  assertEquals(encodeChunks(CHUNK_TYPE.music, MUSIC).map(toHex), MUSIC_CHUNKS);
});

Deno.test("encodeChunks() marks a single chunk c0 (§30.10 volume)", () => {
  assertEquals(encodeChunks(CHUNK_TYPE.music, hex("40 37")).map(toHex), [
    "00 c3 00 40 37",
  ]);
});

Deno.test("encodeChunks() marks first, middle, last (§30.12 Telegram)", () => {
  assertEquals(
    encodeChunks(CHUNK_TYPE.notification, TELEGRAM).map(toHex),
    TELEGRAM_CHUNKS,
  );
});

Deno.test("encodeChunks() refuses bad types, sizes and empty payloads", () => {
  throws(() => encodeChunks(64, MUSIC), RangeError);
  throws(() => encodeChunks(0, MUSIC, { chunkSize: 0 }), RangeError);
  throws(() => encodeChunks(0, new Uint8Array(0)), RangeError);
});

Deno.test("encodeChunks() wraps the sequence byte past 255", () => {
  const chunks = encodeChunks(2, new Uint8Array(300), { chunkSize: 1 });
  assertEquals(chunks.length, 300);
  assertEquals([chunks[255][2], chunks[256][2], chunks[299][1]], [
    255,
    0,
    0x82,
  ]);
});

Deno.test("parseChunk() reads type, position and sequence", () => {
  const chunk = parseChunk(hex(TELEGRAM_CHUNKS[1]));
  assertEquals([
    chunk.type,
    chunk.position,
    chunk.sequence,
    chunk.payload.length,
  ], [0, "middle", 1, 17]);
  throws(() => parseChunk(hex("00 c3")), RangeError);
  throws(() => parseChunk(hex("01 c3 00 40")), ProtocolError);
});

Deno.test("ChunkReassembler rebuilds messages of any chunk size", () => {
  const r = new ChunkReassembler();
  assertEquals(r.push(hex(TELEGRAM_CHUNKS[0])), null);
  // A music message interleaved on another type does not disturb the notification.
  assertEquals(r.push(hex("00 c3 00 40 37")), {
    type: 3,
    payload: hex("40 37"),
  });
  assertEquals(r.push(hex(TELEGRAM_CHUNKS[1])), null);
  assertEquals(r.push(hex(TELEGRAM_CHUNKS[2])), { type: 0, payload: TELEGRAM });
  const big = encodeChunks(1, TELEGRAM, { chunkSize: 30 });
  assertEquals(r.push(big[0]), null);
  assertEquals(r.push(big[1]), { type: 1, payload: TELEGRAM });
});

Deno.test("ChunkReassembler reports a gap, a stray chunk and a bad first sequence", () => {
  const r = new ChunkReassembler();
  r.push(hex(TELEGRAM_CHUNKS[0]));
  throws(() => r.push(hex(TELEGRAM_CHUNKS[2])), ProtocolError);
  throws(() => r.push(hex(MUSIC_CHUNKS[1])), ProtocolError);
  throws(() => r.push(hex("00 03 05 aa")), ProtocolError);
  r.push(hex(TELEGRAM_CHUNKS[0]));
  r.reset();
  throws(() => r.push(hex(TELEGRAM_CHUNKS[1])), ProtocolError);
});
