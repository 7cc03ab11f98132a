// What the band page's "today" band shows from the server: the stored figures
// of the person's local day, last night's sleep as stages, and heart rate.

/** One stretch of last night's sleep at one stage. */
export interface SleepStage {
  /** Epoch ms of the stretch's first minute. */
  start: number;
  /** Length in minutes. */
  minutes: number;
  stage: "deep" | "light" | "awake";
}

/** Last night's main sleep: when, how long, and its stages in time order. */
export interface LastNight {
  bedtime: number;
  wakeTime: number;
  asleepMinutes: number;
  deepMinutes: number;
  lightMinutes: number;
  stages: SleepStage[];
}

/** Answer of `GET /api/bands/:id/today`: the server's view of the person's day. */
export interface TodayView {
  /** The person's local day ("YYYY-MM-DD"). */
  day: string;
  timeZone: string;
  /** Steps stored for the day (0 without minutes). */
  steps: number;
  /** Active minutes stored for the day. */
  activeMinutes: number;
  /** Resting heart rate of the day, else of the day before, else null. */
  restingHeartRate: number | null;
  /** The latest heart rate stored (measured on demand or in a minute), else null. */
  latestHeartRate: { bpm: number; time: number } | null;
  /** The night that ended today, or null without one. */
  lastNight: LastNight | null;
  /** Epoch ms of the last sync the server recorded, or null. */
  lastSyncAt: number | null;
}
