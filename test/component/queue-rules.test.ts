import type {
  CounterResponse,
  StateSnapshot,
  Ticket,
  TicketResponse,
} from '../../server/src/contract';
import {
  act,
  addClerk,
  callInTurn,
  counterById,
  errorOf,
  expectStatus,
  issue,
  MINUTE,
  patchSettings,
  SERVICE,
  startQueueFixture,
  ticketById,
  type QueueFixture,
} from '../support/queue-helpers';
import { RecordingSocket } from '../support/socket-client';

const { DKKD, THUE, DDTN } = SERVICE;

describe('queue rules over HTTP', () => {
  let f: QueueFixture;
  const sockets: RecordingSocket[] = [];

  beforeEach(async () => {
    f = await startQueueFixture();
  });

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await f.server.stop();
  });

  async function connect(): Promise<RecordingSocket> {
    const socket = new RecordingSocket(f.server.url, ['ticket:transferred', 'counter:updated']);
    sockets.push(socket);
    await socket.waitFor(() => socket.snapshots.length > 0);
    return socket;
  }

  describe('call-next routing', () => {
    test('strict policy calls every priority ticket before older normal ones', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD, 'elderly');
      await issue(f.anonymous, DKKD, 'pregnant');

      // Act
      const order = await callInTurn(f.admin, 1, 4);

      // Assert
      expect(order).toEqual(['A003', 'A004', 'A001', 'A002']);
    });

    test('interleave every 2 calls two normal tickets, then one priority, in turn', async () => {
      // Arrange
      await patchSettings(f.admin, { priorityPolicy: { mode: 'interleave', every: 2 } });
      for (let i = 0; i < 5; i++) await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD, 'elderly');
      await issue(f.anonymous, DKKD, 'disabled');

      // Act
      const order = await callInTurn(f.admin, 1, 7);

      // Assert
      expect(order).toEqual(['A001', 'A002', 'A006', 'A003', 'A004', 'A007', 'A005']);
    });

    test('interleave still calls a priority ticket at once when no normal one waits', async () => {
      // Arrange
      await patchSettings(f.admin, { priorityPolicy: { mode: 'interleave', every: 3 } });
      await issue(f.anonymous, DKKD, 'merit');

      // Act
      const called = await act(f.admin, 1, 'call-next');

      // Assert
      expect(called.ticket.number).toBe('A001');
    });

    test('each counter calls its tier-1 service before its tier-2 service', async () => {
      // Arrange
      await issue(f.anonymous, THUE);
      await issue(f.anonymous, THUE);
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);

      // Act
      const atCounter1 = await act(f.admin, 1, 'call-next');
      const atCounter10 = await act(f.admin, 10, 'call-next');

      // Assert
      expect(atCounter1.ticket.number).toBe('A001');
      expect(atCounter10.ticket.number).toBe('G001');
    });

    test('keeps the tier order while the tier-2 ticket is within its target wait', async () => {
      // Arrange
      await issue(f.anonymous, THUE);
      f.clock.advance(19 * MINUTE);
      await issue(f.anonymous, DKKD);

      // Act
      const called = await act(f.admin, 1, 'call-next');

      // Assert
      expect(called.ticket.number).toBe('A001');
    });

    test('promotes a tier-2 ticket past its 20-minute target wait over newer tier-1 ones', async () => {
      // Arrange
      await issue(f.anonymous, THUE);
      f.clock.advance(21 * MINUTE);
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);

      // Act
      const order = await callInTurn(f.admin, 1, 3);

      // Assert
      expect(order).toEqual(['G001', 'A001', 'A002']);
    });
  });

  describe('POST /api/counters/:id/transfer', () => {
    /** G001, A001, G002 a minute apart; counter 1 has called A001. */
    async function tradeTaxAroundBusiness(): Promise<Ticket> {
      await issue(f.anonymous, THUE);
      f.clock.advance(MINUTE);
      await issue(f.anonymous, DKKD);
      f.clock.advance(MINUTE);
      await issue(f.anonymous, THUE);
      return (await act(f.admin, 1, 'call-next')).ticket;
    }

    test('keeps number and issue time, changes service and goes to the front', async () => {
      // Arrange
      const business = await tradeTaxAroundBusiness();

      // Act
      const moved = await act(f.admin, 1, 'transfer', {
        serviceId: THUE,
        note: 'Nộp thuế môn bài',
      });
      const order = await callInTurn(f.admin, 10, 3);

      // Assert
      expect(moved.ticket).toMatchObject({
        id: business.id,
        number: 'A001',
        issuedAt: business.issuedAt,
        serviceId: THUE,
        originalServiceId: DKKD,
        status: 'waiting',
        counterId: null,
        transferCount: 1,
        note: 'Nộp thuế môn bài',
      });
      expect((await counterById(f.anonymous, 1)).currentTicket).toBeNull();
      expect(order).toEqual(['A001', 'G001', 'G002']);
    });

    test('places the ticket by its issue time when transferToFront is off', async () => {
      // Arrange
      await patchSettings(f.admin, { transferToFront: false });
      await tradeTaxAroundBusiness();

      // Act
      await act(f.admin, 1, 'transfer', { serviceId: THUE });
      const order = await callInTurn(f.admin, 10, 3);

      // Assert
      expect(order).toEqual(['G001', 'A001', 'G002']);
    });

    test('to a named counter: only that counter calls it, with the note kept', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');

      // Act
      const moved = await act(f.admin, 1, 'transfer', { counterId: 2, note: 'Gặp chị Lan' });
      const otherCall = await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'no-show');
      const emptyForOther = await f.admin.post('/api/counters/1/call-next');
      const named = await act(f.admin, 2, 'call-next');

      // Assert
      expect(moved.ticket).toMatchObject({ number: 'A001', serviceId: DKKD, targetCounterId: 2 });
      expect(otherCall.ticket.number).toBe('A002');
      expect(errorOf(emptyForOther, 404).code).toBe('queue_empty');
      expect(named.ticket).toMatchObject({ number: 'A001', counterId: 2, note: 'Gặp chị Lan' });
    });

    test('to a named counter that does not serve the service, that counter calls it', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');

      // Act
      await act(f.admin, 1, 'transfer', { counterId: 3 });
      const called = await act(f.admin, 3, 'call-next');

      // Assert
      expect(called.ticket).toMatchObject({ number: 'A001', serviceId: DKKD, counterId: 3 });
    });

    test.each([
      ['neither service nor counter', { note: 'x' }, 400, 'validation_failed'],
      ['an empty body', {}, 400, 'validation_failed'],
      ['an unknown service', { serviceId: 999 }, 404, 'service_not_found'],
      ['an unknown counter', { counterId: 99 }, 404, 'counter_not_found'],
    ])(
      'refuses %s (%j) with %d %s and leaves the ticket called',
      async (_name, body, status, code) => {
        // Arrange
        await issue(f.anonymous, DKKD);
        const called = await act(f.admin, 1, 'call-next');

        // Act
        const response = await f.admin.post('/api/counters/1/transfer', body);

        // Assert
        expect(errorOf(response, status).code).toBe(code);
        expect(await ticketById(f.anonymous, called.ticket.id)).toMatchObject({
          status: 'called',
          serviceId: DKKD,
          counterId: 1,
          transferCount: 0,
        });
      },
    );

    test('emits ticket:transferred with the new service and the counter it left', async () => {
      // Arrange
      const screen = await connect();
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');

      // Act
      await act(f.admin, 1, 'transfer', { serviceId: THUE });

      // Assert
      await screen.waitFor(() => screen.received.some((e) => e.type === 'ticket:transferred'));
      const event = screen.received.find((e) => e.type === 'ticket:transferred');
      expect(event?.payload).toMatchObject({
        ticket: { number: 'A001', serviceId: THUE, status: 'waiting' },
        counter: { id: 1, currentTicket: null },
        waiting: { [String(THUE)]: 1, [String(DKKD)]: 0 },
      });
    });
  });

  describe('POST /api/counters/:id/call (a specific ticket)', () => {
    test('calls by number or by id out of order, then call-next resumes the queue', async () => {
      // Arrange
      const first = await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      const third = await issue(f.anonymous, DKKD);

      // Act
      const byNumber = await act(f.admin, 1, 'call', { number: 'a003' });
      await act(f.admin, 1, 'start');
      const byId = await act(f.admin, 1, 'call', { ticketId: first.ticket.id });
      await act(f.admin, 1, 'start');
      const next = await act(f.admin, 1, 'call-next');

      // Assert
      expect(byNumber.ticket).toMatchObject({ number: 'A003', status: 'called', counterId: 1 });
      expect(byId.ticket).toMatchObject({ number: 'A001', status: 'called', counterId: 1 });
      expect((await ticketById(f.anonymous, third.ticket.id)).status).toBe('done');
      expect(next.ticket.number).toBe('A002');
    });

    test('calls a parked ticket back to the counter', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'park');

      // Act
      const called = await act(f.admin, 2, 'call', { number: 'A001' });

      // Assert
      expect(called.ticket).toMatchObject({ number: 'A001', status: 'called', counterId: 2 });
    });

    test.each([
      ['an unknown number', { number: 'A999' }],
      ['an unknown id', { ticketId: 424242 }],
    ])('answers 404 ticket_not_found for %s', async (_name, body) => {
      // Arrange
      await issue(f.anonymous, DKKD);

      // Act
      const response = await f.admin.post('/api/counters/1/call', body);

      // Assert
      expect(errorOf(response, 404).code).toBe('ticket_not_found');
    });

    test('answers 409 counter_busy while a ticket is still called, leaving the target waiting', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      const target = await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');

      // Act
      const response = await f.admin.post('/api/counters/1/call', { number: 'A002' });

      // Assert
      expect(errorOf(response, 409).code).toBe('counter_busy');
      expect((await ticketById(f.anonymous, target.ticket.id)).status).toBe('waiting');
    });

    test('refuses a ticket already called at another counter with 409 invalid_transition', async () => {
      // Arrange
      const { ticket } = await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');

      // Act
      const response = await f.admin.post('/api/counters/2/call', { ticketId: ticket.id });

      // Assert
      expect(errorOf(response, 409).code).toBe('invalid_transition');
      expect((await ticketById(f.anonymous, ticket.id)).counterId).toBe(1);
    });
  });

  describe('park and return', () => {
    test('a parked ticket leaves the counter, is listed, and after return is called first', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      const late = await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call', { number: 'A003' });

      // Act
      const parked = await act(f.admin, 1, 'park');
      const counter = await counterById(f.anonymous, 1);
      const list = await f.admin.get<Ticket[]>('/api/tickets?list=parked');
      const returned = await f.admin.post<TicketResponse>(`/api/tickets/${late.ticket.id}/return`);
      const next = await act(f.admin, 1, 'call-next');

      // Assert
      expect(parked.ticket.status).toBe('parked');
      expect(counter.currentTicket).toBeNull();
      expect(expectStatus(list, 200).map((t) => t.number)).toEqual(['A003']);
      expect(expectStatus(returned, 200).ticket).toMatchObject({ status: 'waiting', front: true });
      expect(next.ticket.number).toBe('A003');
    });

    test('parks a ticket that is being served', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'start');

      // Act
      const parked = await act(f.admin, 1, 'park');

      // Assert
      expect(parked.ticket.status).toBe('parked');
      expect((await counterById(f.anonymous, 1)).currentTicket).toBeNull();
    });

    test('returning a ticket that is not parked answers 409 invalid_transition', async () => {
      // Arrange
      const { ticket } = await issue(f.anonymous, DKKD);

      // Act
      const response = await f.admin.post(`/api/tickets/${ticket.id}/return`);

      // Assert
      expect(errorOf(response, 409).code).toBe('invalid_transition');
    });

    test.each(['parked', 'no-show', 'waiting'])(
      'GET /api/tickets?list=%s refuses an anonymous caller with 401',
      async (list) => {
        // Act
        const response = await f.anonymous.get(`/api/tickets?list=${list}`);

        // Assert
        expect(errorOf(response, 401).code).toBe('unauthenticated');
      },
    );
  });

  describe('recall limit and no-show', () => {
    test('allows recallLimit recalls (default 3), refuses one more, then no-show works', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');

      // Act
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) counts.push((await act(f.admin, 1, 'recall')).ticket.recallCount);
      const fourth = await f.admin.post('/api/counters/1/recall');
      const noShow = await act(f.admin, 1, 'no-show');

      // Assert
      expect(counts).toEqual([1, 2, 3]);
      expect(errorOf(fourth, 409).code).toBe('recall_limit_reached');
      expect(noShow.ticket).toMatchObject({ status: 'no_show', recallCount: 3 });
    });

    test('follows a recall limit changed in the settings', async () => {
      // Arrange
      await patchSettings(f.admin, { recallLimit: 1 });
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');

      // Act
      const first = await f.admin.post('/api/counters/1/recall');
      const second = await f.admin.post('/api/counters/1/recall');

      // Assert
      expect(first.status).toBe(200);
      expect(errorOf(second, 409).code).toBe('recall_limit_reached');
    });

    test('a no-show is listed, re-queued as waiting and called again before newer tickets', async () => {
      // Arrange
      const late = await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'recall');
      await act(f.admin, 1, 'no-show');

      // Act
      const list = expectStatus(await f.admin.get<Ticket[]>('/api/tickets?list=no-show'), 200);
      const requeued = await f.admin.post<TicketResponse>(`/api/tickets/${late.ticket.id}/requeue`);
      const again = await act(f.admin, 2, 'call-next');

      // Assert
      expect(list.map((t) => t.number)).toEqual(['A001']);
      expect(expectStatus(requeued, 200).ticket).toMatchObject({
        status: 'waiting',
        counterId: null,
        recallCount: 0,
        finishedAt: null,
      });
      expect(again.ticket).toMatchObject({ number: 'A001', counterId: 2 });
    });

    test('re-queueing a waiting ticket answers 409 invalid_transition', async () => {
      // Arrange
      const { ticket } = await issue(f.anonymous, DKKD);

      // Act
      const response = await f.admin.post(`/api/tickets/${ticket.id}/requeue`);

      // Assert
      expect(errorOf(response, 409).code).toBe('invalid_transition');
    });
  });

  describe('POST /api/tickets/:id/cancel', () => {
    const bring: Record<string, () => Promise<void>> = {
      waiting: async () => undefined,
      called: async () => void (await act(f.admin, 1, 'call-next')),
      parked: async () => {
        await act(f.admin, 1, 'call-next');
        await act(f.admin, 1, 'park');
      },
    };

    test.each(Object.keys(bring))('cancels a %s ticket with its reason', async (state) => {
      // Arrange
      const { ticket } = await issue(f.anonymous, DKKD);
      await bring[state]?.();

      // Act
      const response = await f.admin.post<TicketResponse>(`/api/tickets/${ticket.id}/cancel`, {
        reason: 'Công dân bổ sung hồ sơ sau',
      });

      // Assert
      expect(expectStatus(response, 200).ticket).toMatchObject({
        status: 'cancelled',
        closeReason: 'Công dân bổ sung hồ sơ sau',
      });
      expect((await counterById(f.anonymous, 1)).currentTicket).toBeNull();
    });

    test('refuses a done ticket with 409 invalid_transition', async () => {
      // Arrange
      const { ticket } = await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'start');
      await act(f.admin, 1, 'finish');

      // Act
      const response = await f.admin.post(`/api/tickets/${ticket.id}/cancel`, { reason: 'x' });

      // Assert
      expect(errorOf(response, 409).code).toBe('invalid_transition');
      expect((await ticketById(f.anonymous, ticket.id)).status).toBe('done');
    });

    test.each([
      ['no reason', {}],
      ['a blank reason', { reason: '   ' }],
    ])('refuses %s with 400 and keeps the ticket waiting', async (_name, body) => {
      // Arrange
      const { ticket } = await issue(f.anonymous, DKKD);

      // Act
      const response = await f.admin.post(`/api/tickets/${ticket.id}/cancel`, body);

      // Assert
      expect(errorOf(response, 400).code).toBe('validation_failed');
      expect((await ticketById(f.anonymous, ticket.id)).status).toBe('waiting');
    });
  });

  describe('counter states', () => {
    test('pause with a listed reason stops calls until resume; counter:updated tells screens', async () => {
      // Arrange
      const screen = await connect();
      await issue(f.anonymous, DKKD);

      // Act
      const paused = await f.admin.post('/api/counters/1/pause', { reason: 'Họp' });
      const refused = await f.admin.post('/api/counters/1/call-next');
      const resumed = await f.admin.post('/api/counters/1/resume');
      const called = await f.admin.post('/api/counters/1/call-next');

      // Assert
      expect(expectStatus(paused, 200)).toMatchObject({
        counter: { status: 'paused', pauseReason: 'Họp', statusSince: '2026-11-27T02:00:00.000Z' },
      });
      expect(errorOf(refused, 409).code).toBe('counter_paused');
      expect(expectStatus(resumed, 200)).toMatchObject({
        counter: { status: 'open', pauseReason: null },
      });
      expect(called.status).toBe(200);
      await screen.waitFor(() => screen.received.length >= 2);
      expect(
        screen.received.map((e) =>
          e.type === 'counter:updated' ? [e.payload.counter.id, e.payload.counter.status] : null,
        ),
      ).toEqual([
        [1, 'paused'],
        [1, 'open'],
      ]);
    });

    test('refuses a reason that is not in the list with 400', async () => {
      // Act
      const response = await f.admin.post('/api/counters/1/pause', { reason: 'Đi chợ' });

      // Assert
      expect(errorOf(response, 400).code).toBe('validation_failed');
      expect((await counterById(f.anonymous, 1)).status).toBe('open');
    });

    test('takes its reasons from the settings', async () => {
      // Arrange
      await patchSettings(f.admin, { pauseReasons: ['Tiếp đoàn kiểm tra'] });

      // Act
      const newReason = await f.admin.post('/api/counters/1/pause', {
        reason: 'Tiếp đoàn kiểm tra',
      });
      const oldReason = await f.admin.post('/api/counters/2/pause', { reason: 'Họp' });

      // Assert
      expect(newReason.status).toBe(200);
      expect(errorOf(oldReason, 400).code).toBe('validation_failed');
    });

    test('accepts a listed reason saved in decomposed Unicode, as the counter screen sends it', async () => {
      // Arrange: macOS and iOS keyboards may type Vietnamese decomposed (NFD).
      await patchSettings(f.admin, { pauseReasons: ['Họp giao ban'.normalize('NFD')] });
      const state = expectStatus(await f.anonymous.get<StateSnapshot>('/api/state'), 200);
      const listed = state.centre.pauseReasons[0] ?? '';

      // Act
      const response = await f.admin.post('/api/counters/1/pause', { reason: listed });

      // Assert
      expect(expectStatus(response, 200)).toMatchObject({ counter: { status: 'paused' } });
    });

    test('records each pause with its start and end in counter_pauses', async () => {
      // Arrange
      const start = f.clock.now();
      await act<CounterResponse>(f.admin, 1, 'pause', { reason: 'Nghỉ giải lao' });
      f.clock.advance(10 * MINUTE);

      // Act
      await f.admin.post('/api/counters/1/resume');

      // Assert
      const rows = f.server.server.application.repos.db.all(
        'SELECT counter_id, reason, started_at, ended_at FROM counter_pauses',
      );
      expect(rows).toEqual([
        {
          counter_id: 1,
          reason: 'Nghỉ giải lao',
          started_at: start,
          ended_at: start + 10 * MINUTE,
        },
      ]);
      expect(
        f.server.server.application.repos.counters.pausedMs(1, start, start + 60 * MINUTE),
      ).toBe(10 * MINUTE);
    });

    test('a closed counter answers 409 counter_closed until it opens again', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await act<CounterResponse>(f.admin, 1, 'close');

      // Act
      const refused = await f.admin.post('/api/counters/1/call-next');
      const refusedSpecific = await f.admin.post('/api/counters/1/call', { number: 'A001' });
      const opened = await f.admin.post('/api/counters/1/open');
      const called = await f.admin.post('/api/counters/1/call-next');

      // Assert
      expect(errorOf(refused, 409).code).toBe('counter_closed');
      expect(errorOf(refusedSpecific, 409).code).toBe('counter_closed');
      expect(expectStatus(opened, 200)).toMatchObject({ counter: { status: 'open' } });
      expect(called.status).toBe(200);
    });

    test.each([
      ['pause', 'called', { reason: 'Họp' }],
      ['pause', 'serving', { reason: 'Họp' }],
      ['close', 'called', {}],
      ['close', 'serving', {}],
    ])('refuses to %s while a ticket is %s with 409 counter_busy', async (action, state, body) => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      if (state === 'serving') await act(f.admin, 1, 'start');

      // Act
      const response = await f.admin.post(`/api/counters/1/${action}`, body);

      // Assert
      expect(errorOf(response, 409).code).toBe('counter_busy');
      expect((await counterById(f.anonymous, 1)).status).toBe('open');
    });

    test('a clerk pauses only the counter they took', async () => {
      // Arrange
      const clerk = await addClerk(f.server, 'lan');

      // Act
      const response = await clerk.post('/api/counters/1/pause', { reason: 'Họp' });

      // Assert
      expect(errorOf(response, 403).code).toBe('not_your_counter');
    });
  });

  describe('auto-call', () => {
    test('finish calls the next ticket to the same counter and returns it as next', async () => {
      // Arrange
      expectStatus(await f.admin.post('/api/counters/1/auto-call', { enabled: true }), 200);
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'start');

      // Act
      const finished = await act(f.admin, 1, 'finish');

      // Assert
      expect(finished.ticket).toMatchObject({ number: 'A001', status: 'done' });
      expect(finished.next).toMatchObject({ number: 'A002', status: 'called', counterId: 1 });
      expect((await counterById(f.anonymous, 1)).currentTicket?.number).toBe('A002');
    });

    test('finish succeeds with next null when nobody waits', async () => {
      // Arrange
      await act<CounterResponse>(f.admin, 1, 'auto-call', { enabled: true });
      await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'start');

      // Act
      const finished = await act(f.admin, 1, 'finish');

      // Assert
      expect(finished.ticket.status).toBe('done');
      expect(finished.next).toBeNull();
    });

    test('without auto-call finish leaves the next ticket waiting', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      const second = await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'start');

      // Act
      const finished = await act(f.admin, 1, 'finish');

      // Assert
      expect(finished.next ?? null).toBeNull();
      expect((await ticketById(f.anonymous, second.ticket.id)).status).toBe('waiting');
    });
  });

  test('a ticket transferred to another service is not served by a counter without it', async () => {
    // Arrange
    await issue(f.anonymous, DKKD);
    await act(f.admin, 1, 'call-next');
    await act(f.admin, 1, 'transfer', { serviceId: DDTN });

    // Act
    const atDkkdCounter = await f.admin.post('/api/counters/2/call-next');
    const atLandCounter = await act(f.admin, 4, 'call-next');

    // Assert
    expect(errorOf(atDkkdCounter, 404).code).toBe('queue_empty');
    expect(atLandCounter.ticket.number).toBe('A001');
  });
});
