import { deskMayHandle, deskOf, type Desk } from '../../../server/src/domain/desk-rights';
import type { TicketStatus } from '../../../server/src/contract/entities';

/** Counter 1 serves services 10 (tier 1) and 20 (tier 2). */
const DESK: Desk = {
  counterId: 1,
  tiers: new Map([
    [10, 1],
    [20, 2],
  ]),
};

const ticket = (
  status: TicketStatus,
  more: { serviceId?: number; counterId?: number | null; targetCounterId?: number | null } = {},
) => ({
  status,
  serviceId: 10,
  counterId: null,
  targetCounterId: null,
  ...more,
});

describe('deskMayHandle()', () => {
  test('lets a counter act on waiting tickets of every service it serves, whatever the tier', () => {
    expect(deskMayHandle(ticket('waiting'), DESK)).toBe(true);
    expect(deskMayHandle(ticket('waiting', { serviceId: 20 }), DESK)).toBe(true);
  });

  test('refuses waiting tickets of a service the counter does not serve', () => {
    expect(deskMayHandle(ticket('waiting', { serviceId: 30 }), DESK)).toBe(false);
  });

  test('gives a ticket sent to a counter by name to that counter only', () => {
    expect(deskMayHandle(ticket('waiting', { serviceId: 30, targetCounterId: 1 }), DESK)).toBe(
      true,
    );
    expect(deskMayHandle(ticket('waiting', { targetCounterId: 2 }), DESK)).toBe(false);
  });

  test.each(['called', 'serving', 'parked', 'no_show'] as const)(
    'gives a %s ticket to the counter it was called to, even of a service the desk serves',
    (status) => {
      expect(deskMayHandle(ticket(status, { counterId: 1, serviceId: 30 }), DESK)).toBe(true);
      expect(deskMayHandle(ticket(status, { counterId: 2 }), DESK)).toBe(false);
    },
  );

  test('lets a clerk with no counter act on no ticket', () => {
    expect(deskMayHandle(ticket('waiting'), null)).toBe(false);
  });
});

describe('deskOf()', () => {
  test('maps each service of the counter to its tier', () => {
    const desk = deskOf({
      id: 4,
      services: [
        { serviceId: 10, tier: 1 },
        { serviceId: 20, tier: 2 },
      ],
    });
    expect(desk.counterId).toBe(4);
    expect([...desk.tiers]).toEqual([
      [10, 1],
      [20, 2],
    ]);
  });
});
