import {
  RECENT_CALLS_KEPT,
  applyEvent,
  distinctCalls,
  waitingForCounter,
} from '../../../ui-shared/src/apply-event';
import { DEFAULT_VOICE } from '../../../server/src/contract/settings';
import type { FeedEnvelope, Ticket, TicketChangeEventName } from '../../../server/src/contract';
import { calledEvent, counter, issuedEvent, snapshot, ticket } from './fixtures';

/** A plain ticket-change event of `type`, naming counter 1 (as it is after the change) or none. */
function change(
  type: TicketChangeEventName,
  seq: number,
  changed: Ticket,
  withCounter: boolean,
): FeedEnvelope {
  return {
    type,
    payload: {
      seq,
      at: '2025-01-06T02:10:00.000Z',
      ticket: changed,
      counter: withCounter ? counter({ currentTicket: null }) : null,
      waiting: { '1': 4 },
    },
  } as FeedEnvelope;
}

describe('applyEvent()', () => {
  test('sets the waiting count of the services named in the event', () => {
    const after = applyEvent(snapshot(), issuedEvent(11, 3));

    expect(after.services.map((s) => s.waiting)).toEqual([3, 0]);
    expect(after.seq).toBe(11);
  });

  test('leaves the input state untouched', () => {
    const before = snapshot();
    const copy = structuredClone(before);

    applyEvent(before, calledEvent(11));

    expect(before).toEqual(copy);
  });

  test('puts a call on top of the recent calls and updates its counter', () => {
    const after = applyEvent(snapshot(), calledEvent(11, 5));

    expect(after.recentCalls[0]).toMatchObject({
      ticketId: 5,
      number: 'A005',
      counterNumber: 1,
      counterName: 'Quầy 1',
      recall: false,
    });
    expect(after.counters[0]?.currentTicket?.id).toBe(5);
    expect(after.counters[0]?.staff?.displayName).toBe('Nguyễn Văn An');
  });

  test('lists a recall as a call of its own, stamped with the event time', () => {
    let state = applyEvent(snapshot(), calledEvent(11, 1));
    state = applyEvent(state, calledEvent(12, 2));

    state = applyEvent(state, calledEvent(13, 1, true));

    expect(state.recentCalls.map((c) => [c.ticketId, c.recall])).toEqual([
      [1, true],
      [2, false],
      [1, false],
    ]);
    expect(state.recentCalls[0]?.calledAt).toBe(calledEvent(13, 1, true).payload.at);
  });

  test(`keeps at most ${RECENT_CALLS_KEPT} recent calls`, () => {
    let state = snapshot();
    for (let i = 1; i <= RECENT_CALLS_KEPT + 5; i += 1)
      state = applyEvent(state, calledEvent(10 + i, i));

    expect(state.recentCalls).toHaveLength(RECENT_CALLS_KEPT);
    expect(state.recentCalls[0]?.ticketId).toBe(RECENT_CALLS_KEPT + 5);
  });

  test('replaces a counter from counter:updated and adds one it did not know', () => {
    const staffed = counter({ staff: { id: 3, displayName: 'Trần Thị Bích' } });
    const added = counter({ id: 9, number: 9, name: 'Quầy 9' });

    let state = applyEvent(snapshot(), {
      type: 'counter:updated',
      payload: { seq: 11, at: '', counter: staffed },
    });
    state = applyEvent(state, {
      type: 'counter:updated',
      payload: { seq: 12, at: '', counter: added },
    });

    expect(state.counters.map((c) => c.number)).toEqual([1, 2, 9]);
    expect(state.counters[0]?.staff?.displayName).toBe('Trần Thị Bích');
  });

  test('clears the current ticket of its counter when a finished event names no counter', () => {
    const state = applyEvent(snapshot(), calledEvent(11, 4));
    const done = ticket({ id: 4, status: 'done', counterId: 1 });

    const after = applyEvent(state, {
      type: 'ticket:finished',
      payload: { seq: 12, at: '', ticket: done, counter: null, waiting: {} },
    });

    expect(after.counters[0]?.currentTicket).toBeNull();
  });

  test('takes the counter from a started event as it is', () => {
    const serving = ticket({ id: 4, status: 'serving', counterId: 1 });

    const after = applyEvent(snapshot(), {
      type: 'ticket:started',
      payload: {
        seq: 11,
        at: '',
        ticket: serving,
        counter: counter({ currentTicket: serving }),
        waiting: { '1': 2 },
      },
    });

    expect(after.counters[0]?.currentTicket?.status).toBe('serving');
  });
});

