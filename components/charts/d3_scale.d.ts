// The slice of d3-scale's API the charts use; the package ships no types and
// deno.lock is not ours to extend with @types/d3-scale.

/** A continuous linear scale from a numeric domain to a numeric range. */
export interface ScaleLinear {
  (value: number): number;
  domain(domain: [number, number]): ScaleLinear;
  range(range: [number, number]): ScaleLinear;
  nice(count?: number): ScaleLinear;
  ticks(count?: number): number[];
  clamp(clamp: boolean): ScaleLinear;
}

/** Builds a linear scale. */
export function scaleLinear(): ScaleLinear;
