// mulberry32: 32 bits of state is plenty for synthetic history and keeps the
// generator fast and identical in every JavaScript engine.

/** A seeded pseudo-random source returning floats in [0, 1). */
export type Random = () => number;

/** Creates a deterministic pseudo-random source from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return function nextRandom(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an integer in [min, max] inclusive from a random source. */
export function pickInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
