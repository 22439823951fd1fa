import type {
  Counter,
  IssueTicketResponse,
  Service,
  TicketResponse,
} from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { addClerk } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { startTestServer, type TestServer } from '../support/test-server';

const DKKD = 1;
const THUE = 7;

describe('HTTP API', () => {
  let server: TestServer;
  let anonymous: ApiClient;
  let admin: ApiClient;

  beforeEach(async () => {
    server = await startTestServer();
    anonymous = new ApiClient(server.url);
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
  });

  afterEach(() => server.stop());

  describe('public endpoints', () => {
    test('GET /api/health answers ok with every check passing', async () => {
      const response = await anonymous.get('/api/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        status: 'ok',
        checks: { storage: { ok: true }, diskSpace: { ok: true } },
      });
    });

    test('GET /api/services lists the demo services with live figures', async () => {
      await anonymous.issue(DKKD);
      const response = await anonymous.get<Service[]>('/api/services');
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(9);
      expect(response.body[0]).toEqual({
        id: DKKD,
        code: 'DKKD',
        name: 'Đăng ký kinh doanh',
        nameEn: 'Business registration',
        prefix: 'A',
        waiting: 1,
        estimatedWaitMinutes: expect.any(Number),
        available: true,
        unavailableReason: null,
        groupId: null,
        // Today's hours (Friday) with the centre's 15-minute cut-off taken off each end.
        issuingHours: [
          { open: '07:30', close: '11:15' },
          { open: '13:30', close: '16:45' },
        ],
        dailyCap: null,
        targetWaitMinutes: 20,
      });
    });

    test('GET /api/counters lists counters with their services', async () => {
      const response = await anonymous.get<Counter[]>('/api/counters');
      expect(response.body).toHaveLength(12);
      expect(response.body[0]).toMatchObject({
        id: 1,
        number: 1,
        name: 'Quầy 1',
        serviceIds: [DKKD, THUE],
      });
      expect(response.body[0]?.currentTicket).toBeNull();
    });

    test('unknown /api paths answer a JSON 404', async () => {
      const response = await anonymous.get('/api/nope');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: 'not_found' } });
    });
  });

  describe('POST /api/tickets', () => {
    test('issues a waiting ticket numbered prefix + daily sequence', async () => {
      const first = await anonymous.post<IssueTicketResponse>('/api/tickets', { serviceId: DKKD });
      const second = await anonymous.post<IssueTicketResponse>('/api/tickets', { serviceId: DKKD });
      expect(first.status).toBe(201);
      expect(first.body.ticket).toMatchObject({
        number: 'A001',
        serviceId: DKKD,
        status: 'waiting',
      });
      expect(second.body.ticket.number).toBe('A002');
      expect(second.body.ahead).toBe(1);
    });

    test('answers the same ticket for the same Idempotency-Key and makes no new one', async () => {
      const headers = { 'Idempotency-Key': 'kiosk-1-tap-42' };
      const first = await anonymous.post<IssueTicketResponse>(
        '/api/tickets',
        { serviceId: DKKD },
        headers,
      );
      const again = await anonymous.post<IssueTicketResponse>(
        '/api/tickets',
        { serviceId: DKKD },
        headers,
      );
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body.ticket).toEqual(first.body.ticket);
      const services = await anonymous.get<Service[]>('/api/services');
      expect(services.body[0]?.waiting).toBe(1);
    });

    test('refuses a reused Idempotency-Key with another body', async () => {
      const headers = { 'Idempotency-Key': 'same-key' };
      await anonymous.post('/api/tickets', { serviceId: DKKD }, headers);
      const response = await anonymous.post('/api/tickets', { serviceId: THUE }, headers);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ error: { code: 'idempotency_mismatch' } });
    });

    test('puts a priority ticket ahead of earlier normal ones', async () => {
      await anonymous.issue(DKKD);
      const priority = await anonymous.post<IssueTicketResponse>('/api/tickets', {
        serviceId: DKKD,
        priorityClass: 'elderly',
      });
      expect(priority.body.ticket.priorityClass).toBe('elderly');
      expect(priority.body.ahead).toBe(0);
    });

    test('counts priority tickets as ahead of a normal one', async () => {
      await anonymous.issue(DKKD);
      await anonymous.issue(DKKD, 'pregnant');
      const normal = await anonymous.post<IssueTicketResponse>('/api/tickets', { serviceId: DKKD });
      expect(normal.body.ahead).toBe(2);
    });

    test.each([
      ['malformed JSON', '{"serviceId":', 400, 'invalid_json'],
      ['a string id', '{"serviceId":"1"}', 400, 'validation_failed'],
      ['a negative id', '{"serviceId":-1}', 400, 'validation_failed'],
      [
        'an unknown priority class',
        '{"serviceId":1,"priorityClass":"vip"}',
        400,
        'validation_failed',
      ],
      ['an unknown field', '{"serviceId":1,"admin":true}', 400, 'validation_failed'],
      ['an array', '[1]', 400, 'validation_failed'],
      ['an unknown service', '{"serviceId":999}', 404, 'service_not_found'],
    ])('refuses %s with %d %s and writes nothing', async (_name, rawBody, status, code) => {
      const response = await anonymous.request('POST', '/api/tickets', { rawBody });
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ error: { code, message: expect.any(String) } });
      const state = await anonymous.get<{ seq: number }>('/api/state');
      expect(state.body.seq).toBe(0);
    });

    test('refuses a body over 16 kB with 413', async () => {
      const response = await anonymous.request('POST', '/api/tickets', {
        rawBody: JSON.stringify({ serviceId: 1, pad: 'x'.repeat(20_000) }),
      });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ error: { code: 'payload_too_large' } });
    });

    test('answers errors in English when the client prefers it', async () => {
      const response = await anonymous.request('POST', '/api/tickets', {
        body: { serviceId: 999 },
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      });
      expect(response.body).toEqual({
        error: { code: 'service_not_found', message: 'No such service.' },
      });
    });

    test('refuses a cross-site browser request', async () => {
      const response = await anonymous.post(
        '/api/tickets',
        { serviceId: DKKD },
        { origin: 'http://evil.example' },
      );
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ error: { code: 'forbidden' } });
    });

    test('accepts a same-origin browser request', async () => {
      const response = await anonymous.post(
        '/api/tickets',
        { serviceId: DKKD },
        { origin: server.url },
      );
      expect(response.status).toBe(201);
    });
  });

  describe('GET /api/tickets/:id', () => {
    test('returns a ticket', async () => {
      const { ticket } = await anonymous.issue(DKKD);
      const response = await anonymous.get<TicketResponse>(`/api/tickets/${ticket.id}`);
      expect(response.status).toBe(200);
      expect(response.body.ticket.number).toBe(ticket.number);
    });

    test.each(['999', 'abc', '0', '-1', '1e3', '9'.repeat(30)])(
      'answers 404 ticket_not_found for id %s',
      async (id) => {
        const response = await anonymous.get(`/api/tickets/${id}`);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ error: { code: 'ticket_not_found' } });
      },
    );
  });

  describe('staff sign-in', () => {
    test('sets an httpOnly SameSite=Strict session cookie', async () => {
      const response = await anonymous.post('/api/auth/login', {
        username: server.adminUsername,
        password: server.adminPassword,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ user: { username: 'admin', role: 'admin' } });
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^luot_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      // Relative lifetime: a kiosk or counter PC with a wrong clock still keeps the session.
      expect(cookie).toMatch(/Max-Age=43200/);
      expect(cookie).not.toMatch(/Expires=/i);
    });

    test('refuses a wrong password with 401 invalid_credentials', async () => {
      const response = await anonymous.post('/api/auth/login', {
        username: 'admin',
        password: 'wrong-password',
      });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { code: 'invalid_credentials' } });
    });

    test('refuses an unknown user the same way', async () => {
      const response = await anonymous.post('/api/auth/login', {
        username: 'ghost',
        password: 'whatever',
      });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { code: 'invalid_credentials' } });
    });

    test('logout ends the session', async () => {
      expect((await admin.get('/api/auth/me')).status).toBe(200);
      await admin.post('/api/auth/logout');
      expect((await admin.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('counter actions', () => {
    test('need a signed-in staff member', async () => {
      for (const action of ['sign-in', 'call-next', 'recall', 'start', 'finish', 'no-show']) {
        const response = await anonymous.post(`/api/counters/1/${action}`);
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ error: { code: 'unauthenticated' } });
      }
    });

    test('walk a ticket through call, recall, start and finish', async () => {
      staffCounters(server, [1, 2]);
      const { ticket } = await anonymous.issue(DKKD);
      const called = await admin.post<TicketResponse>('/api/counters/1/call-next');
      expect(called.body.ticket).toMatchObject({ id: ticket.id, status: 'called', counterId: 1 });
      const recalled = await admin.post<TicketResponse>('/api/counters/1/recall');
      expect(recalled.body.ticket.recallCount).toBe(1);
      const started = await admin.post<TicketResponse>('/api/counters/1/start');
      expect(started.body.ticket.status).toBe('serving');
      const finished = await admin.post<TicketResponse>('/api/counters/1/finish');
      expect(finished.body.ticket.status).toBe('done');
      const counters = await anonymous.get<Counter[]>('/api/counters');
      expect(counters.body[0]?.currentTicket).toBeNull();
    });

    test('mark a called ticket a no-show', async () => {
      staffCounters(server, [1, 2]);
      await anonymous.issue(DKKD);
      await admin.post('/api/counters/1/call-next');
      const response = await admin.post<TicketResponse>('/api/counters/1/no-show');
      expect(response.body.ticket.status).toBe('no_show');
    });

    test('call next answers 404 queue_empty when nobody waits', async () => {
      staffCounters(server, [1, 2]);
      const response = await admin.post('/api/counters/1/call-next');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: 'queue_empty' } });
    });

    test('call next refuses while a called ticket is still at the counter', async () => {
      staffCounters(server, [1, 2]);
      await anonymous.issue(DKKD);
      await anonymous.issue(DKKD);
      await admin.post('/api/counters/1/call-next');
      const response = await admin.post('/api/counters/1/call-next');
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ error: { code: 'counter_busy' } });
    });

    test('call next finishes the ticket being served and calls the next one', async () => {
      staffCounters(server, [1, 2]);
      const first = await anonymous.issue(DKKD);
      const second = await anonymous.issue(DKKD);
      await admin.post('/api/counters/1/call-next');
      await admin.post('/api/counters/1/start');
      const response = await admin.post<TicketResponse>('/api/counters/1/call-next');
      expect(response.body.ticket.id).toBe(second.ticket.id);
      const done = await anonymous.get<TicketResponse>(`/api/tickets/${first.ticket.id}`);
      expect(done.body.ticket.status).toBe('done');
    });

    test('call next takes priority tickets first, then tier, then issue time', async () => {
      staffCounters(server, [1, 2]);
      const tax = await anonymous.issue(THUE);
      const business = await anonymous.issue(DKKD);
      const elderly = await anonymous.issue(DKKD, 'elderly');
      const order: number[] = [];
      for (let i = 0; i < 3; i++) {
        const call = await admin.post<TicketResponse>('/api/counters/1/call-next');
        order.push(call.body.ticket.id);
        await admin.post('/api/counters/1/start');
      }
      expect(order).toEqual([elderly.ticket.id, business.ticket.id, tax.ticket.id]);
    });

    test.each(['recall', 'start', 'finish', 'no-show'])(
      '%s with no current ticket answers 409',
      async (action) => {
        const response = await admin.post(`/api/counters/1/${action}`);
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ error: { code: 'no_current_ticket' } });
      },
    );

    test('finish before start answers 409 invalid_transition', async () => {
      staffCounters(server, [1, 2]);
      await anonymous.issue(DKKD);
      await admin.post('/api/counters/1/call-next');
      const response = await admin.post('/api/counters/1/finish');
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ error: { code: 'invalid_transition' } });
    });

    test('an unknown counter answers 404', async () => {
      const response = await admin.post('/api/counters/99/call-next');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: 'counter_not_found' } });
    });

    test('a clerk acts only at the counter they took', async () => {
      const clerk = await addClerk(server, 'lan');
      await anonymous.issue(DKKD);
      const refused = await clerk.post('/api/counters/1/call-next');
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'not_your_counter' } });
      expect((await clerk.post('/api/counters/1/sign-in')).status).toBe(200);
      const called = await clerk.post<TicketResponse>('/api/counters/1/call-next');
      expect(called.status).toBe(200);
    });

    test('a counter taken by one clerk is refused to another', async () => {
      const lan = await addClerk(server, 'lan');
      const minh = await addClerk(server, 'minh');
      await lan.post('/api/counters/2/sign-in');
      const response = await minh.post('/api/counters/2/sign-in');
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ error: { code: 'counter_taken' } });
    });

    test('taking a counter leaves the one the clerk held before', async () => {
      const lan = await addClerk(server, 'lan');
      await lan.post('/api/counters/2/sign-in');
      await lan.post('/api/counters/3/sign-in');
      const counters = await anonymous.get<Counter[]>('/api/counters');
      expect(counters.body.find((c) => c.number === 2)?.staff).toBeNull();
      expect(counters.body.find((c) => c.number === 3)?.staff?.displayName).toBe('Cán bộ lan');
    });

    test("one clerk's Idempotency-Key never replays another clerk's result", async () => {
      const lan = await addClerk(server, 'lan');
      const minh = await addClerk(server, 'minh');
      await lan.post('/api/counters/1/sign-in');
      await anonymous.issue(DKKD);
      const headers = { 'Idempotency-Key': 'shared-key' };
      expect((await lan.post('/api/counters/1/call-next', {}, headers)).status).toBe(200);
      const response = await minh.post('/api/counters/1/call-next', {}, headers);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ error: { code: 'not_your_counter' } });
    });

    test('signing out of the session frees the counter', async () => {
      const lan = await addClerk(server, 'lan');
      await lan.post('/api/counters/4/sign-in');
      await lan.post('/api/auth/logout');
      const counters = await anonymous.get<Counter[]>('/api/counters');
      expect(counters.body.find((c) => c.number === 4)?.staff).toBeNull();
    });

    test('the same Idempotency-Key on call next calls only one ticket', async () => {
      staffCounters(server, [1, 2]);
      await anonymous.issue(DKKD);
      await anonymous.issue(DKKD);
      const headers = { 'Idempotency-Key': 'press-1' };
      const first = await admin.post<TicketResponse>('/api/counters/1/call-next', {}, headers);
      const again = await admin.post<TicketResponse>('/api/counters/1/call-next', {}, headers);
      expect(again.status).toBe(200);
      expect(again.body.ticket.id).toBe(first.body.ticket.id);
      const services = await anonymous.get<Service[]>('/api/services');
      expect(services.body[0]?.waiting).toBe(1);
    });
  });

  test('GET /api/state gives seq, services, counters and recent calls newest first', async () => {
    staffCounters(server, [1, 2]);
    await anonymous.issue(DKKD);
    await anonymous.issue(DKKD);
    await admin.post('/api/counters/1/call-next');
    await admin.post('/api/counters/2/call-next');
    const state = await anonymous.get<{
      seq: number;
      recentCalls: { number: string; counterNumber: number }[];
    }>('/api/state');
    expect(state.body.seq).toBe(4);
    expect(state.body.recentCalls.map((c) => [c.number, c.counterNumber])).toEqual([
      ['A002', 2],
      ['A001', 1],
    ]);
  });
});
