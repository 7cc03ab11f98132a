// The per-day figures, defined once. Every surface (stored summaries, the
// API, history pages, exports, the home page) shows what this module computes:
// - steps: the sum of the steps of the day's stored minutes;
// - active minutes: the day's minutes classed "active" (lib/minute/minute_class.ts);
// - worn minutes: the day's minutes classed asleep, awake, active or idle;
// - sleep: light and deep minutes of the sleep sessions ending that day
//   (lib/minute/sleep_sessions.ts), detected from local midnight of the day before;
// - resting heart rate: lib/minute/heart_rate_figures.ts.
// A minute's kind looks back at most a day (lib/minute/kind.ts) and a night is
// followed at most 18 hours past midnight, so a day's figures depend only on
// the minutes of `getFiguresWindow`: uploads recompute exactly the days whose
// window they touch.

import type {
  DaySummary,
  HourSummary,
  SleepSession,
} from "../api/sample_schemas.ts";
import {
  addDays,
  daysInRange,
  localDay,
  startOfLocalDay,
} from "../time/zones.ts";
import {
  estimateRestingHeartRate,
  summarizeHeartRates,
} from "./heart_rate_figures.ts";
import { createKindResolver, KIND_CARRY_MS } from "./kind.ts";
import {
  classifyMinute,
  isWornClass,
  MINUTE_CLASSES,
  type MinuteClass,
} from "./minute_class.ts";
import { readHeartRate } from "./sample.ts";
import { SleepDetector } from "./sleep_sessions.ts";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * Version of the figures' meaning: bump it with any change to this module or the
 * ones it reads, and the start-up migration rebuilds every band's stored figures.
 */
export const FIGURES_VERSION = 2;

/** How long past the day's end a night still running at midnight is followed. */
export const SLEEP_LOOKAHEAD_MS = 18 * HOUR_MS;

/** A local day's figures with its hours. */
export interface LocalDayFigures {
  day: DaySummary;
  hours: HourSummary[];
}

/** Local days `from`..`to` (inclusive) in a zone. */
export interface DayRange {
  from: string;
  to: string;
  timeZone: string;
}

/** The instants `[start, end)` whose minutes decide the figures of `from`..`to`. */
export function getFiguresWindow(
  range: DayRange,
): { start: number; end: number } {
  return {
    start: startOfLocalDay(addDays(range.from, -1), range.timeZone) -
      KIND_CARRY_MS,
    end: startOfLocalDay(addDays(range.to, 1), range.timeZone) +
      SLEEP_LOOKAHEAD_MS,
  };
}

/** Which local days' figures a changed span of minutes `[start, end)` can alter. */
export function listAffectedDays(
  span: { start: number; end: number },
  timeZone: string,
): { from: string; to: string } {
  // Day D reads [start(D - 1) - carry, start(D + 1) + lookahead).
  return {
    from: localDay(span.start - SLEEP_LOOKAHEAD_MS, timeZone),
    to: addDays(localDay(span.end - MINUTE_MS + KIND_CARRY_MS, timeZone), 1),
  };
}

// Class codes in the per-minute buffer: 0 is "no data".
const CODE: Record<MinuteClass, number> = Object.fromEntries(
  MINUTE_CLASSES.map((c, i) => [c, i + 1]),
) as Record<MinuteClass, number>;

class Counter {
  recorded = 0;
  steps = 0;
  active = 0;
  worn = 0;
  light = 0;
  deep = 0;
  hrMin = Infinity;
  hrMax = -Infinity;
  hrSum = 0;
  hrCount = 0;

  add(minuteClass: MinuteClass, steps: number, bpm: number | null): void {
    this.recorded++;
    this.steps += steps;
    if (minuteClass === "active") this.active++;
    if (isWornClass(minuteClass)) this.worn++;
    if (minuteClass === "light_sleep") this.light++;
    else if (minuteClass === "deep_sleep") this.deep++;
    if (bpm !== null) {
      if (bpm < this.hrMin) this.hrMin = bpm;
      if (bpm > this.hrMax) this.hrMax = bpm;
      this.hrSum += bpm;
      this.hrCount++;
    }
  }

  heartRate() {
    return summarizeHeartRates({
      min: this.hrMin,
      max: this.hrMax,
      sum: this.hrSum,
      count: this.hrCount,
    });
  }
}

interface DayCounter {
  total: Counter;
  hours: Counter[];
  calm: Uint32Array;
  calmCount: number;
}

/**
 * Computes the figures of local days `from`..`to` from stored minutes pushed in
 * time order (any minutes of `getFiguresWindow`; others are ignored).
 */
