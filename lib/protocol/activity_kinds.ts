// Activity kinds (§11.4): the band sets flag bits in the upper nibble of a sample's kind
// byte; only the low nibble names the class. Gadgetbridge's normalisation replaces
// "no change" (0) and "ignore" (10) with the last other kind, seeded from history.
//   0 noChange  1 activity  2 running  3 nonWear  4 rideBike  6 charging
//   9 lightSleep  10 ignore  11 deepSleep  12 wakeUp  others unknown

/** Named class of a raw activity kind byte. */
export type ActivityKind =
  | "noChange"
  | "activity"
  | "running"
  | "nonWear"
  | "rideBike"
  | "charging"
  | "lightSleep"
  | "ignore"
  | "deepSleep"
  | "wakeUp"
  | "unknown";

/** A kind that stands on its own, i.e. not "noChange" or "ignore". */
export type ResolvedActivityKind = Exclude<ActivityKind, "noChange" | "ignore">;

const KINDS: Record<number, ActivityKind> = {
  0: "noChange",
  1: "activity",
  2: "running",
  3: "nonWear",
  4: "rideBike",
  6: "charging",
  9: "lightSleep",
  10: "ignore",
  11: "deepSleep",
  12: "wakeUp",
};

/** Names the class of a raw kind byte from its low nibble. */
export function toActivityKind(raw: number): ActivityKind {
  return KINDS[raw & 0x0f] ?? "unknown";
}

/** Whether a kind counts as sleep. */
export function isSleepKind(kind: ActivityKind): boolean {
  return kind === "lightSleep" || kind === "deepSleep";
}

/** Result of normalising a run of kinds. */
export interface NormalizedKinds {
  /** One resolved kind per input byte. */
  kinds: ResolvedActivityKind[];
  /** Last resolved kind, to seed the next run. */
  last: ResolvedActivityKind;
}

/**
 * Resolves raw kind bytes in time order the way Gadgetbridge does: "noChange" and
 * "ignore" inherit the last other kind, starting from `initial` (from stored history,
 * or "unknown" when there is none).
 */
export function normalizeActivityKinds(
  rawKinds: Iterable<number>,
  initial: ResolvedActivityKind,
): NormalizedKinds {
  const kinds: ResolvedActivityKind[] = [];
  let last = initial;
  for (const raw of rawKinds) {
    const kind = toActivityKind(raw);
    if (kind !== "noChange" && kind !== "ignore") last = kind;
    kinds.push(last);
  }
  return { kinds, last };
}
