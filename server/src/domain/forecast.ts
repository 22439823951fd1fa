import type { PriorityPolicy } from '../contract/settings';
import { isEligible } from './next-ticket';
import {
  indexCursor,
  itemOf,
  type IndexCursor,
  type Run,
  type WaitingEntry,
  type WaitingLists,
} from './waiting-lists';

/**
 * Calls simulated exactly before the rest of the queue ahead is extrapolated: a forecast
 * costs at most this many steps, however long the queue.
 */
export const EXACT_CALLS = 250;

/** A counter in the forecast. */
export interface ForecastDesk {
  counterId: number;
  /** Service id → tier. */
  tiers: ReadonlyMap<number, number>;
  normalStreak: number;
  /** Minutes from now until it calls its next ticket (its current visit's rest, a pause). */
  freeInMinutes: number;
  /** Minutes a visit of this service takes at this counter, walk to the desk included. */
  visitMinutes(serviceId: number): number;
  /**
   * Share of the desk's time that tickets issued later will take before it reaches the
   * forecast ticket (`overtakenShare`, domain/estimate.ts): its time ahead runs
   * 1 / (1 − share) times longer. 0 when left out.
   */
  overtaken?: number;
  /** The same share once the ticket is past its target wait and promoted (`overdue`). */
  overtakenWhenOverdue?: number;
}

/** How much longer the desk's time ahead runs for the work that later arrivals put ahead. */
const slowdown = (share: number | undefined): number => 1 / (1 - Math.min(0.95, share ?? 0));

/** The centre-wide rules the call order depends on. */
export interface ForecastRules {
  policy: PriorityPolicy;
  now: number;
  targetWaitMs: ReadonlyMap<number, number>;
}

const cursorsFor = (
  lists: WaitingLists,
  desks: readonly Pick<ForecastDesk, 'counterId' | 'tiers' | 'normalStreak'>[],
  rules: ForecastRules,
  extra: WaitingEntry | null,
): IndexCursor[] =>
  desks.map((desk) =>
    indexCursor(
      lists,
      desk.tiers,
      {
        counterId: desk.counterId,
        policy: rules.policy,
        normalStreak: desk.normalStreak,
        now: rules.now,
        targetWaitMs: rules.targetWaitMs,
      },
      extra,
    ),
  );

/**
 * Tickets not yet called that some desk would call before `ticket`, once the cursors
 * stopped: per list, the longest stretch ahead of the ticket at any desk (each desk's runs
 * are sorted, so what lies ahead in a run is the part before the ticket's place in it, or
 * all of it, or none), less the calls already made. Extrapolation beyond the exact calls
 * treats them as one pool every desk draws from: exact when the desks call the same tickets,
 * high when they call different ones.
 */
function remainingAhead(cursors: readonly IndexCursor[], ticket: WaitingEntry): number {
  // Per list and run start: the furthest any desk got (everything before it was called)
  // and the furthest place still ahead of the ticket at some desk.
  const spans = new Map<readonly WaitingEntry[], Map<number, { from: number; to: number }>>();
  for (const cursor of cursors) {
    const found = cursor.runs.find((run) => containsTicket(run, ticket));
    for (const run of cursor.runs) {
      let to: number;
      if (found === undefined) to = run.end;
      else if ((itemOf(run, run.start).priorityClass !== null) !== (ticket.priorityClass !== null))
        to = ticket.priorityClass === null ? run.end : run.pos;
      else if (run.tier !== found.tier) to = run.tier < found.tier ? run.end : run.pos;
      else if (run.front !== found.front) to = run.front ? run.end : run.pos;
      else to = Math.max(run.pos, placeIn(run, ticket));
      const byStart = spans.get(run.list) ?? new Map<number, { from: number; to: number }>();
      spans.set(run.list, byStart);
      const span = byStart.get(run.start);
      byStart.set(run.start, {
        from: Math.max(span?.from ?? run.pos, run.pos),
        to: Math.max(span?.to ?? to, to),
      });
    }
  }
  let total = 0;
  for (const byStart of spans.values()) {
    // The spans of one list, merged where they overlap.
    const sorted = [...byStart.values()].sort((a, b) => a.from - b.from);
    let reached = 0;
    for (const { from, to } of sorted) {
      const begin = Math.max(from, reached);
      if (to > begin) total += to - begin;
      reached = Math.max(reached, to);
    }
  }
  return total;
}

/** Whether the ticket lies within the run's range. */
function containsTicket(run: Run, ticket: WaitingEntry): boolean {
  const at = placeIn(run, ticket);
  return at < run.end && itemOf(run, at).id === ticket.id;
}

