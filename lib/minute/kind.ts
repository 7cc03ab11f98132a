// Kind normalisation (§11.4): only the low nibble of the kind byte names the
// class, and "no change" (0) and "ignore" (10) repeat the last other kind, as
// Gadgetbridge does. The carried kind crosses midnight and gaps, but for at
// most a day: a minute's kind then depends only on the 24 hours before it, so
// any day's figures can be computed from that day and the one before, and
// every reader (stored figures, day view, exports) resolves the same kind.

import { ACTIVITY_KIND, KIND_CLASS_MASK } from "../protocol/activity_kinds.ts";

/** How long an explicit kind carries forward over "no change" minutes. */
export const KIND_CARRY_MS = 24 * 3_600_000;

/** Kind of a minute with nothing explicit in the 24 hours before it. */
export const UNRESOLVED_KIND = -1;

/** Resolves one raw kind byte at its instant, in time order; returns the low-nibble kind or -1. */
export type KindResolver = (time: number, rawKind: number) => number;

/** Creates a resolver: feed it every stored minute in time order, from at least a day before those you need. */
export function createKindResolver(): KindResolver {
  let last = UNRESOLVED_KIND;
  let lastAt = -Infinity;
  return (time, rawKind) => {
    const kind = rawKind & KIND_CLASS_MASK;
    if (kind !== ACTIVITY_KIND.noChange && kind !== ACTIVITY_KIND.ignore) {
      last = kind;
      lastAt = time;
      return kind;
    }
    return time - lastAt <= KIND_CARRY_MS ? last : UNRESOLVED_KIND;
  };
}
