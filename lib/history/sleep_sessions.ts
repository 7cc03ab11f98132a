// Sleep sessions following Gadgetbridge's SleepAnalysis rules (§11.4): light and
// deep minutes join into a session, more than two hours without sleep closes it,
// and a session with five minutes of sleep or less is dropped.

import { localDay, utcOffsetMinutes } from "../time/zones.ts";
import type { HistoryMinute } from "./history_minute.ts";
import { classifyMinute } from "./minute_class.ts";

const MINUTE_MS = 60_000;

/** One detected sleep session; it belongs to the local day on which it ends. */
export interface SleepSession {
  /** Local day ("YYYY-MM-DD") of the last sleeping minute, so a night crossing midnight counts for the morning. */
  day: string;
  /** Epoch ms of the first sleeping minute. */
  bedtime: number;
  /** Epoch ms just after the last sleeping minute. */
  wakeTime: number;
  /** Light plus deep minutes. */
  asleepMinutes: number;
  /** Minutes classed as light sleep. */
  lightMinutes: number;
  /** Minutes classed as deep sleep. */
  deepMinutes: number;
  /** Minutes between bedtime and wake time that were not sleep (awake, moving, off the wrist or missing). */
  awakeMinutes: number;
  /** Times the person was awake or moving between two sleeping stretches. */
  awakenings: number;
  /** True for a short daytime sleep (under three hours, starting and ending between 09:00 and 21:00 local). */
  nap: boolean;
}

/** Tuning for {@link detectSleepSessions}; the defaults are Gadgetbridge's. */
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

  /** Feeds the next minute (time order, normalised kind); returns a session it closed, if any. */
  push(time: number, kind: number, steps: number): SleepSession | null {
    const minuteClass = classifyMinute(kind, steps);
    let closed: SleepSession | null = null;
    let open = this.#open;
    if (open && time - open.lastSleepEnd > this.#maxGapMs) {
      closed = closeSession(open, this.#options);
      open = this.#open = null;
    }
    const light = minuteClass === "light_sleep";
    if (!light && minuteClass !== "deep_sleep") {
      if (open && (minuteClass === "awake" || minuteClass === "active")) {
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

/**
 * Finds sleep sessions in minutes given in time order (missing minutes are simply absent),
 * yielding each session as soon as it closes so a long range is never held in memory.
 */
export async function* detectSleepSessions(
  minutes: Iterable<HistoryMinute> | AsyncIterable<HistoryMinute>,
  options: SleepOptions,
): AsyncGenerator<SleepSession> {
  const detector = new SleepDetector(options);
  for await (const minute of minutes) {
    const closed = detector.push(minute.time, minute.kind, minute.steps);
    if (closed) yield closed;
  }
  const last = detector.finish();
  if (last) yield last;
}

/** Finds every sleep session in minutes already in memory, without awaiting each minute. */
export function findSleepSessions(
  minutes: Iterable<HistoryMinute>,
  options: SleepOptions,
): SleepSession[] {
  const detector = new SleepDetector(options);
  const sessions: SleepSession[] = [];
  for (const minute of minutes) {
    const closed = detector.push(minute.time, minute.kind, minute.steps);
    if (closed) sessions.push(closed);
  }
  const last = detector.finish();
  if (last) sessions.push(last);
  return sessions;
}

/** Collects every session from {@link detectSleepSessions} into an array (for a bounded range). */
export async function listSleepSessions(
  minutes: Iterable<HistoryMinute> | AsyncIterable<HistoryMinute>,
  options: SleepOptions,
): Promise<SleepSession[]> {
  const sessions: SleepSession[] = [];
  for await (const session of detectSleepSessions(minutes, options)) {
    sessions.push(session);
  }
  return sessions;
}
