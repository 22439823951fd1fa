import type { PriorityClass } from '../contract/entities';
import type { PriorityPolicy } from '../contract/settings';

/** What the choice of the next ticket looks at. */
export interface WaitingCandidate {
  id: number;
  serviceId: number;
  priorityClass: PriorityClass | null;
  issuedAt: number;
  /** Transferred in or returned from parking: goes before others of its tier. */
  front?: boolean;
  /** Only this counter may call it (a transfer to a named counter). */
  targetCounterId?: number | null;
}

/** Everything beyond the tickets that shapes the choice. */
export interface ChoiceContext {
  /** The calling counter; tickets sent to another named counter are skipped. */
  counterId?: number;
  policy?: PriorityPolicy;
  /** Normal tickets this counter called since its last priority ticket. */
  normalStreak?: number;
  /** Now, and each service's target wait in ms: tickets waiting longer go first in their group. */
  now?: number;
  targetWaitMs?: ReadonlyMap<number, number>;
}

/**
 * Orders candidates of one group (priority or normal) for a counter: by tier,
 * then transferred-in or returned tickets, then issue time, then id. A ticket
 * sent to this counter by name counts as tier 0; one waiting longer than its
 * service's target wait is promoted to the counter's best tier, so no tier
 * starves.
 */
export function compareCandidates(
  tiers: ReadonlyMap<number, number>,
  context: ChoiceContext = {},
): (a: WaitingCandidate, b: WaitingCandidate) => number {
  const bestTier = Math.min(...tiers.values());
  const overdue = (c: WaitingCandidate) => {
    const target = context.targetWaitMs?.get(c.serviceId);
    return (
      context.now !== undefined &&
      target !== undefined &&
      target > 0 &&
      context.now - c.issuedAt > target
    );
  };
  const tierOf = (c: WaitingCandidate) => {
    if (c.targetCounterId != null) return 0;
    const tier = tiers.get(c.serviceId) ?? Number.MAX_SAFE_INTEGER;
    return overdue(c) ? Math.min(tier, bestTier) : tier;
  };
  return (a, b) =>
    tierOf(a) - tierOf(b) ||
    Number(Boolean(b.front)) - Number(Boolean(a.front)) ||
    a.issuedAt - b.issuedAt ||
    a.id - b.id;
}

/** True when the counter may call this ticket at all. */
export function isEligible(
  candidate: Pick<WaitingCandidate, 'serviceId' | 'targetCounterId'>,
  tiers: ReadonlyMap<number, number>,
  counterId: number | undefined,
): boolean {
  if (candidate.targetCounterId != null) return candidate.targetCounterId === counterId;
  return tiers.has(candidate.serviceId);
}

/**
 * One counter working down the waiting tickets by the queue rules: each call to the
 * returned function gives the ticket the counter calls next, skipping those in `taken`
 * (called by another counter meanwhile), and keeps the counter's interleave count as
 * it goes. Order within each group never changes with the count, so both are sorted once.
 */
export function callCursor<T extends WaitingCandidate>(
  waiting: readonly T[],
  tiers: ReadonlyMap<number, number>,
  context: ChoiceContext = {},
): (taken?: ReadonlySet<number>) => T | null {
  const eligible = waiting.filter((c) => isEligible(c, tiers, context.counterId));
  const compare = compareCandidates(tiers, context);
  const priority = eligible.filter((c) => c.priorityClass !== null).sort(compare);
  const normal = eligible.filter((c) => c.priorityClass === null).sort(compare);
  const policy = context.policy ?? { mode: 'strict' };
  let streak = context.normalStreak ?? 0;
  let p = 0;
  let n = 0;
  return (taken = new Set()) => {
    while (p < priority.length && taken.has((priority[p] as T).id)) p++;
    while (n < normal.length && taken.has((normal[n] as T).id)) n++;
    const priorityFirst = n >= normal.length || policy.mode === 'strict' || streak >= policy.every;
    const next = p < priority.length && priorityFirst ? priority[p++] : normal[n++];
    if (next === undefined) return null;
    streak = nextNormalStreak(streak, next);
    return next;
  };
}

/**
 * The order in which a counter serving `tiers` (service id → tier) would call the
 * waiting tickets it may call, if nobody else called and nobody new arrived. Priority
 * tickets go first under the `strict` policy; under `interleave` one goes after every
 * N normal calls, counting from the counter's `normalStreak`. The one ordering rule
 * behind both the next call and the people-ahead figure (queue-position.ts).
 */
export function callOrder<T extends WaitingCandidate>(
  waiting: readonly T[],
  tiers: ReadonlyMap<number, number>,
  context: ChoiceContext = {},
): T[] {
  const next = callCursor(waiting, tiers, context);
  const order: T[] = [];
  for (let ticket = next(); ticket !== null; ticket = next()) order.push(ticket);
  return order;
}

/**
 * The ticket a counter serving `tiers` calls next: the head of its `callOrder`, or
 * null when nobody it may call is waiting.
 */
export function chooseNextTicket<T extends WaitingCandidate>(
  waiting: readonly T[],
  tiers: ReadonlyMap<number, number>,
  context: ChoiceContext = {},
): T | null {
  return callCursor(waiting, tiers, context)();
}

/** The counter's streak of normal calls after it calls `ticket`. */
export function nextNormalStreak(streak: number, ticket: WaitingCandidate): number {
  return ticket.priorityClass === null ? streak + 1 : 0;
}

/** Each service's target wait in ms, past which its waiting tickets are promoted. */
export function targetWaitsMs(
  services: readonly { id: number; targetWaitMinutes: number }[],
): Map<number, number> {
  return new Map(services.map((s) => [s.id, s.targetWaitMinutes * 60_000]));
}
