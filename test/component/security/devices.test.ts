import { createHash } from 'node:crypto';
import type { Device, PairPollResponse, PairRequestResponse } from '../../../server/src/contract';
import { codeOf, disconnected, openSocket, pairDevice, useSecurityServer } from './support';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('device pairing', () => {
  const f = useSecurityServer();

  const ask = (body: unknown = { kind: 'kiosk' }) =>
    f.anonymous.post<PairRequestResponse>('/api/devices/pair-requests', body);
  const poll = (requestId: string) =>
    f.anonymous.get<PairPollResponse>(`/api/devices/pair-requests/${requestId}`);

  test('a device shows a code, an admin approves it, the device collects its token once', async () => {
    const request = await ask({ kind: 'display', name: 'Sảnh tầng 1' });
    expect(request.status).toBe(201);
    expect(request.body.code).toMatch(/^[0-9]{6}$/);
    expect(request.body.expiresAt).toBe(new Date(f.clock.now() + 10 * 60_000).toISOString());
    // A countdown from the lifetime does not depend on the device's clock.
    expect(request.body.expiresInSeconds).toBe(600);
    const pending = await poll(request.body.requestId);
    expect(pending.body).toEqual({
      status: 'pending',
      code: request.body.code,
      expiresAt: request.body.expiresAt,
    });

    const approved = await f.admin.post<{ device: Device }>('/api/devices/pair', {
      code: request.body.code,
      name: 'Màn hình sảnh',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.device).toMatchObject({ kind: 'display', name: 'Màn hình sảnh' });

    const collected = await poll(request.body.requestId);
    expect(collected.status).toBe(200);
    if (collected.body.status !== 'paired') throw new Error('expected the token');
    expect(collected.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await poll(request.body.requestId)).status).toBe(404);

    const list = await f.admin.get<Device[]>('/api/devices');
    expect(list.body).toEqual([
      {
        id: collected.body.device.id,
        kind: 'display',
        name: 'Màn hình sảnh',
        pairedAt: expect.any(String),
        lastSeenAt: expect.any(String),
        counterId: null,
        serviceIds: null,
        counterIds: null,
        online: true,
      },
    ]);
  });

  test('stores only the sha256 of the token and of the request id', async () => {
    const request = await ask();
    await f.admin.post('/api/devices/pair', { code: request.body.code, name: 'Kiosk 1' });
    const collected = await poll(request.body.requestId);
    if (collected.body.status !== 'paired') throw new Error('expected the token');
    const rows =
      f.server.server.application.repos.db.all<Record<string, unknown>>('SELECT * FROM devices');
    expect(rows[0]?.token_hash).toBe(sha256(collected.body.token));
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(collected.body.token);
    expect(dump).not.toContain(request.body.requestId);
  });

  test('a code expires after 10 minutes', async () => {
    const request = await ask();
    f.clock.advance(10 * 60_000);
    const approve = await f.admin.post('/api/devices/pair', { code: request.body.code, name: 'K' });
    expect(approve.status).toBe(404);
    expect((await poll(request.body.requestId)).status).toBe(404);
  });

  test.each([
    [
      'a code nobody shows',
      (shown: string) => ({ code: shown === '000000' ? '000001' : '000000', name: 'K' }),
      404,
    ],
    ['a code of 5 digits', (shown: string) => ({ code: shown.slice(1), name: 'K' }), 400],
    ['no name', (shown: string) => ({ code: shown }), 400],
  ])('approving %s is refused', async (_name, body, status) => {
    const shown = (await ask()).body.code;
    expect((await f.admin.post('/api/devices/pair', body(shown))).status).toBe(status);
  });

  test.each([
    [{ kind: 'printer' }],
    [{ kind: 'kiosk', name: '' }],
    [{ kind: 'kiosk', token: 'x' }],
  ])('refuses the pairing request %j', async (body) => {
    expect((await ask(body)).status).toBe(400);
  });

  test('an unknown or malformed request id is not found', async () => {
    expect((await poll('x'.repeat(32))).status).toBe(404);
    expect((await poll('not valid!')).status).toBe(404);
  });

  test('limits pairing requests per address', async () => {
    for (let i = 0; i < 10; i++) expect((await ask()).status).toBe(201);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(codeOf(limited.body)).toBe('rate_limited');
  });

  describe('a paired device', () => {
    test('authenticates HTTP with Authorization: Device <token>', async () => {
      const { token } = await pairDevice(f.server, f.admin, 'kiosk');
      const ok = await f.anonymous.request('GET', '/api/services', {
        headers: { authorization: `Device ${token}` },
      });
      expect(ok.status).toBe(200);
      for (const authorization of [`Device ${token}x`, 'Device ', `Bearer ${token}`]) {
        const refused = await f.anonymous.request('GET', '/api/services', {
          headers: { authorization },
        });
        expect(refused.status).toBe(401);
        expect(codeOf(refused.body)).toBe('unauthenticated');
      }
    });

    test('authenticates Socket.IO with auth.deviceToken; a bad token is refused', async () => {
      const { token } = await pairDevice(f.server, f.admin, 'display');
      const socket = await openSocket(f.server.url, { deviceToken: token });
      expect(socket.connected).toBe(true);
      socket.close();
      await expect(openSocket(f.server.url, { deviceToken: 'x'.repeat(43) })).rejects.toThrow(
        'unauthenticated',
      );
    });

    test('revoked: its token stops working and its sockets are disconnected', async () => {
      const { id, token } = await pairDevice(f.server, f.admin, 'display');
      const socket = await openSocket(f.server.url, { deviceToken: token });
      const gone = disconnected(socket);

      const revoked = await f.admin.request('DELETE', `/api/devices/${id}`);

      expect(revoked.status).toBe(204);
      await gone;
      const refused = await f.anonymous.request('GET', '/api/state', {
        headers: { authorization: `Device ${token}` },
      });
      expect(refused.status).toBe(401);
      await expect(openSocket(f.server.url, { deviceToken: token })).rejects.toThrow();
      expect((await f.admin.get<Device[]>('/api/devices')).body).toEqual([]);
      expect((await f.admin.request('DELETE', `/api/devices/${id}`)).status).toBe(404);
    });
  });
});
