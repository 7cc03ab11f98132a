// Sleep sessions following Gadgetbridge's SleepAnalysis rules (§11.4): light and
// deep minutes join into a session, more than two hours without sleep closes it,
// and a session with five minutes of sleep or less is dropped.

import type { SleepSession } from "../api/sample_schemas.ts";
import { localDay, utcOffsetMinutes } from "../time/zones.ts";
import { isUpClass, type MinuteClass } from "./minute_class.ts";

export type { SleepSession };

const MINUTE_MS = 60_000;

/** Tuning for {@link findSleepSessions}; the defaults are Gadgetbridge's. */
export interface SleepOptions {
  /** IANA zone used to place each session on a local day. */
  timeZone: string;
  /** A gap without sleep longer than this closes the session (default 120). */
  maxGapMinutes?: number;
  /** Sessions with this many sleeping minutes or fewer are dropped (default 5). */
  minSleepMinutes?: number;
}

interface OpenSession {
  bedtime: number;
  lastSleepEnd: number;
  light: number;
  deep: number;
  awakenings: number;
  wokeSinceSleep: boolean;
}

function isNap(
  bedtime: number,
  wakeTime: number,
  asleep: number,
  timeZone: string,
): boolean {
  if (asleep >= 180) return false;
  const localMinute = (t: number) => {
    const local = t + utcOffsetMinutes(t, timeZone) * MINUTE_MS;
    return Math.floor(
      (((local % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE_MS,
    );
  };
  const sameDay =
    localDay(bedtime, timeZone) === localDay(wakeTime - 1, timeZone);
  return sameDay && localMinute(bedtime) >= 9 * 60 &&
    localMinute(wakeTime - 1) < 21 * 60;
}

function closeSession(
  open: OpenSession,
  options: SleepOptions,
): SleepSession | null {
  const asleep = open.light + open.deep;
  if (asleep <= (options.minSleepMinutes ?? 5)) return null;
  const wakeTime = open.lastSleepEnd;
  return {
    day: localDay(wakeTime - 1, options.timeZone),
    bedtime: open.bedtime,
    wakeTime,
    asleepMinutes: asleep,
    lightMinutes: open.light,
    deepMinutes: open.deep,
    awakeMinutes: Math.round((wakeTime - open.bedtime) / MINUTE_MS) - asleep,
    awakenings: open.awakenings,
    nap: isNap(open.bedtime, wakeTime, asleep, options.timeZone),
  };
}

/** Detects sessions one minute at a time, so sync, async and packed sources share the rules. */
export class SleepDetector {
  #options: SleepOptions;
  #maxGapMs: number;
  #open: OpenSession | null = null;

  constructor(options: SleepOptions) {
    this.#options = options;
    this.#maxGapMs = (options.maxGapMinutes ?? 120) * MINUTE_MS;
  }

  /** Feeds the next stored minute (time order) with its class; returns a session it closed, if any. */
  push(time: number, minuteClass: MinuteClass): SleepSession | null {
    let closed: SleepSession | null = null;
    let open = this.#open;
    if (open && time - open.lastSleepEnd > this.#maxGapMs) {
      closed = closeSession(open, this.#options);
      open = this.#open = null;
    }
    const light = minuteClass === "light_sleep";
    if (!light && minuteClass !== "deep_sleep") {
      if (open && isUpClass(minuteClass)) {
        open.wokeSinceSleep = true;
      }
      return closed;
    }
    if (!open) {
      open = this.#open = {
        bedtime: time,
        lastSleepEnd: time,
        light: 0,
        deep: 0,
        awakenings: 0,
        wokeSinceSleep: false,
      };
    }
    if (open.wokeSinceSleep) open.awakenings++;
    open.wokeSinceSleep = false;
    if (light) open.light++;
    else open.deep++;
    open.lastSleepEnd = time + MINUTE_MS;
    return closed;
  }

  /** Closes the session still open at the end of the data, if it counts. */
  finish(): SleepSession | null {
    const open = this.#open;
    this.#open = null;
    return open ? closeSession(open, this.#options) : null;
  }
}

/** One classified minute, as the sleep rules read it. */
export interface ClassifiedMinute {
  /** Epoch ms of the minute's start. */
  time: number;
  /** The minute's class. */
  minuteClass: MinuteClass;
}

/** Finds every sleep session in classified minutes given in time order (missing minutes are absent). */
export function findSleepSessions(
  minutes: Iterable<ClassifiedMinute>,
  options: SleepOptions,
): SleepSession[] {
  const detector = new SleepDetector(options);
  const sessions: SleepSession[] = [];
  for (const minute of minutes) {
    const closed = detector.push(minute.time, minute.minuteClass);
    if (closed) sessions.push(closed);
  }
  const last = detector.finish();
  if (last) sessions.push(last);
  return sessions;
}
