import type { Span } from './calendar';
import type { CentreModel, SimRating } from './model';
import type { Random } from './random';

/** A pause a clerk means to take: from when (minute of the day, then epoch ms), how long, why. */
export interface PlannedPause {
  at: number;
  minutes: number;
  reason: string;
}

/**
 * A clerk's pauses in one opening interval, with the centre's pause reasons (the first is
 * the ordinary break): usually a short break, sometimes a meeting, a colleague to help or
 * a personal errand; a lunch break when the centre stays open over midday.
 */
export function planPauses(
  span: Span,
  spanCount: number,
  reasons: readonly string[],
  random: Random,
): PlannedPause[] {
  if (reasons.length === 0) return [];
  const length = span.to - span.from;
  const plans: PlannedPause[] = [];
  const reason = (index: number) => reasons[Math.min(index, reasons.length - 1)] as string;
  const sometime = (margin: number) =>
    span.from + margin + random.int(Math.max(1, length - 2 * margin));
  if (length >= 120 && random.chance(0.8))
    plans.push({ at: sometime(60), minutes: 5 + random.int(11), reason: reason(0) });
  if (length >= 120 && random.chance(0.1))
    plans.push({ at: sometime(30), minutes: 20 + random.int(26), reason: reason(1) });
  if (random.chance(0.08))
    plans.push({ at: sometime(20), minutes: 10 + random.int(16), reason: reason(2) });
  if (random.chance(0.04))
    plans.push({ at: sometime(20), minutes: 5 + random.int(16), reason: reason(3) });
  // Open over midday: the clerks eat in turns between 11:00 and 12:30.
  if (spanCount === 1 && span.from <= 660 && span.to >= 810)
    plans.push({ at: 660 + random.int(90), minutes: 45 + random.int(16), reason: reason(0) });
  return plans.sort((a, b) => a.at - b.at);
}

/**
 * A visitor's rating: mostly satisfied (about 98 %), less so after a wait over the
 * service's target (`waitRatio` = wait ÷ target); a low score ticks one or two reasons,
 * the long wait likelier after a long wait. `ratedAt` is left for the caller.
 */
export function rate(rating: CentreModel['rating'], waitRatio: number, random: Random): SimRating {
  const low = rating.levels.filter((level) => level <= rating.lowThreshold);
  const high = rating.levels.filter((level) => level > rating.lowThreshold);
  const pLow = 0.008 + (waitRatio > 1 ? 0.02 : 0) + (waitRatio > 2 ? 0.03 : 0);
  if (high.length === 0 || (low.length > 0 && random.chance(pLow))) {
    // The better of the low levels is the commoner.
    const level = low[random.weighted(low.map((_, i) => (i === low.length - 1 ? 7 : 3)))] ?? 1;
    const reasons: string[] = [];
    if (rating.reasons.length > 0) {
      const first = waitRatio > 1 && random.chance(0.6) ? 0 : random.int(rating.reasons.length);
      reasons.push(rating.reasons[first] as string);
      if (random.chance(0.3)) {
        const second = random.int(rating.reasons.length);
        if (second !== first) reasons.push(rating.reasons[second] as string);
      }
    }
    return { level, reasons, ratedAt: 0 };
  }
  // The best level is the commonest, then the next.
  const level = high[random.weighted(high.map((_, i) => (i === high.length - 1 ? 72 : 28)))] ?? 4;
  return { level, reasons: [], ratedAt: 0 };
}
