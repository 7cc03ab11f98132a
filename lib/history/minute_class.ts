// The activity strip's seven classes, derived from a kind that has already been
// reduced to its low nibble with "inherit last valid kind" applied (§11.4).

/** What one minute of a day looked like on the activity strip. */
export type MinuteClass =
  | "light_sleep"
  | "deep_sleep"
  | "awake"
  | "active"
  | "not_worn"
  | "charging"
  | "unknown";

/** Every minute class in legend order. */
export const MINUTE_CLASSES: readonly MinuteClass[] = [
  "light_sleep",
  "deep_sleep",
  "awake",
  "active",
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
  not_worn: "Not worn",
  charging: "Charging",
  unknown: "Unknown",
};

/**
 * Classifies one minute from its normalised kind and its step count.
 *
 * Gadgetbridge lumps walking, running, cycling and "woke up" together as
 * activity; the strip separates moving from merely awake, so the generic
 * activity kinds count as active only when the band counted steps.
 */
export function classifyMinute(kind: number, steps: number): MinuteClass {
  switch (kind) {
    case 9:
      return "light_sleep";
    case 11:
      return "deep_sleep";
    case 3:
      return "not_worn";
    case 6:
      return "charging";
    case 2:
    case 4:
      return "active";
    case 1:
    case 12:
      return steps > 0 ? "active" : "awake";
    default:
      return "unknown";
  }
}

/** Tells whether a minute class counts as asleep. */
export function isSleepClass(minuteClass: MinuteClass): boolean {
  return minuteClass === "light_sleep" || minuteClass === "deep_sleep";
}

/** Tells whether the band was on the wrist during a minute of this class. */
export function isWornClass(minuteClass: MinuteClass): boolean {
  return minuteClass !== "not_worn" && minuteClass !== "charging" &&
    minuteClass !== "unknown";
}
