import {
  chooseNextTicket,
  compareCandidates,
  nextNormalStreak,
  targetWaitsMs,
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

describe('chooseNextTicket()', () => {
  test('returns null when nobody is waiting', () => {
    // Act
    const next = chooseNextTicket([], TIERS);

    // Assert
    expect(next).toBeNull();
  });

  test('returns null when only services the counter does not serve have tickets', () => {
    // Arrange
    const waiting = [candidate(1, LAND, 0), candidate(2, LAND, 1, 'elderly')];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next).toBeNull();
  });

  test('ignores older and priority tickets of services the counter does not serve', () => {
    // Arrange
    const waiting = [
      candidate(1, LAND, 0, 'disabled'),
      candidate(2, LAND, 1),
      candidate(3, TAX, 30),
    ];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next?.id).toBe(3);
  });

  test('returns the priority ticket before older normal ones', () => {
    // Arrange
    const waiting = [
      candidate(1, BUSINESS, 0),
      candidate(2, BUSINESS, 5),
      candidate(3, BUSINESS, 90, 'pregnant'),
    ];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next?.id).toBe(3);
  });

  test('returns a priority ticket of a tier-2 service before a normal tier-1 ticket', () => {
    // Arrange
    const waiting = [candidate(1, BUSINESS, 0), candidate(2, TAX, 60, 'merit')];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next?.id).toBe(2);
  });

  test('returns the tier-1 ticket before an older tier-2 ticket', () => {
    // Arrange
    const waiting = [candidate(1, TAX, 0), candidate(2, BUSINESS, 45)];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next?.id).toBe(2);
  });

  test('returns the tier-1 priority ticket before an older tier-2 priority ticket', () => {
    // Arrange
    const waiting = [candidate(1, TAX, 0, 'elderly'), candidate(2, BUSINESS, 20, 'child')];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next?.id).toBe(2);
  });

  test('returns the oldest ticket within the same class and tier', () => {
    // Arrange
    const waiting = [
      candidate(7, BUSINESS, 12),
      candidate(8, BUSINESS, 3),
      candidate(9, BUSINESS, 7),
    ];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next?.id).toBe(8);
  });

  test('ranks every priority class alike, so the older one goes first', () => {
    // Arrange
    const waiting = [candidate(1, BUSINESS, 10, 'child'), candidate(2, BUSINESS, 4, 'merit')];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next?.id).toBe(2);
  });

  test('breaks a tie on issue time by the lower id', () => {
    // Arrange
    const waiting = [
      candidate(12, BUSINESS, 5),
      candidate(4, BUSINESS, 5),
      candidate(9, BUSINESS, 5),
    ];

    // Act
    const next = chooseNextTicket(waiting, TIERS);

    // Assert
    expect(next?.id).toBe(4);
  });

  test('picks the same ticket whatever order the candidates come in', () => {
    // Arrange
    const waiting = [
      candidate(1, TAX, 0),
      candidate(2, BUSINESS, 10),
      candidate(3, BUSINESS, 10),
      candidate(4, BUSINESS, 20),
      candidate(5, LAND, 0, 'elderly'),
    ];
    const orders = [waiting, [...waiting].reverse(), [3, 0, 4, 2, 1].map((i) => waiting[i]!)];

    // Act
    const picks = orders.map((order) => chooseNextTicket(order, TIERS)?.id);

    // Assert
    expect(picks).toEqual([2, 2, 2]);
  });

  test('returns the candidate object itself, extra fields included', () => {
    // Arrange
    const ticket = { ...candidate(1, BUSINESS, 0), number: 'A001' };

    // Act
    const next = chooseNextTicket([ticket], TIERS);

    // Assert
    expect(next).toBe(ticket);
  });

  test('leaves the waiting list as it was', () => {
    // Arrange
    const waiting = [candidate(3, BUSINESS, 9), candidate(1, TAX, 0), candidate(2, BUSINESS, 1)];
    const before = structuredClone(waiting);

    // Act
    chooseNextTicket(waiting, TIERS);

    // Assert
    expect(waiting).toEqual(before);
  });
});

