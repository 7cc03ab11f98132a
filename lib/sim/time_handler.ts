// Band side of Current Time 0x2A2B in FEE0 (§18). The band runs its clock from
// the written wall-clock time and zone and echoes fractions and adjust reason on
// reads; the day of week is recomputed, since a running clock must advance it.
import {
  encodeCurrentTime,
  parseCurrentTime,
} from "../protocol/current_time.ts";
import type { BandContext } from "./band_context.ts";
import { bandNow } from "./band_clock.ts";

/** Encodes the 11-byte current time the band reports now. */
export function encodeBandTime(context: BandContext): Uint8Array {
  const clock = context.state.clock;
  return encodeCurrentTime(bandNow(context), clock.tzQuarterHours * 15, {
    fractions256: clock.fractions,
    adjustReason: clock.adjustReason,
  });
}

/** Handles a write to 0x2A2B: sets the band's clock and tz byte; a malformed value is ignored. */
export function handleTimeWrite(context: BandContext, value: Uint8Array): void {
  let time;
  try {
    time = parseCurrentTime(value);
  } catch {
    return;
  }
  const clock = context.state.clock;
  clock.tzQuarterHours = time.tzQuarterHours;
  clock.fractions = time.fractions256;
  clock.adjustReason = time.adjustReason;
  // Fractions only shape the echo: the clock itself runs from whole seconds.
  clock.offsetMs = time.epochMs - Math.floor(time.fractions256 * 1000 / 256) -
    context.now();
}