export class DayFiguresBuilder {
  #range: DayRange;
  #days: string[];
  #bounds: number[];
  #start: number;
  #classes: Uint8Array;
  #counters: (DayCounter | null)[];
  #resolve = createKindResolver();
  #index = 0;

  constructor(range: DayRange) {
    this.#range = range;
    this.#days = daysInRange(range.from, range.to);
    this.#bounds = [
      startOfLocalDay(addDays(range.from, -1), range.timeZone),
      ...this.#days.map((d) => startOfLocalDay(d, range.timeZone)),
      startOfLocalDay(addDays(range.to, 1), range.timeZone),
    ];
    const window = getFiguresWindow(range);
    this.#start = window.start;
    this.#classes = new Uint8Array((window.end - window.start) / MINUTE_MS);
    this.#counters = this.#days.map(() => null);
  }

  /** Feeds one stored minute: its instant and raw kind, steps and heart-rate bytes. */
  push(time: number, rawKind: number, steps: number, rawHeartRate: number) {
    const slot = (time - this.#start) / MINUTE_MS;
    if (slot < 0 || slot >= this.#classes.length) return;
    const minuteClass = classifyMinute(this.#resolve(time, rawKind), steps);
    this.#classes[slot] = CODE[minuteClass];
    const bounds = this.#bounds;
    if (time < bounds[1] || time >= bounds[bounds.length - 1]) return;
    while (time >= bounds[this.#index + 2]) this.#index++;
    const dayStart = bounds[this.#index + 1];
    let counter = this.#counters[this.#index];
    if (counter === null) {
      const hours = Math.ceil((bounds[this.#index + 2] - dayStart) / HOUR_MS);
      counter = this.#counters[this.#index] = {
        total: new Counter(),
        hours: Array.from({ length: hours }, () => new Counter()),
        calm: new Uint32Array(256),
        calmCount: 0,
      };
    }
    const bpm = readHeartRate(rawHeartRate);
    counter.total.add(minuteClass, steps, bpm);
    counter.hours[Math.floor((time - dayStart) / HOUR_MS)].add(
      minuteClass,
      steps,
      bpm,
    );
    if (bpm !== null && steps === 0) {
      counter.calm[bpm]++;
      counter.calmCount++;
    }
  }

  /** Returns the figures of every day of the range that has stored minutes. */
  finish(): LocalDayFigures[] {
    const result: LocalDayFigures[] = [];
    this.#days.forEach((day, i) => {
      const counter = this.#counters[i];
      if (counter === null) return;
      const start = this.#bounds[i + 1], end = this.#bounds[i + 2];
      const sleep = this.#findSleep(day, this.#bounds[i], end);
      const { total } = counter;
      result.push({
        day: {
          day,
          start,
          end,
          minutesRecorded: total.recorded,
          steps: total.steps,
          distanceMeters: null,
          calories: null,
          activeMinutes: total.active,
          wornMinutes: total.worn,
          lightSleepMinutes: sleep.reduce((n, s) => n + s.lightMinutes, 0),
          deepSleepMinutes: sleep.reduce((n, s) => n + s.deepMinutes, 0),
          heartRate: total.heartRate(),
          restingHeartRate: estimateRestingHeartRate(
            counter.calm,
            counter.calmCount,
          ),
          sleep,
        },
        hours: counter.hours.map((h, n) => ({
          start: start + n * HOUR_MS,
          minutesRecorded: h.recorded,
          steps: h.steps,
          distanceMeters: null,
          calories: null,
          activeMinutes: h.active,
          wornMinutes: h.worn,
          lightSleepMinutes: h.light,
          deepSleepMinutes: h.deep,
          heartRate: h.heartRate(),
        })),
      });
    });
    return result;
  }

  #findSleep(day: string, from: number, dayEnd: number): SleepSession[] {
    const detector = new SleepDetector({ timeZone: this.#range.timeZone });
    const sessions: SleepSession[] = [];
    const keep = (session: SleepSession | null) => {
      if (session?.day === day) sessions.push(session);
    };
    const first = (from - this.#start) / MINUTE_MS;
    const last = (dayEnd + SLEEP_LOOKAHEAD_MS - this.#start) / MINUTE_MS;
    const classes = this.#classes;
    for (let slot = first; slot < last; slot++) {
      const code = classes[slot];
      if (code === 0) continue;
      keep(
        detector.push(this.#start + slot * MINUTE_MS, MINUTE_CLASSES[code - 1]),
      );
    }
    keep(detector.finish());
    return sessions;
  }
}
