import type { ChoiceContext, WaitingCandidate } from './next-ticket';
import { nextNormalStreak } from './next-ticket';

/** A waiting ticket as the in-memory index keeps it: what the call order looks at. */
export interface WaitingEntry extends WaitingCandidate {
  front: boolean;
  targetCounterId: number | null;
}

/**
 * The waiting tickets split the way the call order reads them: per service (tickets not
 * sent to a counter by name) or per named counter, per group (priority or normal) and
 * front flag, each list sorted by issue time then id. Kept by `storage/waiting-index.ts`.
 */
export interface WaitingLists {
  ofService(serviceId: number, priority: boolean, front: boolean): readonly WaitingEntry[];
  sentTo(counterId: number, priority: boolean, front: boolean): readonly WaitingEntry[];
}

/** A stretch of one sorted list whose tickets all rank at one tier for the counter. */
export interface Run {
  list: readonly WaitingEntry[];
  /** A ticket not in the index yet, ranking after all of `list` (a ticket about to be issued). */
  extra: WaitingEntry | null;
  /** Where the run begins in its list; before `pos` every ticket of the run was called. */
  start: number;
  pos: number;
  end: number;
  tier: number;
  front: boolean;
}

/** The run's `i`-th ticket: of its list, or past its end the extra one. */
export const itemOf = (run: Run, i: number): WaitingEntry =>
  (i < run.list.length ? run.list[i] : run.extra) as WaitingEntry;

/** First index in `list` (sorted by issue time) whose ticket was issued at or after `at`. */
export function firstIssuedFrom(list: readonly WaitingEntry[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as WaitingEntry).issuedAt < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The runs of one group for a counter: each service's front and other tickets, split where
 * its overdue ones (promoted to the counter's best tier) end, and the tickets sent to this
 * counter by name (tier 0).
 */
export function runsOf(
  lists: WaitingLists,
  priority: boolean,
  tiers: ReadonlyMap<number, number>,
  context: ChoiceContext,
  extra: WaitingEntry | null = null,
): Run[] {
  const runs: Run[] = [];
  const bestTier = Math.min(...tiers.values());
  const counterId = context.counterId;
  for (const front of [true, false]) {
    const fits = (serviceId: number | null, target: number | null) =>
      extra !== null &&
      (extra.priorityClass !== null) === priority &&
      extra.front === front &&
      (target === null
        ? extra.targetCounterId === null && extra.serviceId === serviceId
        : extra.targetCounterId === target)
        ? extra
        : null;
    if (counterId !== undefined) {
      const list = lists.sentTo(counterId, priority, front);
      const more = fits(null, counterId);
      const end = list.length + (more ? 1 : 0);
      if (end > 0) runs.push({ list, extra: more, start: 0, pos: 0, end, tier: 0, front });
    }
    for (const [serviceId, tier] of tiers) {
      const list = lists.ofService(serviceId, priority, front);
      const more = fits(serviceId, null);
      const end = list.length + (more ? 1 : 0);
      if (end === 0) continue;
      const target = context.targetWaitMs?.get(serviceId);
      const split =
        context.now !== undefined && target !== undefined && target > 0 && tier > bestTier
          ? firstIssuedFrom(list, context.now - target)
          : 0;
      if (split > 0)
        runs.push({ list, extra: null, start: 0, pos: 0, end: split, tier: bestTier, front });
      if (split < end) runs.push({ list, extra: more, start: split, pos: split, end, tier, front });
    }
  }
  return runs;
}

/** Tier, then front tickets first, then issue time, then id (`compareCandidates`). */
function ranksBefore(a: Run, ta: WaitingEntry, b: Run, tb: WaitingEntry): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.front !== b.front) return a.front;
  if (ta.issuedAt !== tb.issuedAt) return ta.issuedAt < tb.issuedAt;
  return ta.id < tb.id;
}

/** The runs' next ticket in the counter's order (`compareCandidates`), not in `taken`. */
export function headOf(runs: readonly Run[], taken: ReadonlySet<number>): Run | null {
  let best: Run | null = null;
  let bestTicket: WaitingEntry | null = null;
  for (const run of runs) {
    while (run.pos < run.end && taken.has(itemOf(run, run.pos).id)) run.pos++;
    if (run.pos >= run.end) continue;
    const ticket = itemOf(run, run.pos);
    if (best === null || bestTicket === null || ranksBefore(run, ticket, best, bestTicket)) {
      best = run;
      bestTicket = ticket;
    }
  }
  return best;
}

/**
 * `callCursor` over the index: the same order, ticket by ticket, but each step costs the
 * number of the counter's services, not the length of the queue, because every list is
 * already sorted and only the heads are compared. The lists must not change while the
 * cursor is in use.
 */
export function indexCursor(
  lists: WaitingLists,
  tiers: ReadonlyMap<number, number>,
  context: ChoiceContext = {},
  extra: WaitingEntry | null = null,
): IndexCursor {
  const priority = runsOf(lists, true, tiers, context, extra);
  const normal = runsOf(lists, false, tiers, context, extra);
  const policy = context.policy ?? { mode: 'strict' };
  let streak = context.normalStreak ?? 0;
  const none: ReadonlySet<number> = new Set();
  const call = (taken: ReadonlySet<number> = none): WaitingEntry | null => {
    const p = headOf(priority, taken);
    const n = headOf(normal, taken);
    const priorityFirst = n === null || policy.mode === 'strict' || streak >= policy.every;
    const run = p !== null && priorityFirst ? p : n;
    if (run === null) return null;
    const next = itemOf(run, run.pos++);
    streak = nextNormalStreak(streak, next);
    return next;
  };
  return Object.assign(call, { runs: [...priority, ...normal] });
}

/** A counter's cursor, and its runs (where it stands in each list). */
export type IndexCursor = ((taken?: ReadonlySet<number>) => WaitingEntry | null) & {
  runs: readonly Run[];
};
