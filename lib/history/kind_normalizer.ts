// Turns raw kind bytes into the low-nibble kinds history code classifies, using
// the protocol's own naming (§11.4) to decide which kinds inherit the last one.

import { toActivityKind } from "../protocol/activity_kinds.ts";

/** A stateful reader that resolves one raw kind byte at a time, in time order. */
export type KindNormalizer = (rawKind: number) => number;

/**
 * Creates a normaliser: "no change" (0) and "ignore" (10) take the last other
 * kind; before any other kind has been seen they stay unresolved as -1, which
 * classifies as "unknown" rather than inventing a kind.
 */
export function createKindNormalizer(initial = -1): KindNormalizer {
  let last = initial;
  return (rawKind) => {
    const name = toActivityKind(rawKind);
    if (name !== "noChange" && name !== "ignore") last = rawKind & 0x0f;
    return last;
  };
}
