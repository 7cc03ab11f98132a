// One minute of band history, exactly as the band sent it (§11.3):
// [0] raw kind  [1] raw intensity  [2] steps (uint8)  [3] heart rate (0xff or 0 = none)

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

/** A run of consecutive minutes from one fetch batch, placed exactly in time. */
export interface ActivityBatch {
  /** Epoch milliseconds (UTC) of the first sample's minute. */
  start: number;
  /** The band's UTC offset for this batch, in minutes east of UTC (quarter-hour byte × 15). */
  utcOffsetMinutes: number;
  /** Samples, one per minute from `start`. */
  samples: ActivitySample[];
}
