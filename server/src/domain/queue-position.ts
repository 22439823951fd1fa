import type { CounterStatus } from '../contract/entities';
import type { PriorityPolicy } from '../contract/settings';
import { deskOf } from './desk-rights';
import { callCursor, isEligible, type WaitingCandidate } from './next-ticket';

/** A counter as the people-ahead figure sees it. */
export interface QueueDesk {
  counterId: number;
  /** Service id → tier. */
  tiers: ReadonlyMap<number, number>;
  /** Normal tickets it called since its last priority one. */
  normalStreak: number;
}

/** A counter as the choice of who stands in a ticket's way sees it. */
export interface QueueCounter {
  id: number;
  staffId: number | null;
  status: CounterStatus;
  normalStreak: number;
  services: readonly { serviceId: number; tier: number }[];
}

/**
 * The desks that take turns calling before `ticket` (`peopleAhead`): the counters that may
 * call it and are open with a clerk, or when none is, every counter that may call it, or
 * else one desk serving only its service.
 */
export function desksAhead(
  ticket: Pick<WaitingCandidate, 'serviceId' | 'targetCounterId'>,
  counters: readonly QueueCounter[],
): QueueDesk[] {
  const able = counters
    .map((counter) => ({
      counter,
      desk: { ...deskOf(counter), normalStreak: counter.normalStreak },
    }))
    .filter(({ desk }) => isEligible(ticket, desk.tiers, desk.counterId));
  const working = able.filter(
    ({ counter }) => counter.staffId !== null && counter.status === 'open',
  );
  const desks = (working.length > 0 ? working : able).map(({ desk }) => desk);
  if (desks.length === 0)
    desks.push({ counterId: 0, tiers: new Map([[ticket.serviceId, 1]]), normalStreak: 0 });
  return desks;
}

/** The centre-wide rules the order depends on. */
export interface QueueRules {
  policy: PriorityPolicy;
  now: number;
  /** Each service's target wait in ms (overdue tickets are promoted). */
  targetWaitMs: ReadonlyMap<number, number>;
}

/**
 * How many tickets are called before `ticket`, by the counters that may call it taking
 * turns (in the order given), each calling its next ticket by the queue rules
 * (`callCursor`, the same as call-next) from the tickets still waiting. With one
 * counter this is exactly its call order; with several it counts the other services'
 * tickets those counters call first, and what one of them calls is gone for the others.
 * Counters that may not call the ticket are left out: they never stand in its way.
 * Returns 0 for a ticket no given counter may call.
 */
export function peopleAhead<T extends WaitingCandidate>(
  ticket: T,
  waiting: readonly T[],
  desks: readonly QueueDesk[],
  rules: QueueRules,
): number {
  const able = desks.filter((desk) => isEligible(ticket, desk.tiers, desk.counterId));
  const cursors = able.map((desk) =>
    callCursor(waiting, desk.tiers, {
      counterId: desk.counterId,
      policy: rules.policy,
      normalStreak: desk.normalStreak,
      now: rules.now,
      targetWaitMs: rules.targetWaitMs,
    }),
  );
  const taken = new Set<number>();
  // Every turn takes at least one ticket until the ticket itself is taken, so this ends.
  for (;;) {
    let calledAny = false;
    for (const next of cursors) {
      const called = next(taken);
      if (called === null) continue;
      if (called.id === ticket.id) return taken.size;
      taken.add(called.id);
      calledAny = true;
    }
    if (!calledAny) return taken.size;
  }
}
