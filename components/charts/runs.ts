// Run-length grouping, so a day of 1440 minutes draws as a few dozen shapes.

/** A run of equal consecutive values: first index, length and the value. */
export interface Run<T> {
  /** Index of the run's first element. */
  start: number;
  /** Number of elements in the run. */
  length: number;
  /** The shared value. */
  value: T;
}

/** Groups consecutive equal values into runs. */
export function findRuns<T>(values: readonly T[]): Run<T>[] {
  const runs: Run<T>[] = [];
  for (let i = 0; i < values.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.value === values[i]) last.length++;
    else runs.push({ start: i, length: 1, value: values[i] });
  }
  return runs;
}

/** Returns the runs of missing (null) values, the gaps a chart must show. */
export function findGaps(values: readonly unknown[]): Run<null>[] {
  return findRuns(values.map((v) => (v === null ? null : true)))
    .filter((run): run is Run<null> => run.value === null);
}
