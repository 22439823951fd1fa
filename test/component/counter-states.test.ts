import type { CounterResponse, StateSnapshot } from '../../server/src/contract';
import {
  act,
  addClerk,
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

const { DKKD, DDTN } = SERVICE;

describe('counter states over HTTP', () => {
  const { f, connect } = useStaffedQueueFixture(['ticket:transferred', 'counter:updated']);

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

    test('resume ends a pause but does not reopen a closed counter', async () => {
      // Arrange
      await act<CounterResponse>(f.admin, 1, 'close');

      // Act
      const resumed = await f.admin.post('/api/counters/1/resume');

      // Assert
      expect(errorOf(resumed, 409).code).toBe('counter_closed');
      expect((await counterById(f.anonymous, 1)).status).toBe('closed');
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
