import { io } from 'socket.io-client';
import { PRINT_AGENT_ROLE } from '../../../server/src/contract';
import { translate } from '../../../server/src/contract/i18n';
import type { IssueTicketResponse } from '../../../server/src/contract/http';
import { ApiClient } from '../../support/api-client';
import { RecordingSocket } from '../../support/socket-client';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { startWithAgentPrinter } from '../../component/printing/support';
import { DEFAULT_HEALTH_OPTIONS } from '../../../server/src/services/admin/health-service';
import { HEALTHY } from '../../support/health';

const DKKD = 1;
/** The running number of a ticket number such as `DKKD-007`. */
const sequenceOf = (number: string) => Number(/(\d+)$/.exec(number)?.[1]);
/**
 * Storage that refuses writes, without root: SQLite's `query_only` makes every write fail
 * with SQLITE_READONLY, the code a read-only mount gives. full-disk.test.ts does the real
 * thing on a small tmpfs.
 */
describe('when the storage refuses writes', () => {
  let server: TestServer;
  let admin: ApiClient;
  let clock: ManualClock;
  const setReadOnly = (on: boolean) =>
    server.server.application.repos.db.raw.pragma(`query_only = ${on ? 'ON' : 'OFF'}`);

  beforeEach(async () => {
    clock = new ManualClock();
    server = await startTestServer({ clock });
    admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
  });

  afterEach(() => server.stop());

  test('issuing answers 503 storage_unavailable in Vietnamese, and a retry with the same key succeeds once writes work again', async () => {
    const kiosk = new ApiClient(server.url);
    const before = await kiosk.issue(DKKD);
    setReadOnly(true);

    const refused = await kiosk.post(
      '/api/tickets',
      { serviceId: DKKD },
      { 'Idempotency-Key': 'k-1' },
    );
    expect(refused).toMatchObject({
      status: 503,
      body: {
        error: {
          code: 'storage_unavailable',
          message: translate('vi', 'error.storage_unavailable'),
        },
      },
    });
    const english = await kiosk.request('POST', '/api/tickets', {
      body: { serviceId: DKKD },
      headers: { 'accept-language': 'en' },
    });
    expect(english.body).toEqual({
      error: { code: 'storage_unavailable', message: translate('en', 'error.storage_unavailable') },
    });

    setReadOnly(false);
    const retried = await kiosk.post<IssueTicketResponse>(
      '/api/tickets',
      { serviceId: DKKD },
      { 'Idempotency-Key': 'k-1' },
    );
    expect(retried.status).toBe(201);
    // The refused attempts took no number: the next one follows the last one issued.
    expect(sequenceOf(retried.body.ticket.number)).toBe(sequenceOf(before.ticket.number) + 1);
  });

  test('an admin change answers 503 storage_unavailable and changes nothing', async () => {
    setReadOnly(true);
    const response = await admin.request('PATCH', '/api/settings', { body: { recallLimit: 9 } });
    expect(response).toMatchObject({
      status: 503,
      body: { error: { code: 'storage_unavailable' } },
    });
    setReadOnly(false);
    expect((await admin.get<{ recallLimit: number }>('/api/settings')).body.recallLimit).not.toBe(
      9,
    );
  });

  test('screens get no event for a refused write', async () => {
    const screen = new RecordingSocket(server.url, ['ticket:issued']);
    try {
      await screen.waitFor(() => screen.snapshots.length > 0);
      setReadOnly(true);
      const refused = await new ApiClient(server.url).post('/api/tickets', { serviceId: DKKD });
      expect(refused.status).toBe(503);
      setReadOnly(false);
      // Barrier: the next ticket's event arrives; the refused one's must not be before it.
      const issued = await new ApiClient(server.url).issue(DKKD);
      await screen.waitFor(() => screen.received.length > 0);
      const ids = screen.received.map(
        (event) => (event.payload as { ticket: { id: number } }).ticket.id,
      );
      expect(ids).toEqual([issued.ticket.id]);
    } finally {
      screen.close();
    }
  });

  test('health answers 503 degraded naming the storage check, and ok again once writes work', async () => {
    const anonymous = new ApiClient(server.url);
    expect(await anonymous.get('/api/health')).toMatchObject({ status: 200, body: HEALTHY });

    setReadOnly(true);
    // Nothing failed yet: a passing answer is reused for a moment, then the checks run again.
    clock.advance(DEFAULT_HEALTH_OPTIONS.recheckMs);
    expect(await anonymous.get('/api/health')).toMatchObject({
      status: 503,
      body: {
        status: 'degraded',
        checks: { storage: { ok: false, code: 'storage_unavailable' }, diskSpace: { ok: true } },
      },
    });

    setReadOnly(false);
    expect(await anonymous.get('/api/health')).toMatchObject({ status: 200, body: HEALTHY });
  });
});

describe('a socket command the storage refuses', () => {
  test('is acknowledged with storage_unavailable', async () => {
    const { server, kiosk } = await startWithAgentPrinter({});
    const agent = io(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { deviceToken: kiosk.token, role: PRINT_AGENT_ROLE },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        agent.once('connect', resolve);
        agent.once('connect_error', reject);
      });
      // The agent's printer state report is a write.
      server.server.application.repos.db.raw.pragma('query_only = ON');
      const ack: unknown = await agent
        .timeout(5000)
        .emitWithAck('print-job:result', { jobId: null, ok: true, state: 'online' });
      expect(ack).toEqual({
        error: {
          code: 'storage_unavailable',
          message: translate('vi', 'error.storage_unavailable'),
        },
      });
    } finally {
      agent.close();
      server.server.application.repos.db.raw.pragma('query_only = OFF');
      await server.stop();
    }
  });
});
