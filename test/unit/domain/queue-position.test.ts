import { callOrder, type WaitingCandidate } from '../../../server/src/domain/next-ticket';
import {
  desksAhead,
  peopleAhead,
  type QueueCounter,
  type QueueDesk,
  type QueueRules,
} from '../../../server/src/domain/queue-position';
import { BUSINESS, candidate, MINUTE, NINE_AM, TAX } from '../../support/waiting-tickets';

const INTERLEAVE: QueueRules = {
  policy: { mode: 'interleave', every: 2 },
  now: NINE_AM + 30 * MINUTE,
  targetWaitMs: new Map(),
};

/** Counter 1: business, then tax. Counter 2: tax, then business. */
const ONE: QueueDesk = {
  counterId: 1,
  tiers: new Map([
    [BUSINESS, 1],
    [TAX, 2],
  ]),
  normalStreak: 1,
};
const TWO: QueueDesk = {
  counterId: 2,
  tiers: new Map([
    [TAX, 1],
    [BUSINESS, 2],
  ]),
  normalStreak: 0,
};

const WAITING = [
  candidate(1, BUSINESS, 0),
  candidate(2, BUSINESS, 1, 'elderly'),
  candidate(3, TAX, 2),
  candidate(4, BUSINESS, 3),
  candidate(5, TAX, 4, 'elderly'),
  candidate(6, BUSINESS, 5),
  candidate(7, TAX, 6),
];

describe('peopleAhead()', () => {
  test('with one counter is the place in its call order, for every ticket', () => {
    const order = callOrder(WAITING, ONE.tiers, { ...INTERLEAVE, normalStreak: ONE.normalStreak });

    const ahead = order.map((t) => peopleAhead(t, WAITING, [ONE], INTERLEAVE));

    expect(ahead).toEqual(order.map((_, index) => index));
  });

  test('with two counters taking turns counts what both call first', () => {
    // Turn 1: counter 1 calls 1 (its streak reaches 2), counter 2 calls 3 (its tier 1).
    // Turn 2: counter 1 calls 2 (priority, its turn), counter 2 calls 7; turn 3: 4.
    const ahead = [4, 7].map((id) =>
      peopleAhead(
        WAITING.find((t) => t.id === id) as WaitingCandidate,
        WAITING,
        [ONE, TWO],
        INTERLEAVE,
      ),
    );

    expect(ahead).toEqual([4, 3]);
  });

  test('leaves out counters that may not call the ticket', () => {
    const businessOnly: QueueDesk = {
      counterId: 3,
      tiers: new Map([[BUSINESS, 1]]),
      normalStreak: 0,
    };
    const tax = WAITING.find((t) => t.id === 7) as WaitingCandidate;

    expect(peopleAhead(tax, WAITING, [TWO, businessOnly], INTERLEAVE)).toBe(
      peopleAhead(tax, WAITING, [TWO], INTERLEAVE),
    );
  });

  test('counts only the named counter for a ticket sent to it, priority tickets first', () => {
    const sent = { ...candidate(8, TAX, 7), targetCounterId: 1 };
    const waiting = [...WAITING, sent];
    const strict: QueueRules = { ...INTERLEAVE, policy: { mode: 'strict' } };

    const ahead = peopleAhead(sent, waiting, [ONE, TWO], strict);

    expect(ahead).toBe(2);
    expect(ahead).toBe(peopleAhead(sent, waiting, [ONE], strict));
  });

  test('is 0 when no counter may call the ticket', () => {
    expect(peopleAhead(WAITING[0] as WaitingCandidate, WAITING, [], INTERLEAVE)).toBe(0);
  });
});

describe('desksAhead()', () => {
  /** A counter serving `serviceIds` at tier 1, open with a clerk unless told otherwise. */
  const counter = (id: number, serviceIds: number[], more: Partial<QueueCounter> = {}) => ({
    id,
    staffId: 7,
    status: 'open' as const,
    normalStreak: 0,
    services: serviceIds.map((serviceId) => ({ serviceId, tier: 1 })),
    ...more,
  });

  test('takes the open counters with a clerk that may call the ticket', () => {
    const desks = desksAhead({ serviceId: TAX }, [
      counter(1, [BUSINESS]),
      counter(2, [TAX], { normalStreak: 3 }),
      counter(3, [TAX], { status: 'paused' }),
      counter(4, [TAX], { staffId: null }),
    ]);
    expect(desks.map((d) => [d.counterId, d.normalStreak])).toEqual([[2, 3]]);
  });

  test('falls back to every counter that may call the ticket when none is working', () => {
    const desks = desksAhead({ serviceId: TAX }, [
      counter(1, [BUSINESS]),
      counter(3, [TAX], { status: 'closed' }),
      counter(4, [TAX, BUSINESS], { staffId: null }),
    ]);
    expect(desks.map((d) => d.counterId)).toEqual([3, 4]);
  });

  test('counts a ticket sent to a counter by name only at that counter', () => {
    const desks = desksAhead({ serviceId: BUSINESS, targetCounterId: 2 }, [
      counter(1, [BUSINESS]),
      counter(2, [TAX]),
    ]);
    expect(desks.map((d) => d.counterId)).toEqual([2]);
  });

  test('makes up one desk serving only the ticket service when no counter may call it', () => {
    expect(desksAhead({ serviceId: TAX }, [counter(1, [BUSINESS])])).toEqual([
      { counterId: 0, tiers: new Map([[TAX, 1]]), normalStreak: 0 },
    ]);
  });
});
