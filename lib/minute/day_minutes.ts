// Lays one local day's minutes into fixed slots, so a chart can tell a missing
// minute (null, "no data") from a minute with zero steps, even on 23- and
// 25-hour days. Kinds resolve from the day before, as for the day's figures.

import { addDays, startOfLocalDay } from "../time/zones.ts";
import { createKindResolver, KIND_CARRY_MS } from "./kind.ts";
import { classifyMinute, type MinuteClass } from "./minute_class.ts";
import { readHeartRate } from "./sample.ts";

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
  /** Class per minute slot; null when the minute is missing. */
  classes: (MinuteClass | null)[];
}

/** Places stored minutes, pushed in time order, into one local day's slots. */
export class DayMinutesBuilder {
  #minutes: DayMinutes;
  #resolve = createKindResolver();
  /** Instants `[start, end)` to push: the day and the carry-over before it. */
  readonly window: { start: number; end: number };

  constructor(day: string, timeZone: string) {
    const start = startOfLocalDay(day, timeZone);
    const end = startOfLocalDay(addDays(day, 1), timeZone);
    const length = Math.round((end - start) / MINUTE_MS);
    this.window = { start: start - KIND_CARRY_MS, end };
    this.#minutes = {
      day,
      start,
      steps: new Array(length).fill(null),
      heartRate: new Array(length).fill(null),
      classes: new Array(length).fill(null),
    };
  }

  /** Feeds one stored minute: its instant and raw kind, steps and heart-rate bytes. */
  push(time: number, rawKind: number, steps: number, rawHeartRate: number) {
    const kind = this.#resolve(time, rawKind);
    const m = this.#minutes;
    const slot = Math.floor((time - m.start) / MINUTE_MS);
    if (slot < 0 || slot >= m.classes.length) return;
    m.steps[slot] = steps;
    m.heartRate[slot] = readHeartRate(rawHeartRate);
    m.classes[slot] = classifyMinute(kind, steps);
  }

  /** Returns the placed day. */
  finish(): DayMinutes {
    return this.#minutes;
  }
}
