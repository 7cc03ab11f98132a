// One minute of band history as 4 raw bytes, the layout the band sends (§11.3)
// and the one uploads and storage keep unchanged:
// [0] raw kind (flags in the upper nibble, class in the lower)  [1] raw intensity
// [2] steps (uint8)  [3] heart rate (bpm; 0 or 0xff = no reading)

/** Bytes per minute in the band's records, uploads and stored days. */
export const SAMPLE_BYTES = 4;

/** Where each field sits in a record, for readers that walk many records without objects. */
export const SAMPLE_FIELD = {
  kind: 0,
  intensity: 1,
  steps: 2,
  heartRate: 3,
} as const;

/** One per-minute activity sample with the band's raw bytes kept as they came. */
export interface ActivitySample {
  /** Raw kind byte (flag bits in the upper nibble, class in the lower nibble). */
  kind: number;
  /** Raw movement intensity, 0–255. */
  intensity: number;
  /** Steps taken in that minute, 0–255. */
  steps: number;
  /** Raw heart-rate byte: beats per minute, 0xff (or 0) when there was no reading. */
  heartRate: number;
}

/** Reads the raw heart-rate byte, where 0 and 0xff both mean "no reading" (§11.3). */
export function readHeartRate(raw: number): number | null {
  return raw === 0 || raw === 0xff ? null : raw;
}

/** Decodes the 4-byte record at `at`. */
export function decodeSample(bytes: Uint8Array, at: number): ActivitySample {
  return {
    kind: bytes[at + SAMPLE_FIELD.kind],
    intensity: bytes[at + SAMPLE_FIELD.intensity],
    steps: bytes[at + SAMPLE_FIELD.steps],
    heartRate: bytes[at + SAMPLE_FIELD.heartRate],
  };
}

/** Decodes consecutive records; throws `RangeError` when the length is not whole records. */
export function decodeSamples(bytes: Uint8Array): ActivitySample[] {
  if (bytes.length % SAMPLE_BYTES !== 0) {
    throw new RangeError(
      `Cannot decode samples: ${bytes.length} bytes is not a whole number of 4-byte minutes`,
    );
  }
  const samples: ActivitySample[] = [];
  for (let at = 0; at < bytes.length; at += SAMPLE_BYTES) {
    samples.push(decodeSample(bytes, at));
  }
  return samples;
}

/** Encodes samples as consecutive records; throws `RangeError` when a field is not a byte. */
export function encodeSamples(samples: readonly ActivitySample[]): Uint8Array {
  const bytes = new Uint8Array(samples.length * SAMPLE_BYTES);
  samples.forEach((s, i) => {
    const fields = [s.kind, s.intensity, s.steps, s.heartRate]; // SAMPLE_FIELD order
    if (!fields.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xff)) {
      throw new RangeError(
        `Cannot encode activity sample: fields ${
          fields.join(", ")
        } are not all bytes`,
      );
    }
    bytes.set(fields, i * SAMPLE_BYTES);
  });
  return bytes;
}

/** Tells whether two records (at `a` in `x` and `b` in `y`) hold the same 4 bytes. */
export function isSameSample(
  x: Uint8Array,
  a: number,
  y: Uint8Array,
  b: number,
): boolean {
  return x[a] === y[b] && x[a + 1] === y[b + 1] && x[a + 2] === y[b + 2] &&
    x[a + 3] === y[b + 3];
}
