// Lays one local day's minutes into fixed slots, so a chart can tell a missing
// minute (null) from a minute with zero steps, even on 23- and 25-hour days.

import { addDays, startOfLocalDay } from "../time/zones.ts";
import type { HistoryMinute } from "./history_minute.ts";
import {
  classifyMinute,
  isWornClass,
  type MinuteClass,
} from "./minute_class.ts";

const MINUTE_MS = 60_000;

/** One local day as per-minute slots; null marks a minute with no data. */
export interface DayMinutes {
  /** The local day ("YYYY-MM-DD"). */
  day: string;
  /** Epoch ms of the day's first minute. */
  start: number;
  /** Steps per minute slot. */
  steps: (number | null)[];
  /** Heart rate per minute slot; null when missing or not measured. */
  heartRate: (number | null)[];
  /** Activity-strip class per minute slot. */
  classes: (MinuteClass | null)[];
}

/** Places the minutes that fall inside a local day into that day's slots, ignoring the rest. */
export function placeDayMinutes(
  day: string,
  timeZone: string,
  minutes: Iterable<HistoryMinute>,
): DayMinutes {
  const start = startOfLocalDay(day, timeZone);
  const length = Math.round(
    (startOfLocalDay(addDays(day, 1), timeZone) - start) / MINUTE_MS,
  );
  const steps: (number | null)[] = new Array(length).fill(null);
  const heartRate: (number | null)[] = new Array(length).fill(null);
  const classes: (MinuteClass | null)[] = new Array(length).fill(null);
  for (const minute of minutes) {
    const slot = Math.floor((minute.time - start) / MINUTE_MS);
    if (slot < 0 || slot >= length) continue;
    steps[slot] = minute.steps;
    heartRate[slot] = minute.heartRate;
    classes[slot] = classifyMinute(minute.kind, minute.steps);
  }
  return { day, start, steps, heartRate, classes };
}

/** Totals for one day, recomputable from its raw minutes. */
export interface DayTotals {
  /** Sum of steps. */
  steps: number;
  /** Minutes classed active. */
  activeMinutes: number;
  /** Minutes the band was on the wrist. */
  wornMinutes: number;
  /** Minutes with any data. */
  recordedMinutes: number;
  /** Minutes the local day has (1380, 1440 or 1500 around DST changes). */
  dayMinutes: number;
  /** Resting heart rate, or null without enough calm readings. */
  restingHeartRate: number | null;
}

/**
 * Sums a placed day. Resting heart rate is the mean of the lowest tenth (at least
 * five) of readings taken in minutes without steps: a simple, stable estimate.
 */
export function summarizeDayMinutes(dayMinutes: DayMinutes): DayTotals {
  let steps = 0;
  let activeMinutes = 0;
  let wornMinutes = 0;
  let recordedMinutes = 0;
  const calm: number[] = [];
  for (let i = 0; i < dayMinutes.classes.length; i++) {
    const minuteClass = dayMinutes.classes[i];
    if (minuteClass === null) continue;
    recordedMinutes++;
    steps += dayMinutes.steps[i] ?? 0;
    if (minuteClass === "active") activeMinutes++;
    if (isWornClass(minuteClass)) wornMinutes++;
    const bpm = dayMinutes.heartRate[i];
    if (bpm !== null && (dayMinutes.steps[i] ?? 0) === 0) calm.push(bpm);
  }
  let restingHeartRate: number | null = null;
  if (calm.length >= 5) {
    calm.sort((a, b) => a - b);
    const lowest = calm.slice(0, Math.max(5, Math.floor(calm.length / 10)));
    restingHeartRate = Math.round(
      lowest.reduce((a, b) => a + b, 0) / lowest.length,
    );
  }
  return {
    steps,
    activeMinutes,
    wornMinutes,
    recordedMinutes,
    dayMinutes: dayMinutes.classes.length,
    restingHeartRate,
  };
}
