import { deepStrictEqual as assertEquals, throws } from "node:assert/strict";
import { hex, toHex } from "./hex.ts";
import {
  encodeMusicState,
  type MusicState,
  parseMusicState,
} from "../../lib/protocol/music.ts";
import { encodeChunks } from "../../lib/protocol/chunked.ts";
import { CHUNK_TYPE } from "../../lib/protocol/constants.ts";
import { ProtocolError } from "../../lib/protocol/errors.ts";

// §30.10: playing, position 30 s, artist "Artist", track "Song", duration 215 s.
const SONG: MusicState = {
  playback: { playing: true, positionSeconds: 30 },
  artist: "Artist",
  track: "Song",
  durationSeconds: 215,
};
const SONG_BYTES = "1b 01 00 1e 00 41 72 74 69 73 74 00 53 6f 6e 67 00 d7 00";

Deno.test("encodeMusicState() writes the §30.10 payload and chunks", () => {
  const payload = encodeMusicState(SONG);
  assertEquals(toHex(payload), SONG_BYTES);
  assertEquals(encodeChunks(CHUNK_TYPE.music, payload).map(toHex), [
    "00 03 00 1b 01 00 1e 00 41 72 74 69 73 74 00 53 6f 6e 67 00",
    "00 83 01 d7 00",
  ]);
});

Deno.test("encodeMusicState() writes the §30.10 volume-only update 40 37", () => {
  assertEquals(toHex(encodeMusicState({ volume: 55 })), "40 37");
});

Deno.test("encodeMusicState() writes paused, album and MB4G's nothing-playing form (§16.1)", () => {
  assertEquals(
    toHex(
      encodeMusicState({
        playback: { playing: false, positionSeconds: 300 },
        album: "LP",
      }),
    ),
    "05 00 00 2c 01 4c 50 00",
  );
  assertEquals(
    toHex(encodeMusicState({ nothingPlaying: true, volume: 0 })),
    "60 00",
  );
});

Deno.test("parseMusicState() reads the vectors back", () => {
  assertEquals(parseMusicState(hex(SONG_BYTES)), SONG);
  assertEquals(parseMusicState(hex("40 37")), { volume: 55 });
  assertEquals(parseMusicState(hex("60 00")), {
    nothingPlaying: true,
    volume: 0,
  });
  assertEquals(parseMusicState(hex("01 07 00 05 00")), {
    playback: { playing: "unknown", positionSeconds: 5 },
  });
});

Deno.test("encodeMusicState() truncates texts to 80 characters and validates numbers", () => {
  assertEquals(
    parseMusicState(encodeMusicState({ track: "t".repeat(100) })).track,
    "t".repeat(80),
  );
  throws(() => encodeMusicState({ volume: 101 }), /volume 101/);
  throws(() => encodeMusicState({ durationSeconds: 70000 }), RangeError);
  throws(
    () =>
      encodeMusicState({ playback: { playing: true, positionSeconds: -1 } }),
    RangeError,
  );
  throws(() => encodeMusicState({ artist: "a\0b" }), RangeError);
  throws(() => encodeMusicState({}), RangeError);
});

Deno.test("parseMusicState() rejects truncated, padded and unknown-flag payloads", () => {
  throws(() => parseMusicState(hex("")), RangeError);
  throws(() => parseMusicState(hex("01 01 00")), RangeError);
  throws(() => parseMusicState(hex("02 41 42")), RangeError);
  throws(() => parseMusicState(hex("40 37 00")), RangeError);
  throws(() => parseMusicState(hex("80")), ProtocolError);
  throws(() => parseMusicState(hex("02 ff 00")), ProtocolError);
});
