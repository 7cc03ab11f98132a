// Realtime activity on Huami 0x0007 (§9), read + notify, 13 bytes:
//   [0] 0c  [1..4] steps today u32 LE  [5..8] distance today m u32 LE  [9..12] calories today kcal u32 LE
// [CONFLICT] resolved as the spec recommends: all three fields are u32. The real capture
// `0c dc 2a 00 00 c2 1e 00 00 41 01 00 00` (321 kcal) rules out the one-byte calories of
// MB4W/SAT, and §32.5 rules out signed 16-bit steps.

import { REALTIME } from "./constants.ts";
import { formatHex, ProtocolError } from "./errors.ts";

/** Today's totals as the band reports them (reset at local midnight). */
export interface RealtimeActivity {
  /** Steps today. */
  steps: number;
  /** Distance today in metres. */
  distanceMeters: number;
  /** Calories today in kcal. */
  calories: number;
}

/** Decodes the 13-byte realtime activity value. */
export function parseRealtimeActivity(bytes: Uint8Array): RealtimeActivity {
  if (bytes.length !== 13) {
    throw new RangeError(
      `Cannot parse realtime activity: expected 13 bytes, got ${bytes.length}`,
    );
  }
  if (bytes[0] !== REALTIME.header) {
    throw new ProtocolError(
      `Cannot parse realtime activity: unexpected header in ${
        formatHex(bytes)
      }`,
      {
        opcode: bytes[0],
        bytes,
      },
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    steps: view.getUint32(1, true),
    distanceMeters: view.getUint32(5, true),
    calories: view.getUint32(9, true),
  };
}

/** Encodes the 13-byte realtime activity value (simulator side). */
export function encodeRealtimeActivity(activity: RealtimeActivity): Uint8Array {
  const out = new Uint8Array(13);
  const view = new DataView(out.buffer);
  out[0] = REALTIME.header;
  const fields = [activity.steps, activity.distanceMeters, activity.calories];
  fields.forEach((value, i) => {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new RangeError(
        `Cannot encode realtime activity: ${value} is not a u32`,
      );
    }
    view.setUint32(1 + i * 4, value, true);
  });
  return out;
}
