import {
  act,
  callInTurn,
  errorOf,
  issue,
  MINUTE,
  patchSettings,
  SERVICE,
  useStaffedQueueFixture,
  ticketById,
} from '../support/queue-helpers';

const { DKKD, THUE } = SERVICE;

describe('queue routing over HTTP', () => {
  const { f } = useStaffedQueueFixture();

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
});