/** The index in the run's list (extra included) where the ticket is or would go. */
function placeIn(run: Run, ticket: WaitingEntry): number {
  let lo = run.pos;
  let hi = run.end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = itemOf(run, mid);
    if (
      other.issuedAt < ticket.issuedAt ||
      (other.issuedAt === ticket.issuedAt && other.id < ticket.id)
    )
      lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many tickets are called before `ticket` (the people-ahead figure, docs/queue-rules.md):
 * the desks take turns in the order given, each calling its next ticket by the queue rules,
 * nobody new arriving. Exact for the first `EXACT_CALLS` calls; beyond, the tickets still
 * ahead are counted (`remainingAhead`). `extra` is the ticket when it is not in the index yet.
 */
export function turnsAhead(
  ticket: WaitingEntry,
  lists: WaitingLists,
  desks: readonly Pick<ForecastDesk, 'counterId' | 'tiers' | 'normalStreak'>[],
  rules: ForecastRules,
  extra: WaitingEntry | null = null,
): number {
  const able = desks.filter((desk) => isEligible(ticket, desk.tiers, desk.counterId));
  const cursors = cursorsFor(lists, able, rules, extra);
  const taken = new Set<number>();
  for (;;) {
    let calledAny = false;
    for (const next of cursors) {
      if (taken.size >= EXACT_CALLS) return taken.size + remainingAhead(cursors, ticket);
      const called = next(taken);
      if (called === null) continue;
      if (called.id === ticket.id) return taken.size;
      taken.add(called.id);
      calledAny = true;
    }
    if (!calledAny) return taken.size;
  }
}

/**
 * Minutes until `ticket` is called, simulated forward over the desks: each desk calls its next
 * ticket by the queue rules when it is free (its current visit done, its pause over), and is
 * then busy for that visit's expected minutes; the first desk to reach the ticket calls it.
 * Desks that cannot call the ticket take part too: what they call is not in its way.
 * Tickets issued later that go ahead at a desk (`overtaken`) slow its time down, less so once
 * the ticket is past its target wait (`overtakenWhenOverdue`): it is then promoted.
 * Exact for the first `EXACT_CALLS` calls; beyond, the tickets still ahead are served at the
 * desks' combined pace.
 */
export function minutesUntilCalled(
  ticket: WaitingEntry,
  lists: WaitingLists,
  desks: readonly ForecastDesk[],
  rules: ForecastRules,
  extra: WaitingEntry | null = null,
): number {
  const able = desks.map((desk) => isEligible(ticket, desk.tiers, desk.counterId));
  if (!able.includes(true)) return 0;
  const cursors = cursorsFor(lists, desks, rules, extra);
  const stretch = desks.map((desk) => slowdown(desk.overtaken));
  const overdueStretch = desks.map((desk) => slowdown(desk.overtakenWhenOverdue ?? desk.overtaken));
  // Minutes until the ticket passes its target wait (then promoted at every desk).
  const target = rules.targetWaitMs.get(ticket.serviceId) ?? 0;
  const overdueAt = target > 0 ? (target - (rules.now - ticket.issuedAt)) / 60_000 : Infinity;
  const free = desks.map(
    (desk, i) =>
      Math.max(0, desk.freeInMinutes) * ((overdueAt <= 0 ? overdueStretch : stretch)[i] as number),
  );

  const done = desks.map(() => false);
  const taken = new Set<number>();
  for (;;) {
    // The desk free first (the first in order on a tie) calls next.
    let d = -1;
    for (let i = 0; i < desks.length; i++)
      if (!done[i] && (d < 0 || (free[i] as number) < (free[d] as number))) d = i;
    if (d < 0) return 0;
    const at = free[d] as number;
    if (taken.size >= EXACT_CALLS) {
      const pace = desks.reduce(
        (sum, desk, i) =>
          able[i]
            ? sum + 1 / Math.max(0.1, desk.visitMinutes(ticket.serviceId) * (stretch[i] as number))
            : sum,
        0,
      );
      return (
        at +
        remainingAhead(
          cursors.filter((_, i) => able[i]),
          ticket,
        ) /
          pace
      );
    }
    const called = (cursors[d] as IndexCursor)(taken);
    if (called === null) {
      done[d] = true;
      continue;
    }
    if (called.id === ticket.id) return at;
    taken.add(called.id);
    free[d] =
      at +
      (desks[d] as ForecastDesk).visitMinutes(called.serviceId) *
        ((at >= overdueAt ? overdueStretch : stretch)[d] as number);
  }
}