describe('applyEvent() when a ticket leaves its counter', () => {
  const leaving: [TicketChangeEventName, Partial<Ticket>][] = [
    ['ticket:parked', { status: 'parked', counterId: 1 }],
    ['ticket:transferred', { status: 'waiting', counterId: null, serviceId: 2, transferCount: 1 }],
    ['ticket:cancelled', { status: 'cancelled', counterId: 1, closeReason: 'Lấy nhầm' }],
    ['ticket:expired', { status: 'expired', counterId: 1 }],
    ['ticket:no-show', { status: 'no_show', counterId: 1 }],
  ];

  test.each(leaving)(
    '%s with its counter clears the counter and sets the waiting counts',
    (type, fields) => {
      const state = applyEvent(snapshot(), calledEvent(11, 4));

      const after = applyEvent(state, change(type, 12, ticket({ id: 4, ...fields }), true));

      expect(after.counters[0]?.currentTicket).toBeNull();
      expect(after.services[0]?.waiting).toBe(4);
      expect(after.seq).toBe(12);
    },
  );

  test.each(leaving)(
    '%s without a counter still clears the counter that showed it',
    (type, fields) => {
      const state = applyEvent(snapshot(), calledEvent(11, 4));

      const after = applyEvent(state, change(type, 12, ticket({ id: 4, ...fields }), false));

      expect(after.counters[0]?.currentTicket).toBeNull();
    },
  );

  test('clears a counter whose event copy still shows the ticket it just parked', () => {
    const state = applyEvent(snapshot(), calledEvent(11, 4));
    const parked = ticket({ id: 4, status: 'parked', counterId: 1 });
    const event = change('ticket:parked', 12, parked, true);
    if (event.type === 'ticket:parked' && event.payload.counter) {
      event.payload.counter.currentTicket = { ...parked, status: 'called' };
    }

    const after = applyEvent(state, event);

    expect(after.counters[0]?.currentTicket).toBeNull();
  });

  test('keeps the other counters and the recent calls as they were', () => {
    const state = applyEvent(snapshot(), calledEvent(11, 4));

    const after = applyEvent(
      state,
      change('ticket:parked', 12, ticket({ id: 4, status: 'parked', counterId: 1 }), true),
    );

    expect(after.counters[1]).toBe(state.counters[1]);
    expect(after.recentCalls).toBe(state.recentCalls);
  });
});

describe('applyEvent() for tickets back in the queue', () => {
  test.each(['ticket:returned', 'ticket:requeued'] as const)(
    '%s updates the waiting counts and touches no counter',
    (type) => {
      const state = snapshot();

      const after = applyEvent(
        state,
        change(type, 11, ticket({ id: 8, status: 'waiting', front: true }), false),
      );

      expect(after.services.map((s) => s.waiting)).toEqual([4, 0]);
      expect(after.counters).toBe(state.counters);
    },
  );
});

describe('applyEvent() for centre:updated', () => {
  test('replaces the centre info, pause reasons, recall limit and kiosk policy included', () => {
    const centre = {
      name: 'Trung tâm mới',
      address: '',
      priorityClasses: [{ code: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly' }],
      pauseReasons: ['Họp'],
      recallLimit: 1,
      kioskPolicy: 'paired' as const,
      timeZone: 'Asia/Bangkok',
      publicUrl: 'http://192.0.2.20:8080',
      logoUrl: '/api/centre/logo?v=0123456789abcdef',
      tickerText: 'Giờ làm việc: 7 giờ 30 – 17 giờ',
      kioskIdleSeconds: 45,
      voice: { ...DEFAULT_VOICE, repeats: 1 },
      rating: { enabled: false, levels: [], lowThreshold: 1, reasons: ['Lâu'], idleSeconds: 20 },
    };

    const after = applyEvent(snapshot(), {
      type: 'centre:updated',
      payload: { seq: 11, at: '', centre },
    });

    expect(after.centre).toEqual(centre);
    expect(after.seq).toBe(11);
  });

  test('keeps the zone and public URL the state has when an event recorded before them lacks them', () => {
    const before = snapshot();
    const { timeZone: _zone, publicUrl: _url, ...older } = { ...before.centre, name: 'Cũ' };

    const after = applyEvent(before, {
      type: 'centre:updated',
      payload: { seq: 11, at: '', centre: older as typeof before.centre },
    });

    expect(after.centre).toEqual({ ...before.centre, name: 'Cũ' });
  });
});

describe('distinctCalls()', () => {
  test('keeps each ticket once, at its latest call', () => {
    let state = snapshot();
    for (const [seq, id, recall] of [
      [11, 1, false],
      [12, 2, false],
      [13, 1, true],
    ] as const) {
      state = applyEvent(state, calledEvent(seq, id, recall));
    }

    expect(distinctCalls(state.recentCalls).map((c) => [c.ticketId, c.recall])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

describe('waitingForCounter()', () => {
  test('adds up the waiting tickets of every service the counter serves', () => {
    const state = snapshot({
      services: snapshot().services.map((s) => ({ ...s, waiting: s.id * 2 })),
    });

    expect(waitingForCounter(state, state.counters[0]!)).toBe(2);
    expect(waitingForCounter(state, state.counters[1]!)).toBe(6);
  });
});

describe('applyEvent() for ticket:rated and feed:skipped', () => {
  test.each(['ticket:rated', 'feed:skipped'] as const)(
    '%s moves the seq on and changes nothing else',
    (type) => {
      const state = snapshot();
      const payload =
        type === 'feed:skipped'
          ? { seq: 11, at: '2026-11-27T02:01:00.000Z' }
          : {
              seq: 11,
              at: '2026-11-27T02:01:00.000Z',
              rating: {
                id: 1,
                ticketId: 1,
                ticketNumber: 'A001',
                serviceId: 1,
                counterId: 1,
                staffId: 2,
                level: 4,
                reasons: [],
                comment: null,
                ratedAt: '2026-11-27T02:01:00.000Z',
              },
            };

      const after = applyEvent(state, { type, payload } as FeedEnvelope);

      expect(after).toEqual({ ...state, seq: 11 });
    },
  );
});
