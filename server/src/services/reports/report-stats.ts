import type { DurationStats } from '../../contract/reports';

/** A growable list of durations in milliseconds. */
export class Durations {
  private values = new Float64Array(16);
  length = 0;
  private sum = 0;

  push(ms: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = ms;
    this.sum += ms;
  }

  /** Count, mean, median, p90 and max in minutes (exact, from every value). */
  stats(): DurationStats {
    const n = this.length;
    if (n === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
    const sorted = this.values.subarray(0, n).sort();
    return {
      count: n,
      mean: minutes(this.sum / n),
      median: minutes(percentile(sorted, 0.5)),
      p90: minutes(percentile(sorted, 0.9)),
      max: minutes(sorted[n - 1]!),
    };
  }
}

/** Milliseconds as minutes, to 1e-9 minute: floating-point noise (19.000000000000004) gone. */
export const minutes = (ms: number): number => Math.round((ms / 60_000) * 1e9) / 1e9;

/**
 * The p-th percentile of sorted values by linear interpolation between the closest ranks
 * Excel's PERCENTILE.INC, numpy's default): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo]!;
  if (lo + 1 >= sorted.length) return low;
  return low + (h - lo) * (sorted[lo + 1]! - low);
}
