import type { Counter, FeedEnvelope, Ticket } from '../../../../server/src/contract';
import {
  toPublicCounter,
  toPublicEnvelope,
  toPublicTicket,
  toTrackedTicket,
} from '../../../../server/src/services/queue/public-view';
import { PUBLIC_TICKET_KEYS, ticketsIn } from '../../../support/public-ticket';

const NOTE = 'Thiếu bản sao CCCD';
const REASON = 'Công dân không mang hồ sơ gốc';

const ticket: Ticket = {
  id: 7,
  number: 'A007',
  serviceId: 1,
  priorityClass: null,
  status: 'called',
  day: '2026-12-04',
  counterId: 1,
  issuedAt: '2026-12-04T01:00:00.000Z',
  calledAt: '2026-12-04T01:05:00.000Z',
  servingAt: null,
  finishedAt: null,
  recallCount: 0,
  front: true,
  targetCounterId: null,
  originalServiceId: 2,
  transferCount: 1,
  note: NOTE,
  closeReason: REASON,
  parkedAt: null,
};

const counter: Counter = {
  id: 1,
  number: 1,
  name: 'Quầy 1',
  serviceIds: [1],
  tiers: [[1]],
  currentTicket: ticket,
  staff: { id: 3, displayName: 'Lan' },
  status: 'open',
  pauseReason: null,
  statusSince: '2026-12-04T00:55:00.000Z',
  autoCall: false,
};

const FEED = { seq: 12, at: '2026-12-04T01:05:00.000Z' };

describe('toPublicTicket()', () => {
  test('nulls the note and the cancel reason and keeps every other field', () => {
    // Act
    const shown = toPublicTicket(ticket);

    // Assert
    expect(shown).toEqual({ ...ticket, note: null, closeReason: null });
    expect(Object.keys(shown).sort()).toEqual(PUBLIC_TICKET_KEYS);
    expect(ticket.note).toBe(NOTE);
  });
});

describe('toTrackedTicket()', () => {
  test('gives the ticket holder the cancel reason, not the note', () => {
    // Act
    const shown = toTrackedTicket(ticket);

    // Assert
    expect(shown).toEqual({ ...ticket, note: null, closeReason: REASON });
    expect(Object.keys(shown).sort()).toEqual(PUBLIC_TICKET_KEYS);
  });
});

describe('toPublicCounter()', () => {
  test('shows the counter with its current ticket in public form', () => {
    // Act
    const shown = toPublicCounter(counter);

    // Assert
    expect(shown).toEqual({ ...counter, currentTicket: toPublicTicket(ticket) });
    expect(toPublicCounter({ ...counter, currentTicket: null }).currentTicket).toBeNull();
  });
});

describe('toPublicEnvelope()', () => {
  test('maps every ticket of every kind of feed event, and only those', () => {
    // Arrange
    const events: FeedEnvelope[] = [
      {
        type: 'ticket:called',
        payload: { ...FEED, ticket, counter, waiting: { '1': 2 }, recall: false },
      },
      { type: 'ticket:transferred', payload: { ...FEED, ticket, counter: null, waiting: {} } },
      { type: 'counter:updated', payload: { ...FEED, counter } },
    ];

    // Act
    const shown = events.map(toPublicEnvelope);

    // Assert
    expect(shown).toEqual([
      {
        type: 'ticket:called',
        payload: {
          ...FEED,
          ticket: toPublicTicket(ticket),
          counter: toPublicCounter(counter),
          waiting: { '1': 2 },
          recall: false,
        },
      },
      {
        type: 'ticket:transferred',
        payload: { ...FEED, ticket: toPublicTicket(ticket), counter: null, waiting: {} },
      },
      { type: 'counter:updated', payload: { ...FEED, counter: toPublicCounter(counter) } },
    ]);
    for (const shownTicket of ticketsIn(shown))
      expect(Object.keys(shownTicket).sort()).toEqual(PUBLIC_TICKET_KEYS);
  });

  test('leaves out a payload field it does not name', () => {
    // Arrange: a field some later change adds to the staff payload.
    const event = {
      type: 'ticket:parked',
      payload: { ...FEED, ticket, counter: null, waiting: {}, clerkRemark: 'chỉ cho cán bộ' },
    } as FeedEnvelope;

    // Act
    const shown = toPublicEnvelope(event);

    // Assert
    expect(Object.keys(shown.payload).sort()).toEqual(
      ['at', 'counter', 'seq', 'ticket', 'waiting'].sort(),
    );
  });

  test('passes a centre update through as it is', () => {
    // Arrange
    const event = {
      type: 'centre:updated',
      payload: { ...FEED, centre: { name: 'Trung tâm' } },
    } as unknown as FeedEnvelope;

    // Act / Assert
    expect(toPublicEnvelope(event)).toEqual(event);
  });
});
