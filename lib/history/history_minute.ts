// The shape history code works on: one placed minute, kind already normalised.

/** One minute of history placed in time, with its kind already normalised (§11.4). */
export interface HistoryMinute {
  /** Epoch milliseconds (UTC) of the minute's start. */
  time: number;
  /** Normalised kind: low nibble with "same as before" minutes resolved. */
  kind: number;
  /** Raw movement intensity, 0–255. */
  intensity: number;
  /** Steps taken in that minute. */
  steps: number;
  /** Beats per minute, or null when the band took no reading. */
  heartRate: number | null;
}

/** Reads the band's raw heart-rate byte, where 0 and 0xff both mean "no reading" (§11.3). */
export function readHeartRate(raw: number): number | null {
  return raw === 0 || raw === 0xff ? null : raw;
}
