// Raw kinds follow §11.4: a phase's first minute carries its class (low nibble)
// and the following minutes carry flag bits with class 0 ("same as previous"),
// which is how the observed 0x50/0x60/0x70 bytes read under Gadgetbridge's rule.
import type { ActivityBatch } from "../protocol/activity_sample.ts";
import { createRandom, pickInt, type Random } from "./prng.ts";
import type { SimWorkout } from "./sim_workout.ts";

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
const NO_HR = 0xff;

const KIND_IDLE = 0x50;
const KIND_WALK = 0x01;
const KIND_RUN = 0x02;
const KIND_NONWEAR = 0x03;
const KIND_CHARGING = 0x06;
const KIND_LIGHT = 0x09;
const KIND_DEEP = 0x0b;
const KIND_WAKE = 0x0c;
const KIND_LIGHT_CONT = 0x70;
const KIND_DEEP_CONT = 0x60;

/** Options for `generateHistory`. */
export interface HistoryOptions {
  /** Epoch milliseconds; the history ends at the minute before this instant. */
  end: number;
  /** Number of weeks to generate (default 8). */
  weeks?: number;
  /** Seed of the pseudo-random source (default 1). */
  seed?: number;
  /** The band's UTC offset in minutes, used to place nights and days (default 0). */
  utcOffsetMinutes?: number;
  /** All-day heart-rate interval in minutes, 0 for off (default 10). */
  heartRateIntervalMinutes?: number;
}

/** A generated per-minute history and the workouts recorded in it. */
export interface GeneratedHistory {
  /** Every minute of the requested weeks, in order. */
  batch: ActivityBatch;
  /** Workouts inside the history, in start order. */
  workouts: SimWorkout[];
}

interface Tracks {
  kind: Uint8Array;
  intensity: Uint8Array;
  steps: Uint8Array;
  heartRate: Uint8Array;
  worn: Uint8Array;
}

