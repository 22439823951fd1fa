import type { CounterDayResponse, Ticket } from '../../server/src/contract';
import type { TestServer } from '../support/test-server';
import {
  act,
  addClerk,
  errorOf,
  expectStatus,
  issue,
  MINUTE,
  SERVICE,
  useStaffedQueueFixture,
} from '../support/queue-helpers';

const { DKKD } = SERVICE;

/** Finished tickets written straight to the database: hundreds, fast. */
function insertFinished(
  server: TestServer,
  rows: {
    count: number;
    day: string;
    counterId: number;
    minutes: number | null;
    status?: string;
    from: number;
  },
): void {
  const { db } = server.server.application.repos;
  for (let i = 0; i < rows.count; i += 1) {
    const sequence = rows.from + i;
    const issuedAt = Date.UTC(2026, 10, 27, 1, 0, 0);
    db.run(
      `INSERT INTO tickets (service_id, original_service_id, day, sequence, number, status,
         counter_id, issued_at, called_at, serving_at, finished_at, tracking_token)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        DKKD,
        DKKD,
        rows.day,
        sequence,
        `Z${sequence}`,
        rows.status ?? 'done',
        rows.counterId,
        issuedAt,
        issuedAt,
        rows.minutes === null ? null : issuedAt,
        issuedAt + (rows.minutes ?? 1) * MINUTE,
        `figures-${rows.day}-${sequence}`,
      ],
    );
  }
}

describe('GET /api/counters/:id/today', () => {
  const { f } = useStaffedQueueFixture();

  async function serve(counterId: number, minutes: number): Promise<Ticket> {
    await act(f.admin, counterId, 'call-next');
    await act(f.admin, counterId, 'start');
    f.clock.advance(minutes * MINUTE);
    return (await act(f.admin, counterId, 'finish')).ticket;
  }

  test('counts a counter’s finished tickets of the day and their mean service time', async () => {
    // Arrange
    for (let i = 0; i < 3; i += 1) await issue(f.anonymous, DKKD);
    const first = await serve(1, 4);
    await serve(2, 10);
    await serve(1, 6);

    // Act
    const figures = expectStatus(
      await f.admin.get<CounterDayResponse>('/api/counters/1/today'),
      200,
    );

    // Assert
    expect(figures).toEqual({
      counterId: 1,
      day: first.day,
      served: 2,
      averageServiceMinutes: 5,
    });
  });

  test('counts every ticket past the lists’ 200, and only this counter’s, today’s, done', async () => {
    // Arrange: one served through the API gives today's service day.
    await issue(f.anonymous, DKKD);
    const served = await serve(1, 4);
    insertFinished(f.server, { count: 248, day: served.day, counterId: 1, minutes: 8, from: 1000 });
    // Finished without being started: counted, left out of the mean.
    insertFinished(f.server, {
      count: 2,
      day: served.day,
      counterId: 1,
      minutes: null,
      from: 2000,
    });
    insertFinished(f.server, { count: 30, day: served.day, counterId: 2, minutes: 1, from: 3000 });
    insertFinished(f.server, {
      count: 30,
      day: '2026-11-26',
      counterId: 1,
      minutes: 1,
      from: 4000,
    });
    insertFinished(f.server, {
      count: 5,
      day: served.day,
      counterId: 1,
      minutes: 1,
      status: 'no_show',
      from: 5000,
    });

    // Act
    const figures = expectStatus(
      await f.admin.get<CounterDayResponse>('/api/counters/1/today'),
      200,
    );
    const list = expectStatus(
      await f.admin.get<Ticket[]>('/api/tickets?list=done&counterId=1'),
      200,
    );

    // Assert
    expect(list).toHaveLength(200);
    expect(figures.served).toBe(251);
    expect(figures.averageServiceMinutes).toBeCloseTo((4 + 248 * 8) / 249, 9);
  });

  test('answers null for the mean, and zero, before the counter finishes anything', async () => {
    // Act
    const figures = expectStatus(
      await f.admin.get<CounterDayResponse>('/api/counters/2/today'),
      200,
    );

    // Assert
    expect(figures).toMatchObject({ counterId: 2, served: 0, averageServiceMinutes: null });
    expect(figures.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('a clerk may read it; a visitor may not', async () => {
    // Arrange
    const clerk = await addClerk(f.server, 'figures-clerk');

    // Act / Assert
    expect(
      expectStatus(await clerk.get<CounterDayResponse>('/api/counters/1/today'), 200),
    ).toMatchObject({ served: 0 });
    expect(errorOf(await f.anonymous.get('/api/counters/1/today'), 401).code).toBe(
      'unauthenticated',
    );
  });

  test.each(['999', '0', 'abc'])('answers 404 counter_not_found for counter %s', async (id) => {
    // Act
    const response = await f.admin.get(`/api/counters/${id}/today`);

    // Assert
    expect(errorOf(response, 404).code).toBe('counter_not_found');
  });
});
