// Music player state, phone → band, chunked type 3 on 0x0020 (§16.1):
//   [0] flags: 01 state, 02 artist, 04 album, 08 track, 10 duration, 20 nothing playing, 40 volume
//   then, in this order, only the fields whose flag is set:
//     state     SS 00 PP PP   SS 01 playing / 00 paused, PP position in seconds u16 LE
//     artist    UTF-8 + 00    album  UTF-8 + 00    track  UTF-8 + 00
//     duration  u16 LE seconds
//     volume    one byte 0-100
// Band → phone music buttons (`fe CC` on 0x0010) are parsed by device_events.ts.
// [CONFLICT] §16.1, resolved as GB/MB4G/DJ/AF: 01 = playing (SAT inverts it), a 1-byte volume
// (SAT/DJ add a 00), a u16 duration (AF writes u32).

import { MUSIC_FLAG } from "./constants.ts";
import { ProtocolError } from "./errors.ts";

/** What the phone's player is doing; every field is optional and only present fields are sent. */
export interface MusicState {
  /** Playback state, sent with the position. */
  playback?: { playing: boolean; positionSeconds: number };
  /** Artist, truncated to MUSIC_MAX_TEXT_CHARS. */
  artist?: string;
  /** Album, truncated to MUSIC_MAX_TEXT_CHARS. */
  album?: string;
  /** Track title, truncated to MUSIC_MAX_TEXT_CHARS. */
  track?: string;
  /** Track length in seconds, 0–65535. */
  durationSeconds?: number;
  /** Phone volume 0–100. */
  volume?: number;
  /** No player is active (flag 20, unconfirmed; MB4G sends it with volume 0). */
  nothingPlaying?: boolean;
}

/** A decoded music state; a state byte other than 00/01 reads as playing "unknown". */
export type ParsedMusicState = Omit<MusicState, "playback"> & {
  playback?: { playing: boolean | "unknown"; positionSeconds: number };
};

/** Longest artist, album or track in characters (Gadgetbridge truncates the artist to 80). */
const MUSIC_MAX_TEXT_CHARS = 80;

const TEXT_FIELDS = [
  ["artist", MUSIC_FLAG.artist],
  ["album", MUSIC_FLAG.album],
  ["track", MUSIC_FLAG.track],
] as const;
const KNOWN_FLAGS = Object.values(MUSIC_FLAG).reduce(
  (all, flag) => all | flag,
  0,
);
const UTF8 = new TextEncoder();
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Encodes the chunked type 3 payload for a music state; `{ volume }` alone gives GB's `40 VV`. */
export function encodeMusicState(state: MusicState): Uint8Array {
  let flags = 0;
  const out: number[] = [];
  if (state.playback !== undefined) {
    const { playing, positionSeconds } = state.playback;
    checkU16(positionSeconds, "position");
    flags |= MUSIC_FLAG.state;
    out.push(playing ? 1 : 0, 0, positionSeconds & 0xff, positionSeconds >> 8);
  }
  for (const [field, flag] of TEXT_FIELDS) {
    const text = state[field];
    if (text === undefined) continue;
    if (text.includes("\0")) {
      throw new RangeError(
        `Cannot encode music state: ${field} contains a NUL character`,
      );
    }
    flags |= flag;
    out.push(
      ...UTF8.encode(Array.from(text).slice(0, MUSIC_MAX_TEXT_CHARS).join("")),
      0,
    );
  }
  if (state.durationSeconds !== undefined) {
    checkU16(state.durationSeconds, "duration");
    flags |= MUSIC_FLAG.duration;
    out.push(state.durationSeconds & 0xff, state.durationSeconds >> 8);
  }
  if (state.nothingPlaying === true) flags |= MUSIC_FLAG.nothingPlaying;
  if (state.volume !== undefined) {
    if (
      !Number.isInteger(state.volume) || state.volume < 0 || state.volume > 100
    ) {
      throw new RangeError(
        `Cannot encode music state: volume ${state.volume} is outside 0..100`,
      );
    }
    flags |= MUSIC_FLAG.volume;
    out.push(state.volume);
  }
  if (flags === 0) {
    throw new RangeError("Cannot encode music state: no field is set");
  }
  return Uint8Array.of(flags, ...out);
}

/** Parses a reassembled chunked type 3 payload as the band receives it. */
export function parseMusicState(payload: Uint8Array): ParsedMusicState {
  if (payload.length < 1) {
    throw new RangeError("Cannot parse music state: payload is empty");
  }
  const flags = payload[0];
  const fail = (detail: string): never => {
    throw new ProtocolError(`Cannot parse music state: ${detail}`, {
      opcode: flags,
      bytes: payload,
    });
  };
  if ((flags & ~KNOWN_FLAGS) !== 0) fail(`flags ${flags} carry unknown bits`);
  const view = new DataView(
    payload.buffer,
    payload.byteOffset,
    payload.byteLength,
  );
  let offset = 1;
  const take = (length: number): number => {
    if (offset + length > payload.length) {
      throw new RangeError(
        `Cannot parse music state: payload ends at ${payload.length} bytes, field needs more`,
      );
    }
    offset += length;
    return offset - length;
  };
  const state: ParsedMusicState = {};
  if (flags & MUSIC_FLAG.state) {
    const at = take(4);
    const byte = payload[at];
    state.playback = {
      playing: byte === 1 ? true : byte === 0 ? false : "unknown",
      positionSeconds: view.getUint16(at + 2, true),
    };
  }
  for (const [field, flag] of TEXT_FIELDS) {
    if (!(flags & flag)) continue;
    const end = payload.indexOf(0, offset);
    if (end < 0) {
      throw new RangeError(
        `Cannot parse music state: ${field} has no 00 terminator`,
      );
    }
    try {
      state[field] = STRICT_UTF8.decode(payload.subarray(offset, end));
    } catch (cause) {
      throw new ProtocolError(
        `Cannot parse music state: ${field} is not valid UTF-8`,
        { opcode: flags, bytes: payload, cause },
      );
    }
    offset = end + 1;
  }
  if (flags & MUSIC_FLAG.duration) {
    state.durationSeconds = view.getUint16(take(2), true);
  }
  if (flags & MUSIC_FLAG.nothingPlaying) state.nothingPlaying = true;
  if (flags & MUSIC_FLAG.volume) state.volume = payload[take(1)];
  if (offset !== payload.length) {
    throw new RangeError(
      `Cannot parse music state: ${
        payload.length - offset
      } bytes left after the last field`,
    );
  }
  return state;
}

function checkU16(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) {
    throw new RangeError(
      `Cannot encode music state: ${what} ${value} s is outside 0..65535`,
    );
  }
}
