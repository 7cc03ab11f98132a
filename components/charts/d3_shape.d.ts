// The slice of d3-shape's API the charts use; see d3_scale.d.ts for why it is local.

/** A line generator over points of type T. */
export interface Line<T> {
  (data: Iterable<T>): string | null;
  x(x: (d: T, i: number) => number): Line<T>;
  y(y: (d: T, i: number) => number): Line<T>;
  defined(defined: (d: T, i: number) => boolean): Line<T>;
}

/** Builds a line generator. */
export function line<T>(): Line<T>;
