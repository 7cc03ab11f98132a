// What one minute was, from its normalised kind (lib/minute/kind.ts) and its
// steps. A minute the band never sent has no class: `null`, shown as "no data".

import { ACTIVITY_KIND } from "../protocol/activity_kinds.ts";

/** What one minute of a day was; `null` in a slot means no data. */
export type MinuteClass =
  | "light_sleep"
  | "deep_sleep"
  | "awake"
  | "active"
  | "idle"
  | "not_worn"
  | "charging"
  | "unknown";

/** Every minute class in legend order. */
export const MINUTE_CLASSES: readonly MinuteClass[] = [
  "light_sleep",
  "deep_sleep",
  "awake",
  "active",
  "idle",
  "not_worn",
  "charging",
  "unknown",
];

/** Human labels for each minute class, used by legends and exports. */
export const MINUTE_CLASS_LABELS: Readonly<Record<MinuteClass, string>> = {
  light_sleep: "Light sleep",
  deep_sleep: "Deep sleep",
  awake: "Awake",
  active: "Active",
  idle: "Idle",
  not_worn: "Not worn",
  charging: "Charging",
  unknown: "Unknown",
};

/**
 * Classifies one minute from its normalised kind and its step count.
 *
 * Running and cycling are active. Walking ("activity") is inherited by every
 * quiet minute after a walk, so it is active only with steps and idle without;
 * a wake-up minute is active with steps and awake without. Kinds the band did
 * not name, and minutes with nothing explicit before them, are unknown.
 */
export function classifyMinute(kind: number, steps: number): MinuteClass {
  switch (kind) {
    case ACTIVITY_KIND.lightSleep:
      return "light_sleep";
    case ACTIVITY_KIND.deepSleep:
      return "deep_sleep";
    case ACTIVITY_KIND.nonWear:
      return "not_worn";
    case ACTIVITY_KIND.charging:
      return "charging";
    case ACTIVITY_KIND.running:
    case ACTIVITY_KIND.rideBike:
      return "active";
    case ACTIVITY_KIND.activity:
      return steps > 0 ? "active" : "idle";
    case ACTIVITY_KIND.wakeUp:
      return steps > 0 ? "active" : "awake";
    default:
      return "unknown";
  }
}

/** Tells whether a minute class counts as asleep. */
export function isSleepClass(minuteClass: MinuteClass): boolean {
  return minuteClass === "light_sleep" || minuteClass === "deep_sleep";
}

/**
 * Tells whether the band was on the wrist: asleep, awake, active or idle.
 * Off the wrist, charging and unknown minutes are not worn.
 */
export function isWornClass(minuteClass: MinuteClass): boolean {
  return minuteClass !== "not_worn" && minuteClass !== "charging" &&
    minuteClass !== "unknown";
}

/** Tells whether a minute class means the person was up (ends a sleeping stretch). */
export function isUpClass(minuteClass: MinuteClass): boolean {
  return minuteClass === "awake" || minuteClass === "active" ||
    minuteClass === "idle";
}
