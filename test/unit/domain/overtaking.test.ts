import {
  arrivalSpanMinutes,
  MAX_OVERTAKEN_SHARE,
  overtakenShare,
  takenShare,
  type OvertakingInput,
} from '../../../server/src/domain/estimate';
import { minutesUntilCalled, type ForecastDesk } from '../../../server/src/domain/forecast';
import type { WaitingEntry, WaitingLists } from '../../../server/src/domain/waiting-lists';
import { BUSINESS, MINUTE, NINE_AM, TAX } from '../../support/waiting-tickets';

describe('arrival rates', () => {
  test('count over the last 30 minutes, the time since the first ticket when shorter, at least 10', () => {
    expect(arrivalSpanMinutes(NINE_AM, null)).toBe(10);
    expect(arrivalSpanMinutes(NINE_AM, NINE_AM - 3 * MINUTE)).toBe(10);
    expect(arrivalSpanMinutes(NINE_AM, NINE_AM - 20 * MINUTE)).toBe(20);
    expect(arrivalSpanMinutes(NINE_AM, NINE_AM - 120 * MINUTE)).toBe(30);
  });
});

describe('overtakenShare()', () => {
  // A desk serving business first (tier 1), tax second; per minute: business 0.2 normal and
  // 0.05 priority, tax 0.3 normal and 0.02 priority. Visits: business 6 min, tax 4 min.
  // The desk takes half the business tickets, a third of the tax ones.
  const rates: Record<string, number> = {
    [`${BUSINESS}:false`]: 0.2,
    [`${BUSINESS}:true`]: 0.05,
    [`${TAX}:false`]: 0.3,
    [`${TAX}:true`]: 0.02,
  };
  const input = (more: Partial<OvertakingInput>): OvertakingInput => ({
    serviceId: TAX,
    priority: false,
    tiers: new Map([
      [BUSINESS, 1],
      [TAX, 2],
    ]),
    policy: { mode: 'strict' },
    ratePerMinute: (serviceId, priority) => rates[`${serviceId}:${priority}`] ?? 0,
    visitMinutes: (serviceId) => (serviceId === BUSINESS ? 6 : 4),
    shareOf: (serviceId) => (serviceId === BUSINESS ? 1 / 2 : 1 / 3),
    ...more,
  });

  test('a normal ticket: every later priority ticket, and the better tier’s normal ones', () => {
    // Priority: 0.05 × 6 / 2 + 0.02 × 4 / 3 = 0.17667; business normal: 0.2 × 6 / 2 = 0.6.
    expect(overtakenShare(input({}))).toBeCloseTo(0.77667, 5);
    // Its own service at the best tier: the priority tickets only.
    expect(overtakenShare(input({ serviceId: BUSINESS }))).toBeCloseTo(0.17667, 5);
  });

  test('an overdue ticket, promoted to the best tier: only later priority tickets', () => {
    expect(overtakenShare(input({ overdue: true }))).toBeCloseTo(0.17667, 5);
    expect(overtakenShare(input({ overdue: true, priority: true }))).toBe(0);
  });

  test('a priority ticket: only the better tier’s priority tickets', () => {
    // 0.05 × 6 / 2.
    expect(overtakenShare(input({ priority: true }))).toBeCloseTo(0.15, 5);
    expect(overtakenShare(input({ priority: true, serviceId: BUSINESS }))).toBe(0);
  });

  test('interleave lets at most one call in every + 1 go to priority tickets', () => {
    const policy = { mode: 'interleave' as const, every: 9 };
    expect(overtakenShare(input({ serviceId: BUSINESS, policy }))).toBeCloseTo(0.1, 5);
    // 0.1 + 0.6 from the better tier.
    expect(overtakenShare(input({ policy }))).toBeCloseTo(0.7, 5);
  });

  test('the share of a service a desk takes: today’s, shrunk toward an even split', () => {
    // Nothing yet: an even split among 4 desks.
    expect(takenShare(0, 0, 4)).toBe(0.25);
    // 3 of 15 today: (3 + 5 × 0.25) / (15 + 5) = 0.2125.
    expect(takenShare(3, 15, 4)).toBeCloseTo(0.2125, 9);
    // A desk serving it second took none of 45: (0 + 5 × 1/3) / 50.
    expect(takenShare(0, 45, 3)).toBeCloseTo(1 / 30, 9);
  });

  test('a desk that cannot call the ticket gives 0; a flood is capped', () => {
    expect(overtakenShare(input({ serviceId: 99 }))).toBe(0);
    expect(overtakenShare(input({ ratePerMinute: () => 5 }))).toBe(MAX_OVERTAKEN_SHARE);
  });
});

describe('forecast with later arrivals going ahead', () => {
  const queue: WaitingEntry[] = [1, 2, 3].map((id) => ({
    id,
    serviceId: BUSINESS,
    priorityClass: null,
    issuedAt: NINE_AM + id * MINUTE,
    front: false,
    targetCounterId: null,
  }));
  const lists: WaitingLists = {
    ofService: (serviceId, priority, front) =>
      serviceId === BUSINESS && !priority && !front ? queue : [],
    sentTo: () => [],
  };
  const rules = {
    policy: { mode: 'strict' as const },
    now: NINE_AM + 30 * MINUTE,
    targetWaitMs: new Map(),
  };
  const desk = (overtaken: number, freeInMinutes = 0): ForecastDesk => ({
    counterId: 1,
    tiers: new Map([[BUSINESS, 1]]),
    normalStreak: 0,
    freeInMinutes,
    visitMinutes: () => 5,
    overtaken,
  });

  test('once past its target wait the ticket is promoted: only what still goes ahead slows the desk', () => {
    const last = queue[2] as WaitingEntry;
    // Issued at 9:03, 27 min ago; a 32-min target is reached 5 min from now. The first visit
    // (from 0) runs at half pace, to 10; the second (from 10, past 5) at full pace, to 15.
    const overdue = { ...rules, targetWaitMs: new Map([[BUSINESS, 32 * MINUTE]]) };
    const slowed = { ...desk(0.5), overtakenWhenOverdue: 0 };
    expect(minutesUntilCalled(last, lists, [slowed], overdue)).toBe(15);
    // Already past a 20-min target: full pace from the start.
    const late = { ...rules, targetWaitMs: new Map([[BUSINESS, 20 * MINUTE]]) };
    expect(minutesUntilCalled(last, lists, [slowed], late)).toBe(10);
  });

  test('a desk losing a share of its time reaches the ticket 1 / (1 − share) later', () => {
    const last = queue[2] as WaitingEntry;
    // Two visits of 5 ahead: 10 min, or 20 with half the desk's time taken by later arrivals.
    expect(minutesUntilCalled(last, lists, [desk(0)], rules)).toBe(10);
    expect(minutesUntilCalled(last, lists, [desk(0.5)], rules)).toBe(20);
    // The current visit's 2 min left are slowed too: (2 + 10) × 1.25.
    expect(minutesUntilCalled(last, lists, [desk(0.2, 2)], rules)).toBe(15);
  });
});
