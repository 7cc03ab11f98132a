// Turns a validated upload body into decoded batches, refusing sample data that
// is not whole minutes, lies in the future, or is too much for one commit.
import { MAX_UPLOAD_MINUTES, type UploadBatch } from "../api/sample_schemas.ts";
import { decodeSampleBytes } from "../api/sample_data.ts";
import type { DecodedBatch } from "../db/samples.ts";
import { listUploadUtcDays, MAX_UPLOAD_UTC_DAYS } from "../db/samples.ts";
import { badRequest, HttpError } from "../http/errors.ts";

const MINUTE_MS = 60_000;

/** Decodes and checks upload batches against `now`; throws 400 or 413 `HttpError`s. */
export function decodeUploadBatches(
  batches: readonly UploadBatch[],
  now: number,
): DecodedBatch[] {
  let minutes = 0;
  const decoded = batches.map((batch, i) => {
    let bytes: Uint8Array;
    try {
      bytes = decodeSampleBytes(batch.data);
    } catch (error) {
      throw badRequest(
        `Cannot read batch ${i}: ${
          (error as Error).message.replace(/^Cannot read sample data: /, "")
        }`,
      );
    }
    if (bytes.length === 0) {
      throw badRequest(`Cannot read batch ${i}: it has no minutes`);
    }
    const end = batch.start + (bytes.length / 4) * MINUTE_MS;
    if (end > now + MINUTE_MS) {
      throw badRequest(
        `Cannot store batch ${i}: its minutes run past the current time`,
      );
    }
    minutes += bytes.length / 4;
    return {
      start: batch.start,
      utcOffsetMinutes: batch.utcOffsetMinutes,
      bytes,
    };
  });
  if (minutes > MAX_UPLOAD_MINUTES) {
    throw new HttpError(
      413,
      "too_large",
      `Cannot store samples: ${minutes} minutes in one upload, at most ${MAX_UPLOAD_MINUTES}`,
    );
  }
  const days = listUploadUtcDays(decoded).length;
  if (days > MAX_UPLOAD_UTC_DAYS) {
    throw new HttpError(
      413,
      "too_large",
      `Cannot store samples: the upload touches ${days} UTC days, at most ${MAX_UPLOAD_UTC_DAYS}`,
    );
  }
  return decoded;
}
