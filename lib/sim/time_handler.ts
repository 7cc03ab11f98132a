// Band side of Current Time 0x2A2B in FEE0 (§18). The band runs its clock from
// bytes 0–6 and echoes bytes 8–10 on reads; the day of week is recomputed from the
// date, since a running clock must advance it (some clients write Sunday as 0).
import {
  encodeDateTime,
  encodeTzByte,
  parseDateTime,
  parseTzByte,
  toDayOfWeek,
  toEpochMs,
} from "../protocol/date_time.ts";
import type { BandContext } from "./band_context.ts";
import { bandLocalTime } from "./band_clock.ts";

/** Encodes the 11-byte current time the band reports now. */
export function encodeBandTime(context: BandContext): Uint8Array {
  const clock = context.state.clock;
  const local = bandLocalTime(context);
  const out = new Uint8Array(11);
  out.set(encodeDateTime(local), 0);
  out[7] = toDayOfWeek(local);
  out[8] = clock.fractions;
  out[9] = clock.adjustReason;
  out[10] = encodeTzByte(clock.tzQuarterHours);
  return out;
}

/** Handles a write to 0x2A2B: sets the band's clock and tz byte. */
export function handleTimeWrite(context: BandContext, value: Uint8Array): void {
  if (value.length < 7) return;
  let local;
  try {
    local = parseDateTime(value.subarray(0, 7));
  } catch {
    return;
  }
  const clock = context.state.clock;
  const tz = value.length >= 11 ? parseTzByte(value[10]) : clock.tzQuarterHours;
  clock.tzQuarterHours = tz;
  clock.fractions = value[8] ?? 0;
  clock.adjustReason = value[9] ?? 0;
  clock.offsetMs = toEpochMs(local, tz) - context.now();
}
