// The compact upload format: a batch's minutes as base64 of the band's own
// 4-byte records (lib/minute/sample.ts), in order, one per minute from the batch start.
import {
  type ActivitySample,
  decodeSamples,
  encodeSamples,
  SAMPLE_BYTES,
} from "../minute/sample.ts";

/** Encodes samples as base64 of their 4-byte records. */
export function encodeSampleData(samples: readonly ActivitySample[]): string {
  const bytes = encodeSamples(samples);
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
  return decodeSamples(decodeSampleBytes(data));
}
