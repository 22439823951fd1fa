import { SESSION_TTL_MS } from '../../../server/src/auth/auth-service';
import type { Counter, SessionInfo } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { addStaff, codeOf, disconnected, openSocket, signedIn, useSecurityServer } from './support';

describe('sessions', () => {
  const f = useSecurityServer();

  const cookieOf = async (username: string): Promise<string> => {
    const response = await new ApiClient(f.server.url).post('/api/auth/login', {
      username,
      password: 'staff-password-1',
    });
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  test('GET /api/sessions lists live sessions with who, when and from where, newest first', async () => {
    await addStaff(f.server, 'lan', 'clerk');
    f.clock.advance(60_000);
    await new ApiClient(f.server.url).request('POST', '/api/auth/login', {
      body: { username: 'lan', password: 'staff-password-1' },
      headers: { 'user-agent': 'Counter PC 3' },
    });

    const response = await f.admin.get<SessionInfo[]>('/api/sessions');

    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(2);
    expect(response.body[0]).toEqual({
      id: expect.any(Number),
      staff: { id: expect.any(Number), username: 'lan', displayName: 'Cán bộ lan', role: 'clerk' },
      createdAt: new Date(f.clock.now()).toISOString(),
      expiresAt: new Date(f.clock.now() + SESSION_TTL_MS).toISOString(),
      ip: expect.stringMatching(/127\.0\.0\.1/),
      userAgent: 'Counter PC 3',
      current: false,
    });
    expect(response.body[1]).toMatchObject({ staff: { username: 'admin' }, current: true });
  });

  test('a session expires after 12 hours and is no longer listed', async () => {
    await addStaff(f.server, 'lan', 'clerk');
    const lan = await signedIn(f.server, 'lan');
    f.clock.advance(SESSION_TTL_MS - 1);
    expect((await lan.get('/api/auth/me')).status).toBe(200);
    f.clock.advance(1);
    expect((await lan.get('/api/auth/me')).status).toBe(401);
    expect((await f.admin.get<SessionInfo[]>('/api/sessions')).status).toBe(401);
  });

  test('DELETE /api/sessions/:id makes the next request 401 and disconnects the sockets', async () => {
    await addStaff(f.server, 'lan', 'clerk');
    const cookie = await cookieOf('lan');
    const lan = new ApiClient(f.server.url);
    const socket = await openSocket(f.server.url, { cookie });
    const gone = disconnected(socket);
    const sessions = await f.admin.get<SessionInfo[]>('/api/sessions');
    const target = sessions.body.find((s) => s.staff.username === 'lan');

    const response = await f.admin.request('DELETE', `/api/sessions/${target?.id}`);

    expect(response.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    const me = await lan.request('GET', '/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(401);
    expect((await f.admin.get<SessionInfo[]>('/api/sessions')).body).toHaveLength(1);
  });

  test("revoking a clerk's last session frees the counter they held", async () => {
    await addStaff(f.server, 'lan', 'clerk');
    const lan = await signedIn(f.server, 'lan');
    await lan.post('/api/counters/5/sign-in');
    const sessions = await f.admin.get<SessionInfo[]>('/api/sessions');
    const target = sessions.body.find((s) => s.staff.username === 'lan');
    await f.admin.request('DELETE', `/api/sessions/${target?.id}`);
    const counters = await f.admin.get<Counter[]>('/api/counters');
    expect(counters.body.find((c) => c.number === 5)?.staff).toBeNull();
  });

  test('a clerk holds the counter while signed in somewhere; the last sign-out frees it', async () => {
    // Arrange: Lan at counter 5 on the counter PC, and signed in on a tablet too.
    const lanId = await addStaff(f.server, 'lan', 'clerk');
    const desk = await signedIn(f.server, 'lan');
    const tablet = await signedIn(f.server, 'lan');
    expect((await desk.post('/api/counters/5/sign-in')).status).toBe(200);
    const holder = async () =>
      (await f.admin.get<Counter[]>('/api/counters')).body.find((c) => c.number === 5)?.staff;

    // Act / Assert: signing out on the tablet leaves the counter hers; then the desk's.
    expect((await tablet.post('/api/auth/logout')).status).toBe(204);
    expect(await holder()).toMatchObject({ id: lanId });
    expect((await desk.post('/api/auth/logout')).status).toBe(204);
    expect(await holder()).toBeNull();
  });

  test("a password reset ends the clerk's sessions and frees the counter", async () => {
    // Arrange
    const lanId = await addStaff(f.server, 'lan', 'clerk');
    const lan = await signedIn(f.server, 'lan');
    expect((await lan.post('/api/counters/5/sign-in')).status).toBe(200);

    // Act
    const reset = await f.admin.post(`/api/staff/${lanId}/reset-password`);

    // Assert
    expect(reset.status).toBe(200);
    const counters = await f.admin.get<Counter[]>('/api/counters');
    expect(counters.body.find((c) => c.number === 5)?.staff).toBeNull();
    expect((await lan.get('/api/auth/me')).status).toBe(401);
  });

  test('signing out keeps the socket connected: the screen carries on as anonymous', async () => {
    await addStaff(f.server, 'lan', 'clerk');
    const cookie = await cookieOf('lan');
    const socket = await openSocket(f.server.url, { cookie });
    await new ApiClient(f.server.url).request('POST', '/api/auth/logout', { headers: { cookie } });
    const ack = await socket.timeout(5000).emitWithAck('sync', { sinceSeq: 0 });
    expect(ack).toHaveProperty('data');
    expect(socket.connected).toBe(true);
    socket.close();
  });

  test.each([
    ['999', 404, 'not_found'],
    ['abc', 404, 'not_found'],
  ])('DELETE /api/sessions/%s answers %d', async (id, status, code) => {
    const response = await f.admin.request('DELETE', `/api/sessions/${id}`);
    expect(response.status).toBe(status);
    expect(codeOf(response.body)).toBe(code);
  });

  test('a revoked session cannot be revoked twice', async () => {
    const sessions = await f.admin.get<SessionInfo[]>('/api/sessions');
    await addStaff(f.server, 'boss', 'admin');
    const other = await signedIn(f.server, 'boss');
    const id = sessions.body[0]?.id;
    expect((await other.request('DELETE', `/api/sessions/${id}`)).status).toBe(204);
    expect((await other.request('DELETE', `/api/sessions/${id}`)).status).toBe(404);
    expect((await f.admin.get('/api/auth/me')).status).toBe(401);
  });
});
