import type { RatingLevel } from '@luot/contract';

/** Where a level sits between the worst (0) and the best (1) of `count` levels. */
export function moodOf(level: number, count: number): number {
  return count <= 1 ? 1 : Math.min(1, Math.max(0, (level - 1) / (count - 1)));
}

/**
 * The levels in the order the screen shows them: best first (left, or on top in portrait),
 * as Vietnamese centres' rating devices do ("Rất hài lòng" first).
 */
export function bestFirst(levels: readonly RatingLevel[]): RatingLevel[] {
  return [...levels].sort((a, b) => b.level - a.level);
}
