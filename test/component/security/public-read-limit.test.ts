import { PUBLIC_READ_RATE } from '../../../server/src/http/public-read-limit';
import { codeOf, pairDevice, useSecurityServer } from './support';

describe('anonymous public reads are rate-limited per address', () => {
  const f = useSecurityServer();

  /** Spends the address's whole window over the four limited routes, in turn. */
  async function spendWindow(trackingToken: string, ticketId: number): Promise<void> {
    const paths = [
      '/api/state',
      '/api/services',
      `/api/tickets/${ticketId}`,
      `/api/track/${trackingToken}`,
    ];
    for (let i = 0; i < PUBLIC_READ_RATE.limit; i++) {
      const response = await f.anonymous.request('GET', paths[i % paths.length]!);
      expect(response.status).toBe(200);
    }
  }

  async function issueOne(): Promise<{ id: number; token: string }> {
    const issued = await f.admin.request('POST', '/api/tickets', { body: { serviceId: 1 } });
    expect(issued.status).toBe(201);
    const body = issued.body as { ticket: { id: number }; trackingToken: string };
    return { id: body.ticket.id, token: body.trackingToken };
  }

  test(`allows ${PUBLIC_READ_RATE.limit} reads a minute over all four routes, then 429 on each`, async () => {
    const { id, token } = await issueOne();
    await spendWindow(token, id);
    for (const path of [
      '/api/state',
      '/api/services',
      `/api/tickets/${id}`,
      `/api/track/${token}`,
    ]) {
      const limited = await f.anonymous.request('GET', path);
      expect(limited.status).toBe(429);
      expect(codeOf(limited.body)).toBe('rate_limited');
      expect(limited.headers.get('retry-after')).toBe('60');
    }
    // Health stays open to monitors.
    expect((await f.anonymous.request('GET', '/api/health')).status).toBe(200);
    f.clock.advance(PUBLIC_READ_RATE.windowMs);
    expect((await f.anonymous.request('GET', '/api/state')).status).toBe(200);
  });

  test('does not count or limit signed-in staff and paired devices', async () => {
    const { id, token } = await issueOne();
    const { token: deviceToken } = await pairDevice(f.server, f.admin, 'display');
    await spendWindow(token, id);
    expect((await f.anonymous.request('GET', '/api/state')).status).toBe(429);
    expect((await f.admin.request('GET', '/api/state')).status).toBe(200);
    const device = await f.anonymous.request('GET', '/api/state', {
      headers: { authorization: `Device ${deviceToken}` },
    });
    expect(device.status).toBe(200);
  });
});
