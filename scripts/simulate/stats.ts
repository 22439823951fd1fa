/** Small statistics over plain number lists. */

/** The nearest-rank percentile (p in 0–100) of `values`; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The mean of `values`; null for none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The largest of `values`; null for none. */
export function max(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let top = -Infinity;
  for (const v of values) if (v > top) top = v;
  return top;
}

/** The share of `values` for which `test` holds; null for none. */
export function share(values: readonly number[], test: (v: number) => boolean): number | null {
  if (values.length === 0) return null;
  let n = 0;
  for (const v of values) if (test(v)) n += 1;
  return n / values.length;
}

/** Rounded to `digits` decimals (null stays null), for reports. */
export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** How far estimates fell from what happened. */
export interface EstimateError {
  /** Tickets with both an estimate and a call. */
  tickets: number;
  /** Mean absolute error, minutes. */
  maeMinutes: number | null;
  /** Share with |estimate − real| ≤ 5 minutes. */
  within5Share: number | null;
  /** Mean of estimate − real, minutes: negative when the estimate is too short. */
  biasMinutes: number | null;
  /** 90th percentile of |estimate − real|, minutes. */
  p90AbsMinutes: number | null;
}

/** Error figures of pairs (estimate, real wait), both in minutes. */
export function estimateError(pairs: readonly { estimate: number; real: number }[]): EstimateError {
  const errors = pairs.map((p) => p.estimate - p.real);
  const absolute = errors.map(Math.abs);
  return {
    tickets: pairs.length,
    maeMinutes: round(mean(absolute), 2),
    within5Share: round(
      share(absolute, (e) => e <= 5),
      3,
    ),
    biasMinutes: round(mean(errors), 2),
    p90AbsMinutes: round(percentile(absolute, 90), 2),
  };
}
