import type { ApiClient } from '../support/api-client';
import {
  act,
  addClerk,
  currentSeq,
  errorOf,
  expectStatus,
  issue,
  SERVICE,
  ticketById,
  useQueueFixture,
} from '../support/queue-helpers';

const { DKKD } = SERVICE;
const COUNTER = 1;
const HOUR = 3_600_000;

describe('calling to a counter nobody holds', () => {
  const { f } = useQueueFixture();
  let supervisor: ApiClient;

  beforeEach(async () => {
    supervisor = await addClerk(f.server, 'thu', 'supervisor');
  });

  test.each([
    ['call-next', {}],
    ['call', { number: 'A001' }],
    ['call', { ticketId: 1 }],
  ])('%s %j is refused with 409 counter_not_staffed and changes nothing', async (action, body) => {
    // Arrange
    const { ticket } = await issue(f.anonymous, DKKD);
    const seq = await currentSeq(f.anonymous);

    // Act
    const response = await supervisor.post(`/api/counters/${COUNTER}/${action}`, body);

    // Assert
    expect(errorOf(response, 409).code).toBe('counter_not_staffed');
    expect(await ticketById(f.anonymous, ticket.id)).toEqual(ticket);
    expect(await currentSeq(f.anonymous)).toBe(seq);
  });

  test('the same call is made once a clerk holds the counter', async () => {
    // Arrange
    const lan = await addClerk(f.server, 'lan');
    expectStatus(await lan.post(`/api/counters/${COUNTER}/sign-in`), 200);
    const { ticket } = await issue(f.anonymous, DKKD);

    // Act
    const called = await act(supervisor, COUNTER, 'call-next');

    // Assert
    expect(called.ticket).toMatchObject({ id: ticket.id, status: 'called', counterId: COUNTER });
  });

  describe('after the clerk left with a visitor still called', () => {
    let lan: ApiClient;

    beforeEach(async () => {
      lan = await addClerk(f.server, 'lan');
      expectStatus(await lan.post(`/api/counters/${COUNTER}/sign-in`), 200);
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
    });

    test('a recall is refused, while a supervisor may still clear the ticket', async () => {
      // Arrange
      await act(lan, COUNTER, 'call-next');
      expectStatus(await lan.post(`/api/counters/${COUNTER}/sign-out`), 200);

      // Act
      const recall = await supervisor.post(`/api/counters/${COUNTER}/recall`);
      const noShow = await supervisor.post(`/api/counters/${COUNTER}/no-show`);

      // Assert
      expect(errorOf(recall, 409).code).toBe('counter_not_staffed');
      expect(expectStatus(noShow, 200)).toMatchObject({ ticket: { status: 'no_show' } });
    });

    test('finishing there calls nobody, even with auto-call on', async () => {
      // Arrange
      await act(lan, COUNTER, 'auto-call', { enabled: true });
      await act(lan, COUNTER, 'call-next');
      await act(lan, COUNTER, 'start');
      expectStatus(await lan.post(`/api/counters/${COUNTER}/sign-out`), 200);

      // Act
      const finished = await act(supervisor, COUNTER, 'finish');

      // Assert
      expect(finished).toMatchObject({ ticket: { status: 'done' }, next: null });
      expect((await ticketById(f.anonymous, 2)).status).toBe('waiting');
    });

    test("a counter whose clerk's session ended without signing out counts as empty", async () => {
      // Arrange: 13 hours on, Lan's 12-hour session is over but she still holds the counter.
      f.clock.advance(13 * HOUR);
      const late = await addClerk(f.server, 'dung', 'supervisor');

      // Act
      const response = await late.post(`/api/counters/${COUNTER}/call-next`);

      // Assert
      expect(errorOf(response, 409).code).toBe('counter_not_staffed');
    });
  });
});
