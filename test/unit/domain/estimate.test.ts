import { remainingMinutes, shrunkMean, visitMinutes } from '../../../server/src/domain/estimate';
import {
  minutesUntilCalled,
  turnsAhead,
  type ForecastDesk,
  type ForecastRules,
} from '../../../server/src/domain/forecast';
import { callOrder } from '../../../server/src/domain/next-ticket';
import {
  indexCursor,
  type WaitingEntry,
  type WaitingLists,
} from '../../../server/src/domain/waiting-lists';
import { BUSINESS, MINUTE, NINE_AM, TAX } from '../../support/waiting-tickets';

/** Sorted lists over a handful of tickets, as the storage index keeps them (one array each). */
function listsOf(tickets: readonly WaitingEntry[]): WaitingLists {
  const made = new Map<string, WaitingEntry[]>();
  const pick = (keep: (t: WaitingEntry) => boolean, key: string) => {
    let list = made.get(key);
    if (!list) {
      list = tickets.filter(keep).sort((a, b) => a.issuedAt - b.issuedAt || a.id - b.id);
      made.set(key, list);
    }
    return list;
  };
  return {
    ofService: (serviceId, priority, front) =>
      pick(
        (t) =>
          t.targetCounterId === null &&
          t.serviceId === serviceId &&
          (t.priorityClass !== null) === priority &&
          t.front === front,
        `s${serviceId}:${priority}:${front}`,
      ),
    sentTo: (counterId, priority, front) =>
      pick(
        (t) =>
          t.targetCounterId === counterId &&
          (t.priorityClass !== null) === priority &&
          t.front === front,
        `c${counterId}:${priority}:${front}`,
      ),
  };
}

const ticket = (
  id: number,
  serviceId: number,
  minutes: number,
  more: Partial<WaitingEntry> = {},
): WaitingEntry => ({
  id,
  serviceId,
  priorityClass: null,
  issuedAt: NINE_AM + minutes * MINUTE,
  front: false,
  targetCounterId: null,
  ...more,
});

const rules: ForecastRules = {
  policy: { mode: 'strict' },
  now: NINE_AM + 30 * MINUTE,
  targetWaitMs: new Map(),
};

const desk = (
  counterId: number,
  tiers: [number, number][],
  minutes: Record<number, number>,
  freeInMinutes = 0,
): ForecastDesk => ({
  counterId,
  tiers: new Map(tiers),
  normalStreak: 0,
  freeInMinutes,
  visitMinutes: (serviceId) => minutes[serviceId] ?? 99,
});

describe('visit figures', () => {
  test('shrink today’s mean toward the default with the weight of five visits', () => {
    expect(shrunkMean(0, 0, 12)).toBe(12);
    // (5 × 6 + 5 × 12) / 10
    expect(shrunkMean(5, 6, 12)).toBe(9);
  });

  test('add the walk to the desk and use a clerk’s own figure from ten visits', () => {
    const service = { visits: 5, serviceMs: 5 * 6 * MINUTE, walkMs: 5 * 1 * MINUTE };
    // Service 9, walk (5 × 1 + 5 × 0.5) / 10 = 0.75.
    expect(visitMinutes(service, undefined, 12)).toBe(9.75);
    const fewOwn = { visits: 9, serviceMs: 9 * MINUTE, walkMs: 0 };
    expect(visitMinutes(service, fewOwn, 12)).toBe(9.75);
    const own = { visits: 10, serviceMs: 10 * 3 * MINUTE, walkMs: 0 };
    // (10 × 3 + 5 × 9) / 15 = 5 and (10 × 0 + 5 × 0.75) / 15 = 0.25.
    expect(visitMinutes(service, own, 12)).toBe(5.25);
  });

  test('a visit running long still has a small floor left', () => {
    expect(remainingMinutes(10, 4)).toBe(6);
    expect(remainingMinutes(10, 25)).toBe(0.5);
  });
});

