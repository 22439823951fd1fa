import type { DurationStats } from '../../contract/reports';

const CHUNK = 65_536;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * A list of durations in whole milliseconds, kept in chunks of Int32s (growing never
 * copies). A total's list is the union of its groups' lists (`Durations.union`), so each
 * value is stored once.
 */
export class Durations {
  private readonly chunks: Int32Array[] = [];
  private current = new Int32Array(0);
  private used = 0;
  length = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  push(ms: number): void {
    if (this.used === this.current.length) {
      // 256, 1,024, 4,096… up to 65,536 values a chunk: small groups stay small.
      this.current = new Int32Array(Math.min(CHUNK, 256 * 4 ** this.chunks.length));
      this.chunks.push(this.current);
      this.used = 0;
    }
    const value = ms < INT32_MIN ? INT32_MIN : ms > INT32_MAX ? INT32_MAX : ms;
    this.current[this.used++] = value;
    this.length += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** The filled part of each chunk. */
  parts(): Int32Array[] {
    return this.chunks.map((chunk) =>
      chunk === this.current ? chunk.subarray(0, this.used) : chunk,
    );
  }

  /** Count, mean, median, p90 and max in minutes (exact, from every value). */
  stats(): DurationStats {
    return durationStats([this]);
  }
}

/** The statistics of several lists taken as one (a total over its groups). */
export function durationStats(lists: readonly Durations[]): DurationStats {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const list of lists) {
    n += list.length;
    sum += list.sum;
    if (list.min < min) min = list.min;
    if (list.max > max) max = list.max;
  }
  if (n === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  const parts = lists.flatMap((list) => list.parts());
  const [median, p90] = percentiles(parts, n, min, max, [0.5, 0.9]);
  return {
    count: n,
    mean: minutes(sum / n),
    median: minutes(median!),
    p90: minutes(p90!),
    max: minutes(max),
  };
}

/** Below this many values a sort is quickest. */
const SORT_BELOW = 64;

/**
 * Exact R-7 percentiles of integer values spread over `parts` (n values from min to max)
 * without sorting them all: one pass counts them into (at most 65,536) buckets of
 * consecutive values, the running counts tell which buckets hold the ranks wanted, a
 * second pass gathers those buckets' values, and only they are sorted. Few values are
 * simply sorted.
 */
export function percentiles(
  parts: readonly Int32Array[],
  n: number,
  min: number,
  max: number,
  ps: readonly number[],
): number[] {
  if (n < SORT_BELOW) {
    const sorted = new Float64Array(n);
    let at = 0;
    for (const part of parts) {
      sorted.set(part, at);
      at += part.length;
    }
    sorted.sort();
    return ps.map((p) => percentile(sorted, p));
  }
  const span = max - min;
  // About four values a bucket, at most 65,536 buckets.
  const bucketBits = Math.min(16, Math.max(4, Math.ceil(Math.log2(n)) - 2));
  const shift = Math.max(0, Math.ceil(Math.log2(span + 1)) - bucketBits);
  const counts = new Uint32Array(Math.floor(span / 2 ** shift) + 1);
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) counts[(part[i]! - min) >>> shift]! += 1;
  }
  // The ranks each percentile reads, ⌊h⌋ and ⌊h⌋ + 1, and the bucket holding each.
  const ranks = [
    ...new Set(
      ps.flatMap((p) => {
        const lo = Math.floor((n - 1) * p);
        return [lo, Math.min(n - 1, lo + 1)];
      }),
    ),
  ].sort((a, b) => a - b);
  const bucketOf = new Map<number, { bucket: number; first: number }>();
  let seen = 0;
  let r = 0;
  for (let b = 0; b < counts.length && r < ranks.length; b++) {
    const c = counts[b]!;
    while (r < ranks.length && ranks[r]! < seen + c) {
      bucketOf.set(ranks[r++]!, { bucket: b, first: seen });
    }
    seen += c;
  }
  // Each wanted bucket gets a slot (others −1); one more pass gathers their values.
  const slots = new Int8Array(counts.length).fill(-1);
  const lists: number[][] = [];
  for (const { bucket } of bucketOf.values()) {
    if (slots[bucket] === -1) {
      slots[bucket] = lists.length;
      lists.push([]);
    }
  }
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const v = part[i]!;
      const slot = slots[(v - min) >>> shift]!;
      if (slot >= 0) lists[slot]!.push(v);
    }
  }
  for (const list of lists) list.sort((a, b) => a - b);
  const at = (rank: number): number => {
    const { bucket, first } = bucketOf.get(rank)!;
    return lists[slots[bucket]!]![rank - first]!;
  };
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const low = at(lo);
    return lo + 1 >= n ? low : low + (h - lo) * (at(lo + 1) - low);
  });
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
