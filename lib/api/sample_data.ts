// The compact upload format: a batch's minutes as base64 of the band's own
// 4-byte records, in order, one per minute from the batch start:
// [0] raw kind  [1] raw intensity  [2] steps  [3] heart rate (0xff or 0 = none)
import type { ActivitySample } from "../protocol/activity_sample.ts";

/** Bytes per minute in the upload format. */
export const SAMPLE_BYTES = 4;

/** Encodes samples as base64 of their 4-byte records. */
export function encodeSampleData(samples: readonly ActivitySample[]): string {
  const bytes = new Uint8Array(samples.length * SAMPLE_BYTES);
  samples.forEach((s, i) => {
    bytes.set([s.kind, s.intensity, s.steps, s.heartRate], i * SAMPLE_BYTES);
  });
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Decodes base64 sample data to raw bytes; throws `RangeError` when it is not whole records. */
export function decodeSampleBytes(data: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    throw new RangeError("Cannot read sample data: not valid base64");
  }
  if (binary.length % SAMPLE_BYTES !== 0) {
    throw new RangeError(
      `Cannot read sample data: ${binary.length} bytes is not a whole number of 4-byte minutes`,
    );
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes base64 sample data to samples. */
export function decodeSampleData(data: string): ActivitySample[] {
  const bytes = decodeSampleBytes(data);
  const samples: ActivitySample[] = [];
  for (let i = 0; i < bytes.length; i += SAMPLE_BYTES) {
    samples.push({
      kind: bytes[i],
      intensity: bytes[i + 1],
      steps: bytes[i + 2],
      heartRate: bytes[i + 3],
    });
  }
  return samples;
}
