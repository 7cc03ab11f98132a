// What the history pages show, as plain types: components import these, never
// the loaders beside them (those reach KV).

import type { z } from "zod";
import type {
  heartRateReadingSchema,
  workoutSchema,
} from "../api/reading_schemas.ts";
import type { DaySummary, SleepSession } from "../api/sample_schemas.ts";
import type { DayMinutes } from "../minute/day_minutes.ts";
import type { Completeness } from "./completeness.ts";
import type { HistoryView } from "./history_view.ts";

/** A stored workout summary (`time` = start, epoch ms). */
export type StoredWorkout = z.infer<typeof workoutSchema>;

/** A heart-rate measurement taken on demand. */
export type HeartRateMeasurement = z.infer<typeof heartRateReadingSchema>;

/** Data for one day of a band's history. */
export interface DayViewData {
  /** Local day shown. */
  day: string;
  /** The person's time zone. */
  timeZone: string;
  /** Per-minute slots for the charts. */
  minutes: DayMinutes;
  /** The day's stored figures, or null without data that day. */
  summary: DaySummary | null;
  /** Sleep sessions ending that day (stored with the figures). */
  sleep: SleepSession[];
  /** Workouts that started that day, earliest first. */
  workouts: StoredWorkout[];
  /** Heart rate measured on demand that day, earliest first. */
  measurements: HeartRateMeasurement[];
  /** How much of the day is stored, and the last sync. */
  completeness: Completeness;
}

/** Per-day series for a multi-day view, all stored figures; null marks a day without data. */
export interface RangeViewData {
  /** Local days shown, first to last. */
  days: string[];
  /** The person's time zone. */
  timeZone: string;
  /** Steps per day. */
  steps: (number | null)[];
  /** Active minutes per day. */
  activeMinutes: (number | null)[];
  /** Minutes on the wrist per day. */
  wornMinutes: (number | null)[];
  /** Resting heart rate per day. */
  restingHeartRate: (number | null)[];
  /** Light sleep of the sessions ending each day. */
  lightSleepMinutes: (number | null)[];
  /** Deep sleep of the sessions ending each day. */
  deepSleepMinutes: (number | null)[];
  /** Workouts that started in the period. */
  workoutCount: number;
  /** How much of the period is stored, and the last sync. */
  completeness: Completeness;
}

/** The band as the history page shows it. */
export interface HistoryBand {
  /** Band id. */
  id: string;
  /** Name the person gave it. */
  name: string;
  /** Step goal last written to the band, or null when never set. */
  stepGoal: number | null;
}

/** Data for one render of the history page. */
export type HistoryPageData =
  & {
    /** The band shown. */
    band: HistoryBand;
    /** The anchor day of the view. */
    day: string;
    /** Today in the person's time zone. */
    today: string;
    /** The person's time zone. */
    timeZone: string;
    /** The instant the page was rendered for (epoch ms). */
    now: number;
  }
  & (
    | { view: "day"; data: DayViewData }
    | { view: Exclude<HistoryView, "day">; data: RangeViewData }
  );
