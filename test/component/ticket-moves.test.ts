import type { Ticket, TicketResponse } from '../../server/src/contract';
import {
  act,
  callInTurn,
  counterById,
  errorOf,
  expectStatus,
  issue,
  MINUTE,
  patchSettings,
  SERVICE,
  useStaffedQueueFixture,
  ticketById,
} from '../support/queue-helpers';

const { DKKD, THUE } = SERVICE;

describe('moving tickets over HTTP', () => {
  const { f, connect } = useStaffedQueueFixture(['ticket:transferred', 'counter:updated']);

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
});