describe('chooseNextTicket() with a choice context', () => {
  const COUNTER = 5;

  test('interleaves one priority ticket after every N normal calls', () => {
    // Arrange
    const waiting = [candidate(1, BUSINESS, 0), candidate(2, BUSINESS, 30, 'elderly')];
    const policy = { mode: 'interleave', every: 2 } as const;

    // Act
    const picks = [0, 1, 2, 3].map(
      (normalStreak) => chooseNextTicket(waiting, TIERS, { policy, normalStreak })?.id,
    );

    // Assert
    expect(picks).toEqual([1, 1, 2, 2]);
  });

  test('calls a priority ticket under interleave when no normal ticket waits', () => {
    // Arrange
    const waiting = [candidate(2, BUSINESS, 30, 'elderly')];

    // Act
    const next = chooseNextTicket(waiting, TIERS, {
      policy: { mode: 'interleave', every: 3 },
      normalStreak: 0,
    });

    // Assert
    expect(next?.id).toBe(2);
  });

  test('puts a transferred-in ticket before older ones of its tier, but not of a better tier', () => {
    // Arrange
    const waiting = [
      candidate(1, TAX, 0),
      { ...candidate(2, TAX, 50), front: true },
      candidate(3, BUSINESS, 60),
    ];

    // Act
    const first = chooseNextTicket(waiting, TIERS);
    const withoutTierOne = chooseNextTicket(waiting.slice(0, 2), TIERS);

    // Assert
    expect(first?.id).toBe(3);
    expect(withoutTierOne?.id).toBe(2);
  });

  test('lets only the named counter call a ticket transferred to it, before its own TIERS', () => {
    // Arrange
    const waiting = [
      candidate(1, BUSINESS, 0),
      { ...candidate(2, LAND, 40), targetCounterId: COUNTER },
    ];

    // Act
    const atNamedCounter = chooseNextTicket(waiting, TIERS, { counterId: COUNTER });
    const elsewhere = chooseNextTicket(waiting, TIERS, { counterId: COUNTER + 1 });

    // Assert
    expect(atNamedCounter?.id).toBe(2);
    expect(elsewhere?.id).toBe(1);
  });

  test('keeps a transferred-in ticket ahead of an overdue one of the same tier', () => {
    // Arrange
    const waiting = [candidate(1, BUSINESS, 0), { ...candidate(2, BUSINESS, 30), front: true }];
    const targetWaitMs = new Map([[BUSINESS, 20 * MINUTE]]);

    // Act
    const next = chooseNextTicket(waiting, TIERS, { now: NINE_AM + 25 * MINUTE, targetWaitMs });

    // Assert
    expect(next?.id).toBe(2);
  });

  test('promotes a ticket waiting past its target wait ahead of a better tier', () => {
    // Arrange
    const waiting = [candidate(1, TAX, 0), candidate(2, BUSINESS, 10)];
    const targetWaitMs = new Map([[TAX, 20 * MINUTE]]);

    // Act
    const justInTime = chooseNextTicket(waiting, TIERS, {
      now: NINE_AM + 20 * MINUTE,
      targetWaitMs,
    });
    const overdue = chooseNextTicket(waiting, TIERS, {
      now: NINE_AM + 20 * MINUTE + 1,
      targetWaitMs,
    });

    // Assert
    expect(justInTime?.id).toBe(2);
    expect(overdue?.id).toBe(1);
  });
});

describe('compareCandidates()', () => {
  test('sorts by tier, then transferred-in, then issue time, then id, unserved services last', () => {
    // Arrange
    const waiting = [
      candidate(1, LAND, 0),
      candidate(2, TAX, 1),
      candidate(3, BUSINESS, 8),
      candidate(4, BUSINESS, 2),
      { ...candidate(5, TAX, 30), front: true },
      { ...candidate(6, BUSINESS, 40), front: true },
      candidate(7, BUSINESS, 2),
    ];

    // Act
    const order = [...waiting].sort(compareCandidates(TIERS)).map((c) => c.id);

    // Assert
    expect(order).toEqual([6, 4, 7, 3, 5, 2, 1]);
  });
});

describe('nextNormalStreak()', () => {
  test('counts one more after a normal call and restarts at 0 after a priority call', () => {
    // Act
    const afterNormal = nextNormalStreak(2, candidate(1, BUSINESS, 0));
    const afterPriority = nextNormalStreak(2, candidate(2, BUSINESS, 0, 'child'));

    // Assert
    expect([afterNormal, afterPriority]).toEqual([3, 0]);
  });
});

describe('targetWaitsMs()', () => {
  test('gives each service its target wait in milliseconds', () => {
    expect([
      ...targetWaitsMs([
        { id: 1, targetWaitMinutes: 20 },
        { id: 2, targetWaitMinutes: 0 },
      ]),
    ]).toEqual([
      [1, 1_200_000],
      [2, 0],
    ]);
  });
});
