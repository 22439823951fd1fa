import type { Ticket } from '../../server/src/contract';
import {
  act,
  expectStatus,
  issue,
  MINUTE,
  SERVICE,
  useStaffedQueueFixture,
} from '../support/queue-helpers';

const { DKKD } = SERVICE;

describe('GET /api/tickets?list=done', () => {
  const { f } = useStaffedQueueFixture();

  /** Serves one ticket at a counter: call, start, a few minutes, finish. */
  async function serve(counterId: number, minutes: number) {
    await act(f.admin, counterId, 'call-next');
    await act(f.admin, counterId, 'start');
    f.clock.advance(minutes * MINUTE);
    return (await act(f.admin, counterId, 'finish')).ticket;
  }

  test('lists today’s finished tickets, only one counter’s when counterId is given', async () => {
    // Arrange
    for (let i = 0; i < 3; i += 1) await issue(f.anonymous, DKKD);
    const first = await serve(1, 4);
    const second = await serve(2, 6);
    const third = await serve(1, 2);

    // Act
    const all = expectStatus(await f.admin.get<Ticket[]>('/api/tickets?list=done'), 200);
    const atOne = expectStatus(
      await f.admin.get<Ticket[]>('/api/tickets?list=done&counterId=1'),
      200,
    );

    // Assert
    expect(all.map((t) => t.number)).toEqual([first.number, second.number, third.number]);
    expect(atOne.map((t) => t.number)).toEqual([first.number, third.number]);
    expect(atOne.every((t) => t.status === 'done' && t.counterId === 1)).toBe(true);
  });

  test.each(['0', '-1', 'abc', '1.5', ''])('refuses counterId=%s with 400', async (value) => {
    // Act
    const response = await f.admin.get(`/api/tickets?list=done&counterId=${value}`);

    // Assert
    expect(response.status).toBe(400);
    expect((response.body as { error: { code: string } }).error.code).toBe('validation_failed');
  });
});
