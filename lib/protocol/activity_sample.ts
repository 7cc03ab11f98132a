// A fetched run of minutes; one minute's 4-byte record and what it means are
// defined once, in lib/minute/sample.ts.
import type { ActivitySample } from "../minute/sample.ts";

export type { ActivitySample };

/** A run of consecutive minutes from one fetch batch, placed exactly in time. */
export interface ActivityBatch {
  /** Epoch milliseconds (UTC) of the first sample's minute. */
  start: number;
  /** The band's UTC offset for this batch, in minutes east of UTC (quarter-hour byte × 15). */
  utcOffsetMinutes: number;
  /** Samples, one per minute from `start`. */
  samples: ActivitySample[];
}
