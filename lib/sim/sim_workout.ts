/** One workout the simulated band recorded, as its sports summary describes it. */
export interface SimWorkout {
  /** Summary activity type (§12: 1 outdoor running, 3 walking, 4 cycling…). */
  type: number;
  /** Epoch milliseconds (UTC) of the start. */
  start: number;
  /** Epoch milliseconds (UTC) of the end. */
  end: number;
  /** Steps taken during the workout. */
  steps: number;
  /** Distance in metres. */
  distanceMeters: number;
  /** Energy in kcal. */
  calories: number;
  /** Mean heart rate in beats per minute. */
  averageHeartRate: number;
  /** Highest heart rate in beats per minute. */
  maxHeartRate: number;
}
