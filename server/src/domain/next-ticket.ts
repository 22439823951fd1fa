import type { PriorityClass } from '../contract/entities';

/** What the choice of the next ticket looks at. */
export interface WaitingCandidate {
  id: number;
  serviceId: number;
  priorityClass: PriorityClass | null;
  issuedAt: number;
}

/**
 * Orders candidates for a counter: priority classes first, then the counter's
 * tier for the service (1 before 2), then issue time, then id.
 */
export function compareCandidates(
  tiers: ReadonlyMap<number, number>,
): (a: WaitingCandidate, b: WaitingCandidate) => number {
  const tierOf = (c: WaitingCandidate) => tiers.get(c.serviceId) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) =>
    Number(b.priorityClass !== null) - Number(a.priorityClass !== null) ||
    tierOf(a) - tierOf(b) ||
    a.issuedAt - b.issuedAt ||
    a.id - b.id;
}

/**
 * The ticket a counter serving `tiers` (service id → tier) calls next, or null
 * when none of its services has anyone waiting.
 */
export function chooseNextTicket<T extends WaitingCandidate>(
  waiting: readonly T[],
  tiers: ReadonlyMap<number, number>,
): T | null {
  const compare = compareCandidates(tiers);
  let best: T | null = null;
  for (const candidate of waiting) {
    if (!tiers.has(candidate.serviceId)) continue;
    if (best === null || compare(candidate, best) < 0) best = candidate;
  }
  return best;
}
