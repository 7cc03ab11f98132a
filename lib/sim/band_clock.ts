// The band keeps local wall-clock time: the injected now(), shifted by whatever
// the client set over 0x2A2B, shown in the client's tz byte (§18).
import { fromEpochMs, type HuamiDateTime } from "../protocol/date_time.ts";
import type { BandContext } from "./band_context.ts";

/** Returns the instant the band believes it is, in epoch ms. */
export function bandNow(context: BandContext): number {
  return context.now() + context.state.clock.offsetMs;
}

/** Returns the band's local wall-clock time. */
export function bandLocalTime(context: BandContext): HuamiDateTime {
  return fromEpochMs(bandNow(context), context.state.clock.tzQuarterHours);
}

/** Returns the band's local day number (days since 1970-01-01 in band-local time). */
export function bandLocalDay(context: BandContext): number {
  const local = bandNow(context) +
    context.state.clock.tzQuarterHours * 15 * 60_000;
  return Math.floor(local / 86_400_000);
}
