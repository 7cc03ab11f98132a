// Active minutes per local day from the minute classes the activity strip shows.
// The stored summaries count every minute that inherits a walking kind as active,
// idle or not; counting only minutes that moved keeps the charts true to the strip.

import { addDays, daysInRange, startOfLocalDay } from "../time/zones.ts";
import { createKindNormalizer } from "./kind_normalizer.ts";
import { classifyMinute } from "./minute_class.ts";
import { visitPackedRange } from "./packed_minutes.ts";

/** Counts the minutes classed "active" on each day of `from`..`to`, keyed by local day. */
export function countActiveByDay(
  packs: ReadonlyMap<number, Uint8Array>,
  range: { from: string; to: string },
  timeZone: string,
): Map<string, number> {
  const days = daysInRange(range.from, range.to);
  const bounds = days.map((day) => startOfLocalDay(day, timeZone));
  bounds.push(startOfLocalDay(addDays(range.to, 1), timeZone));
  const counts = new Map<string, number>();
  const normalize = createKindNormalizer();
  // Start a day early so the first morning's "same as before" minutes resolve.
  const start = startOfLocalDay(addDays(range.from, -1), timeZone);
  let index = 0;
  visitPackedRange(
    packs,
    { start, end: bounds[bounds.length - 1] },
    (time, rawKind, _intensity, steps) => {
      const kind = normalize(rawKind);
      if (time < bounds[0]) return;
      while (time >= bounds[index + 1]) index++;
      if (classifyMinute(kind, steps) !== "active") return;
      counts.set(days[index], (counts.get(days[index]) ?? 0) + 1);
    },
  );
  return counts;
}
