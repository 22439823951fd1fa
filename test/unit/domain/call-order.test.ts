import {
  callCursor,
  callOrder,
  chooseNextTicket,
  type WaitingCandidate,
} from '../../../server/src/domain/next-ticket';
import {
  BUSINESS,
  candidate,
  LAND,
  MINUTE,
  NINE_AM,
  TAX,
  TIERS,
} from '../../support/waiting-tickets';

const ids = (tickets: readonly WaitingCandidate[]) => tickets.map((t) => t.id);

/** Normal 1–3 and 6, priority 4–5, all business, a minute apart; 7 is land. */
const WAITING = [
  candidate(1, BUSINESS, 0),
  candidate(2, BUSINESS, 1),
  candidate(3, BUSINESS, 2),
  candidate(4, BUSINESS, 3, 'elderly'),
  candidate(5, BUSINESS, 4, 'elderly'),
  candidate(6, BUSINESS, 5),
  candidate(7, LAND, 0),
];

describe('callOrder()', () => {
  test('under strict calls every priority ticket first, then the rest oldest first', () => {
    expect(ids(callOrder(WAITING, TIERS))).toEqual([4, 5, 1, 2, 3, 6]);
  });

  test('under interleave every 2 calls one priority ticket after each two normal ones', () => {
    const order = callOrder(WAITING, TIERS, { policy: { mode: 'interleave', every: 2 } });

    expect(ids(order)).toEqual([1, 2, 4, 3, 6, 5]);
  });

  test("continues the counter's streak of normal calls", () => {
    const order = callOrder(WAITING, TIERS, {
      policy: { mode: 'interleave', every: 2 },
      normalStreak: 2,
    });

    expect(ids(order)).toEqual([4, 1, 2, 5, 3, 6]);
  });

  test('calls the remaining kind back to back once the other runs out', () => {
    const waiting = [
      candidate(1, BUSINESS, 0, 'elderly'),
      candidate(2, BUSINESS, 1, 'elderly'),
      candidate(3, BUSINESS, 2),
    ];

    const order = callOrder(waiting, TIERS, { policy: { mode: 'interleave', every: 3 } });

    expect(ids(order)).toEqual([3, 1, 2]);
  });

  test('puts a lower tier after the counter’s first tier unless it waited past its target', () => {
    const waiting = [candidate(1, TAX, 0), candidate(2, BUSINESS, 10), candidate(3, TAX, 15)];
    const targetWaitMs = new Map([[TAX, 20 * MINUTE]]);

    const order = callOrder(waiting, TIERS, { now: NINE_AM + 25 * MINUTE, targetWaitMs });

    expect(ids(order)).toEqual([1, 2, 3]);
  });

  test('leaves out tickets sent by name to another counter and keeps those sent to it', () => {
    const waiting = [
      { ...candidate(1, BUSINESS, 0), targetCounterId: 9 },
      { ...candidate(2, LAND, 1), targetCounterId: 4 },
      candidate(3, BUSINESS, 2),
    ];

    expect(ids(callOrder(waiting, TIERS, { counterId: 4 }))).toEqual([2, 3]);
  });
});

describe('chooseNextTicket()', () => {
  test.each([0, 1, 2, 3])('is the head of callOrder with a streak of %i', (normalStreak) => {
    const context = { policy: { mode: 'interleave', every: 2 } as const, normalStreak };

    expect(chooseNextTicket(WAITING, TIERS, context)).toBe(callOrder(WAITING, TIERS, context)[0]);
  });
});

describe('callCursor()', () => {
  test('skips tickets another counter took without counting them in the streak', () => {
    const next = callCursor(WAITING, TIERS, { policy: { mode: 'interleave', every: 2 } });

    const picks = [next(), next(new Set([4])), next(new Set([4])), next(new Set([4]))];

    expect(picks.map((t) => t?.id)).toEqual([1, 2, 5, 3]);
  });

  test('returns null once nothing it may call is left', () => {
    const next = callCursor([candidate(1, LAND, 0)], TIERS);

    expect(next()).toBeNull();
  });
});