describe('forecast over the counters', () => {
  test('one counter: the visits ahead one after another, after the current one ends', () => {
    const queue = [ticket(1, BUSINESS, 0), ticket(2, BUSINESS, 1), ticket(3, BUSINESS, 2)];
    // The current visit has 4 of its 10 minutes left.
    const one = [desk(1, [[BUSINESS, 1]], { [BUSINESS]: 10 }, remainingMinutes(10, 6))];
    expect(minutesUntilCalled(queue[2] as WaitingEntry, listsOf(queue), one, rules)).toBe(24);
    expect(turnsAhead(queue[2] as WaitingEntry, listsOf(queue), one, rules)).toBe(2);
  });

  test('two counters with tiers: the helper takes its own service first', () => {
    // Counter 1: business then tax (6 and 4 min); counter 2: tax then business.
    const queue = [
      ticket(1, BUSINESS, 0),
      ticket(2, TAX, 1),
      ticket(3, BUSINESS, 2),
      ticket(4, TAX, 3),
      ticket(5, BUSINESS, 4),
    ];
    const desks = [
      desk(
        1,
        [
          [BUSINESS, 1],
          [TAX, 2],
        ],
        { [BUSINESS]: 6, [TAX]: 4 },
      ),
      desk(
        2,
        [
          [TAX, 1],
          [BUSINESS, 2],
        ],
        { [BUSINESS]: 6, [TAX]: 4 },
      ),
    ];
    // At 0: 1 calls #1 (busy to 6), 2 calls #2 (to 4). At 4: 2 calls #4 (to 8). At 6: 1
    // calls #3 (to 12). At 8: 2 has no tax left and calls #5.
    expect(minutesUntilCalled(queue[4] as WaitingEntry, listsOf(queue), desks, rules)).toBe(8);
    // In turns: 1 → #1, 2 → #2, 1 → #3, 2 → #4, 1 → #5: four ahead.
    expect(turnsAhead(queue[4] as WaitingEntry, listsOf(queue), desks, rules)).toBe(4);
  });

  test('a paused counter joins when its pause is over', () => {
    const queue = [ticket(1, BUSINESS, 0), ticket(2, BUSINESS, 1), ticket(3, BUSINESS, 2)];
    const desks = [
      desk(1, [[BUSINESS, 1]], { [BUSINESS]: 10 }),
      // Paused 7 min ago: back in 3.
      desk(2, [[BUSINESS, 1]], { [BUSINESS]: 10 }, remainingMinutes(10, 7)),
    ];
    // 0: #1 at 1; 3: #2 at 2; 10: #3 at 1.
    expect(minutesUntilCalled(queue[2] as WaitingEntry, listsOf(queue), desks, rules)).toBe(10);
  });

  test('a long current visit keeps its counter busy only for the floor', () => {
    const queue = [ticket(1, BUSINESS, 0)];
    // Expected 10 min, 25 min gone: 0.5 min left.
    const one = [desk(1, [[BUSINESS, 1]], { [BUSINESS]: 10 }, remainingMinutes(10, 25))];
    expect(minutesUntilCalled(queue[0] as WaitingEntry, listsOf(queue), one, rules)).toBe(0.5);
  });

  test('priority policy: strict puts a later priority ticket first, interleave after N normal', () => {
    const queue = [
      ticket(1, BUSINESS, 0),
      ticket(2, BUSINESS, 1),
      ticket(3, BUSINESS, 2, { priorityClass: 'elderly' }),
    ];
    const one = [desk(1, [[BUSINESS, 1]], { [BUSINESS]: 5 })];
    const mine = queue[1] as WaitingEntry;
    // Strict: #3 then #1 before mine.
    expect(minutesUntilCalled(mine, listsOf(queue), one, rules)).toBe(10);
    expect(turnsAhead(mine, listsOf(queue), one, rules)).toBe(2);
    // One priority after every 2 normal: #1, then mine.
    const interleave: ForecastRules = { ...rules, policy: { mode: 'interleave', every: 2 } };
    expect(minutesUntilCalled(mine, listsOf(queue), one, interleave)).toBe(5);
  });

  test('a ticket not issued yet goes after every waiting one of its list', () => {
    const queue = [ticket(1, BUSINESS, 0), ticket(2, BUSINESS, 1)];
    const fresh = ticket(Number.MAX_SAFE_INTEGER, BUSINESS, 30);
    const one = [desk(1, [[BUSINESS, 1]], { [BUSINESS]: 5 })];
    expect(minutesUntilCalled(fresh, listsOf(queue), one, rules, fresh)).toBe(10);
    expect(turnsAhead(fresh, listsOf(queue), one, rules, fresh)).toBe(2);
  });

  test('beyond the exact calls, the rest ahead is counted and served at the counters’ pace', () => {
    const queue = Array.from({ length: 1000 }, (_, i) => ticket(i + 1, BUSINESS, i / 100));
    const last = queue[999] as WaitingEntry;
    const two = [
      desk(1, [[BUSINESS, 1]], { [BUSINESS]: 4 }),
      desk(2, [[BUSINESS, 1]], { [BUSINESS]: 4 }),
    ];
    expect(turnsAhead(last, listsOf(queue), two, rules)).toBe(999);
    // 999 ahead at two counters of 4 min: called at 4 × 499.5 min.
    expect(minutesUntilCalled(last, listsOf(queue), two, rules)).toBeCloseTo(1998, 0);
  });
});

describe('indexCursor()', () => {
  test('gives callOrder’s order over random queues (tiers, overdue, front, sent to a counter, interleave)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 300; round++) {
      const queue = Array.from({ length: Math.floor(random() * 40) }, (_, i) =>
        ticket(i + 1, 1 + Math.floor(random() * 3), Math.floor(random() * 60), {
          priorityClass: random() < 0.2 ? 'elderly' : null,
          front: random() < 0.15,
          targetCounterId: random() < 0.1 ? 1 + Math.floor(random() * 2) : null,
        }),
      );
      const tiers = new Map([
        [1, 1],
        [2, 1 + Math.floor(random() * 3)],
      ]);
      const context = {
        counterId: 1,
        policy:
          random() < 0.5 ? { mode: 'strict' as const } : { mode: 'interleave' as const, every: 2 },
        normalStreak: Math.floor(random() * 3),
        now: NINE_AM + 60 * MINUTE,
        targetWaitMs: new Map([
          [1, 20 * MINUTE],
          [2, 30 * MINUTE],
        ]),
      };
      const next = indexCursor(listsOf(queue), tiers, context);
      const order: number[] = [];
      for (let t = next(); t !== null; t = next()) order.push(t.id);
      expect(order).toEqual(callOrder(queue, tiers, context).map((t) => t.id));
    }
  });
});
