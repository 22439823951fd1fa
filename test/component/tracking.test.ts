import type { IssueTicketResponse, Service, TrackResponse } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import {
  act,
  addClerk,
  errorOf,
  expectStatus,
  issue,
  MINUTE,
  SERVICE,
  useQueueFixture,
} from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';

const { DKKD, THUE } = SERVICE;

describe('visitor tracking and estimated wait', () => {
  const { f, connect } = useQueueFixture();

  async function track(token: string): Promise<TrackResponse> {
    return expectStatus(await f.anonymous.get<TrackResponse>(`/api/track/${token}`), 200);
  }

  describe('GET /api/track/:token', () => {
    // The admin calls at counters 1–3 as a supervisor would: someone must hold each one.
    beforeEach(() => staffCounters(f.server, [1, 2, 3]));

    test('issue returns a URL-safe token of at least 16 characters, new for every ticket', async () => {
      // Act
      const issued: IssueTicketResponse[] = [];
      for (let i = 0; i < 12; i++) issued.push(await issue(f.anonymous, i % 2 ? DKKD : THUE));

      // Assert
      const tokens = issued.map((r) => r.trackingToken);
      for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      expect(new Set(tokens).size).toBe(tokens.length);
    });

    test('shows a visitor without a session the ticket, service, ahead, estimate, centre and its zone', async () => {
      // Arrange: counters 1 and 2 call business registration, so the third ticket waits a visit.
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      const mine = await issue(f.anonymous, DKKD);

      // Act
      const view = await track(mine.trackingToken);

      // Assert
      expect(view).toEqual({
        ticket: mine.ticket,
        service: { id: DKKD, name: 'Đăng ký kinh doanh', nameEn: 'Business registration' },
        counter: null,
        ahead: 2,
        estimatedWaitMinutes: mine.estimatedWaitMinutes,
        centreName: expect.any(String),
        timeZone: 'Asia/Ho_Chi_Minh',
        printState: null,
      });
      expect(view.estimatedWaitMinutes).toBeGreaterThan(0);
      expect(view.centreName.length).toBeGreaterThan(0);
    });

    test('ahead falls as the tickets before it are called', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      const mine = await issue(f.anonymous, DKKD);

      // Act
      const seen = [(await track(mine.trackingToken)).ahead];
      await act(f.admin, 1, 'call-next');
      seen.push((await track(mine.trackingToken)).ahead);
      await act(f.admin, 2, 'call-next');
      seen.push((await track(mine.trackingToken)).ahead);

      // Assert
      expect(seen).toEqual([2, 1, 0]);
    });

    test('counts a later priority ticket as ahead of a normal one', async () => {
      // Arrange
      const mine = await issue(f.anonymous, DKKD);

      // Act
      await issue(f.anonymous, DKKD, 'elderly');

      // Assert
      expect((await track(mine.trackingToken)).ahead).toBe(1);
    });

    test('names the counter while the ticket is called or served, and not after', async () => {
      // Arrange
      const mine = await issue(f.anonymous, DKKD);

      // Act
      await act(f.admin, 2, 'call-next');
      const called = await track(mine.trackingToken);
      await act(f.admin, 2, 'start');
      const serving = await track(mine.trackingToken);
      await act(f.admin, 2, 'finish');
      const done = await track(mine.trackingToken);

      // Assert
      expect(called).toMatchObject({
        ticket: { status: 'called' },
        counter: { id: 2, number: 2, name: 'Quầy 2' },
        ahead: 0,
        estimatedWaitMinutes: 0,
      });
      expect(serving.counter?.number).toBe(2);
      expect(done).toMatchObject({ ticket: { status: 'done' }, counter: null });
    });

    test.each([
      ['an unknown well-formed token', 'Q'.repeat(22)],
      ['a token too short', 'abc'],
      ['a token too long', 'a'.repeat(65)],
      ['a token with other characters', 'abcdefgh.ijklmnop%21'],
      ['a token with SQL', "x'%20OR%20'1'='1aaaaaaaaaaa"],
    ])('answers 404 ticket_not_found for %s', async (_name, token) => {
      // Arrange
      await issue(f.anonymous, DKKD);

      // Act
      const response = await f.anonymous.get(`/api/track/${token}`);

      // Assert
      expect(errorOf(response, 404).code).toBe('ticket_not_found');
    });

    test('the token shows in no public answer and no socket event', async () => {
      // Arrange
      const screen = await connect(['ticket:issued', 'ticket:called']);
      const mine = await issue(f.anonymous, DKKD);
      await act(f.admin, 1, 'call-next');
      await screen.waitFor(() => screen.received.length >= 2);

      // Act
      const seen = [
        (await f.anonymous.get(`/api/tickets/${mine.ticket.id}`)).body,
        (await f.anonymous.get('/api/state')).body,
        (await f.anonymous.get('/api/counters')).body,
        (await f.admin.get('/api/tickets?list=waiting')).body,
        screen.received,
      ];

      // Assert
      expect(JSON.stringify(seen)).not.toContain(mine.trackingToken);
    });

    test('a socket client following the ticket hears its call with the counter', async () => {
      // Arrange
      const phone = await connect(['ticket:called']);
      const mine = await issue(f.anonymous, DKKD);

      // Act
      await act(f.admin, 3, 'call', { ticketId: mine.ticket.id });

      // Assert
      await phone.waitFor(() => phone.received.length > 0);
      expect(phone.received[0]?.payload).toMatchObject({
        ticket: { id: mine.ticket.id, status: 'called' },
        counter: { number: 3 },
      });
    });

    test('GET /t/:token serves the tracking page', async () => {
      // Arrange
      const mine = await issue(f.anonymous, DKKD);

      // Act
      const response = await new ApiClient(f.server.url).get(`/t/${mine.trackingToken}`);

      // Assert
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    });
  });

  describe('estimated wait', () => {
    /**
     * The admin takes counter 1, calls, starts and finishes one ticket that takes
     * `minutes` of service, and leaves the counter free again.
     */
    async function serveFor(minutes: number): Promise<void> {
      expectStatus(await f.admin.post('/api/counters/1/sign-in'), 200);
      await act(f.admin, 1, 'call-next');
      await act(f.admin, 1, 'start');
      f.clock.advance(minutes * MINUTE);
      await act(f.admin, 1, 'finish');
      expectStatus(await f.admin.post('/api/counters/1/sign-out'), 200);
    }

    // Each expectation is worked out by hand from docs/queue-rules.md "Estimated wait": a
    // visit is the service time plus the walk to the desk (0.5 min before any data) plus the
    // clerk's turnaround to the next call (0.1 min before any data), each today's mean
    // shrunk toward the prior with the weight of 5 visits. Nobody here is overtaken: no
    // priority tickets, and no service ranks before business registration at its counters.
    test('without history uses the service default and a short walk, one visit per ticket ahead', async () => {
      // Arrange: one clerk at counter 1 (business registration, 12 min by default).
      const lan = await addClerk(f.server, 'lan');
      expectStatus(await lan.post('/api/counters/1/sign-in'), 200);

      // Act
      const issued = [];
      for (let i = 0; i < 3; i++) issued.push(await issue(f.anonymous, DKKD));

      // Assert: 12.6 min a visit.
      expect(issued.map((r) => [r.ahead, r.estimatedWaitMinutes])).toEqual([
        [0, 0],
        [1, 13],
        [2, 25],
      ]);
    });

    test("uses today's service times, shrunk toward the default", async () => {
      // Arrange: visits of 4 and 8 min, called and started at once.
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      await serveFor(4);
      await serveFor(8);
      const lan = await addClerk(f.server, 'lan');
      expectStatus(await lan.post('/api/counters/1/sign-in'), 200);

      // Act
      const issued = [];
      for (let i = 0; i < 4; i++) issued.push(await issue(f.anonymous, DKKD));

      // Assert: service (2 × 6 + 5 × 12) / 7, walk (2 × 0 + 5 × 0.5) / 7, and the turnaround
      // (the second ticket was called as the first finished: 0) (1 × 0 + 5 × 0.1) / 6:
      // v = 74.5/7 + 1/12 min.
      const v = 74.5 / 7 + 1 / 12;
      expect(issued.map((r) => r.estimatedWaitMinutes)).toEqual(
        [0, v, 2 * v, 3 * v].map(Math.round),
      );
    });

    test('simulates the counters at work: more counters, a paused one back later, other services apart', async () => {
      // Arrange
      await issue(f.anonymous, DKKD);
      await issue(f.anonymous, DKKD);
      await serveFor(4);
      await serveFor(8);
      for (let i = 0; i < 4; i++) await issue(f.anonymous, DKKD);
      const waitFor = async (): Promise<number> =>
        (await issue(f.anonymous, DKKD)).estimatedWaitMinutes;

      // Act
      const alone = await waitFor();
      const lan = await addClerk(f.server, 'lan');
      expectStatus(await lan.post('/api/counters/1/sign-in'), 200);
      const oneCounter = await waitFor();
      const minh = await addClerk(f.server, 'minh');
      expectStatus(await minh.post('/api/counters/2/sign-in'), 200);
      const twoCounters = await waitFor();
      const hoa = await addClerk(f.server, 'hoa');
      expectStatus(await hoa.post('/api/counters/10/sign-in'), 200);
      const threeCounters = await waitFor();
      expectStatus(await minh.post('/api/counters/2/pause', { reason: 'Họp' }), 200);
      const onePaused = await waitFor();
      const tax = await addClerk(f.server, 'thu');
      expectStatus(await tax.post('/api/counters/5/sign-in'), 200);
      const otherService = await waitFor();

      // Assert, with v = 74.5/7 + 1/12 min a visit (previous test):
      const v = 74.5 / 7 + 1 / 12;
      expect({ alone, oneCounter, twoCounters, threeCounters, onePaused, otherService }).toEqual({
        // Nobody at work: counters 1, 2 and 10 as if open; 4 ahead → called at 0,0,0,v,v.
        alone: Math.round(v),
        // Counter 1 alone: 5 ahead.
        oneCounter: Math.round(5 * v),
        // Counters 1 and 2: 6 ahead, two at 0, v and 2v; then 3v.
        twoCounters: Math.round(3 * v),
        // And counter 10: 7 ahead, three at 0 and v, one at 2v; then 2v.
        threeCounters: Math.round(2 * v),
        // Counter 2 paused now, back in 10 min: calls at 0,0 (1, 10), 10 (2), v,v (1, 10),
        // 10+v (2), 2v,2v, then 10+2v.
        onePaused: Math.round(10 + 2 * v),
        // Counter 5 serves no business registration: 9 ahead, the 10th call is at 3v (1).
        otherService: Math.round(3 * v),
      });
      const services = expectStatus(await f.anonymous.get<Service[]>('/api/services'), 200);
      // The next one would be the 11th: 3v at counter 10.
      expect(services.find((s) => s.id === DKKD)).toMatchObject({
        waiting: 10,
        estimatedWaitMinutes: Math.round(3 * v),
      });
    });

    test('tracking shows the live estimate as counters open', async () => {
      // Arrange: tax (8 min by default, 8.6 a visit) at counter 10.
      for (let i = 0; i < 4; i++) await issue(f.anonymous, THUE);
      const mine = await issue(f.anonymous, THUE);
      const clerk = await addClerk(f.server, 'lan');
      expectStatus(await clerk.post('/api/counters/10/sign-in'), 200);
      const before = await track(mine.trackingToken);

      // Act: counter 1 helps with tax (tier 2) and has no business registration waiting (nor
      // any issued today, so none is expected to come ahead of the tax tickets).
      expectStatus(await f.admin.post('/api/counters/1/sign-in'), 200);
      const after = await track(mine.trackingToken);

      // Assert
      expect(before).toMatchObject({ ahead: 4, estimatedWaitMinutes: Math.round(4 * 8.6) });
      expect(after).toMatchObject({ ahead: 4, estimatedWaitMinutes: Math.round(2 * 8.6) });
    });
  });
});