/** Generates deterministic, plausible per-minute history for whole weeks ending at `end`. */
export function generateHistory(options: HistoryOptions): GeneratedHistory {
  const weeks = options.weeks ?? 8;
  const offset = options.utcOffsetMinutes ?? 0;
  const interval = options.heartRateIntervalMinutes ?? 10;
  const random = createRandom(options.seed ?? 1);
  const count = weeks * 7 * DAY_MINUTES;
  const endMinute = Math.floor(options.end / MINUTE_MS);
  const startMinute = endMinute - count;
  const tracks = fillIdle(count, random);
  const workouts: SimWorkout[] = [];
  // Index of the first local midnight at or before the start, so nights span days.
  const firstMidnight =
    -((((startMinute + offset) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES);
  for (let day = firstMidnight; day < count; day += DAY_MINUTES) {
    const dayNumber = Math.round((day - firstMidnight) / DAY_MINUTES);
    planDay(tracks, day, dayNumber, random, (w) => workouts.push(w));
  }
  addHeartRate(tracks, startMinute, interval, random);
  const samples = new Array(count);
  for (let i = 0; i < count; i++) {
    samples[i] = {
      kind: tracks.kind[i],
      intensity: tracks.intensity[i],
      steps: tracks.steps[i],
      heartRate: tracks.heartRate[i],
    };
  }
  const start = startMinute * MINUTE_MS;
  return {
    batch: { start, utcOffsetMinutes: offset, samples },
    workouts: workouts
      .map((w) => ({
        ...w,
        start: start + w.start * MINUTE_MS,
        end: start + w.end * MINUTE_MS,
      }))
      .sort((a, b) => a.start - b.start),
  };
}

function fillIdle(count: number, random: Random): Tracks {
  const tracks: Tracks = {
    kind: new Uint8Array(count).fill(KIND_IDLE),
    intensity: new Uint8Array(count),
    steps: new Uint8Array(count),
    heartRate: new Uint8Array(count).fill(NO_HR),
    worn: new Uint8Array(count).fill(1),
  };
  for (let i = 0; i < count; i++) {
    const r = random();
    tracks.intensity[i] = Math.floor(r * 30);
    if (r > 0.85) {
      tracks.kind[i] = KIND_WALK;
      tracks.steps[i] = pickInt(random, 5, 40);
      tracks.intensity[i] = pickInt(random, 20, 60);
    }
  }
  return tracks;
}

function planDay(
  tracks: Tracks,
  midnight: number,
  dayNumber: number,
  random: Random,
  addWorkout: (workout: SimWorkout) => void,
): void {
  const sleepStart = midnight + pickInt(random, 22 * 60, 23 * 60 + 50);
  addSleep(tracks, sleepStart, pickInt(random, 390, 510), random);
  const walks = pickInt(random, 3, 6);
  for (let i = 0; i < walks; i++) {
    const at = midnight + pickInt(random, 8 * 60, 20 * 60);
    addMovement(tracks, at, pickInt(random, 5, 35), KIND_WALK, random);
  }
  if (dayNumber % 3 === 1) {
    const at = midnight +
      (random() < 0.5
        ? pickInt(random, 390, 450)
        : pickInt(random, 1080, 1170));
    const length = pickInt(random, 25, 50);
    const steps = addMovement(tracks, at, length, KIND_RUN, random);
    const inside = at >= 0 && at + length <= tracks.kind.length;
    if (inside) {
      addWorkout({
        type: 1,
        start: at,
        end: at + length,
        steps,
        distanceMeters: Math.round(steps * 1.1),
        calories: length * pickInt(random, 9, 12),
        averageHeartRate: pickInt(random, 145, 160),
        maxHeartRate: pickInt(random, 165, 182),
      });
    }
  }
  // The shower after any morning run: taken off for a short while.
  setRun(
    tracks,
    midnight + pickInt(random, 8 * 60 + 25, 9 * 60 + 10),
    pickInt(random, 10, 25),
    KIND_NONWEAR,
  );
  if (dayNumber % 6 === 3) {
    setRun(
      tracks,
      midnight + pickInt(random, 17 * 60, 21 * 60),
      pickInt(random, 60, 100),
      KIND_CHARGING,
    );
  }
}

function addSleep(
  tracks: Tracks,
  start: number,
  length: number,
  random: Random,
): void {
  let at = start;
  const end = start + length;
  while (at < end) {
    const light = pickInt(random, 30, 60);
    setSleepPhase(
      tracks,
      at,
      Math.min(light, end - at),
      KIND_LIGHT,
      KIND_LIGHT_CONT,
      random,
    );
    at += light;
    const deep = pickInt(random, 15, 40);
    if (at < end) {
      setSleepPhase(
        tracks,
        at,
        Math.min(deep, end - at),
        KIND_DEEP,
        KIND_DEEP_CONT,
        random,
      );
    }
    at += deep;
    if (at < end && random() < 0.4) {
      const wake = pickInt(random, 1, 5);
      setSleepPhase(
        tracks,
        at,
        Math.min(wake, end - at),
        KIND_WAKE,
        KIND_IDLE,
        random,
      );
      at += wake;
    }
  }
}

function setSleepPhase(
  tracks: Tracks,
  start: number,
  length: number,
  kind: number,
  continuation: number,
  random: Random,
): void {
  const count = tracks.kind.length;
  const wake = kind === KIND_WAKE;
  for (let i = 0; i < length; i++) {
    const at = start + i;
    if (at < 0 || at >= count) continue;
    tracks.kind[at] = i === 0 ? kind : continuation;
    tracks.intensity[at] = wake
      ? pickInt(random, 10, 40)
      : kind === KIND_DEEP
      ? pickInt(random, 0, 3)
      : pickInt(random, 0, 15);
    tracks.steps[at] = wake && random() < 0.3 ? pickInt(random, 1, 12) : 0;
  }
}

function addMovement(
  tracks: Tracks,
  start: number,
  length: number,
  kind: number,
  random: Random,
): number {
  const count = tracks.kind.length;
  const running = kind === KIND_RUN;
  let total = 0;
  for (let i = 0; i < length; i++) {
    const at = start + i;
    const steps = running
      ? pickInt(random, 150, 180)
      : pickInt(random, 80, 120);
    total += steps;
    if (at < 0 || at >= count) continue;
    tracks.kind[at] = kind;
    tracks.steps[at] = steps;
    tracks.intensity[at] = running
      ? pickInt(random, 150, 220)
      : pickInt(random, 60, 120);
    if (running) tracks.heartRate[at] = pickInt(random, 140, 180);
  }
  return total;
}

function setRun(
  tracks: Tracks,
  start: number,
  length: number,
  kind: number,
): void {
  const from = Math.max(0, start);
  const to = Math.min(tracks.kind.length, start + length);
  for (let at = from; at < to; at++) {
    tracks.kind[at] = kind;
    tracks.intensity[at] = 0;
    tracks.steps[at] = 0;
    tracks.heartRate[at] = NO_HR;
    tracks.worn[at] = 0;
  }
}

function addHeartRate(
  tracks: Tracks,
  startMinute: number,
  interval: number,
  random: Random,
): void {
  if (interval <= 0) return;
  const first = (interval - (startMinute % interval)) % interval;
  for (let at = first; at < tracks.kind.length; at += interval) {
    if (!tracks.worn[at] || tracks.heartRate[at] !== NO_HR) continue;
    tracks.heartRate[at] = pickHeartRate(tracks, at, random);
  }
}

function pickHeartRate(tracks: Tracks, at: number, random: Random): number {
  const kind = tracks.kind[at];
  if (kind === KIND_DEEP || kind === KIND_DEEP_CONT) {
    return pickInt(random, 48, 56);
  }
  if (kind === KIND_LIGHT || kind === KIND_LIGHT_CONT) {
    return pickInt(random, 52, 62);
  }
  if (kind === KIND_WALK && tracks.steps[at] >= 80) {
    return pickInt(random, 90, 115);
  }
  return pickInt(random, 62, 82);
}
