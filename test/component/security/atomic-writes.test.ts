import type { Counter } from '../../../server/src/contract';
import { RecordingSocket } from '../../support/socket-client';
import { addStaff, signedIn, STAFF_PASSWORD, useSecurityServer } from './support';

/**
 * A sign-in, a sign-out with the counter it frees, and an admin's forced sign-out are
 * each one transaction with their audit row: when any write of one fails, none of its
 * writes is kept and nothing is announced. A trigger in the test's database makes one
 * write fail, as a full disk or a broken table would.
 */
describe('sign-in and sign-out write all or nothing', () => {
  const f = useSecurityServer();
  let lanId: number;

  beforeEach(async () => {
    lanId = await addStaff(f.server, 'lan', 'clerk');
  });

  const db = () => f.server.server.application.repos.db;
  const failWhen = (table: 'audit_log' | 'counters', event: string, condition: string) =>
    db().exec(
      `CREATE TRIGGER fail_write BEFORE ${event} ON ${table} WHEN ${condition}
       BEGIN SELECT RAISE(ABORT, 'write failed'); END`,
    );
  const auditActions = () =>
    f.server.server.application.repos.audit.list(1000).map((entry) => entry.action);
  const liveSessionsOfLan = () =>
    f.server.server.application.repos.staff
      .liveSessions(f.clock.now())
      .filter((session) => session.staffId === lanId);
  const holderOf = async (counterId: number) =>
    (await f.admin.get<Counter[]>('/api/counters')).body.find((c) => c.id === counterId)?.staff
      ?.id ?? null;

  test('a sign-in whose audit row fails keeps no session and no reset of the failure count', async () => {
    // Arrange: two failures on record; the audit row of a successful sign-in cannot be written.
    const client = await signedIn(f.server, 'admin', f.server.adminPassword);
    for (let i = 0; i < 2; i++) {
      await client.post('/api/auth/login', { username: 'lan', password: 'wrong password' });
    }
    failWhen('audit_log', 'INSERT', "NEW.action = 'auth.login'");

    // Act
    const response = await client.post('/api/auth/login', {
      username: 'lan',
      password: STAFF_PASSWORD,
    });

    // Assert
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(liveSessionsOfLan()).toEqual([]);
    expect(f.server.server.application.repos.staff.get(lanId)?.failedLogins).toBe(2);
  });

  test('a sign-out whose counter cannot be freed keeps the session, the counter and no audit row', async () => {
    // Arrange: Lan holds counter 5; freeing a counter fails.
    const lan = await signedIn(f.server, 'lan');
    expect((await lan.post('/api/counters/5/sign-in')).status).toBe(200);
    failWhen('counters', 'UPDATE OF staff_id', 'NEW.staff_id IS NULL');

    // Act
    const response = await lan.post('/api/auth/logout');

    // Assert
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect((await lan.get('/api/auth/me')).status).toBe(200);
    expect(await holderOf(5)).toBe(lanId);
    expect(auditActions()).not.toContain('auth.logout');
  });

  test('a sign-out whose audit row fails keeps the session and the counter, and tells no screen', async () => {
    // Arrange: Lan holds counter 5 and a hall screen listens; the sign-out's audit row fails.
    const lan = await signedIn(f.server, 'lan');
    expect((await lan.post('/api/counters/5/sign-in')).status).toBe(200);
    const screen = new RecordingSocket(f.server.url, ['counter:updated']);
    await screen.waitFor(() => screen.snapshots.length > 0);
    failWhen('audit_log', 'INSERT', "NEW.action = 'auth.logout'");

    try {
      // Act: the failed sign-out, then a change the screen must hear (the barrier).
      const response = await lan.post('/api/auth/logout');
      expect((await f.admin.post('/api/counters/6/sign-in')).status).toBe(200);
      await screen.waitFor(() => screen.received.length > 0);

      // Assert: the first thing the screen heard is counter 6 taken, not counter 5 freed.
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect((await lan.get('/api/auth/me')).status).toBe(200);
      expect(await holderOf(5)).toBe(lanId);
      const first = screen.received[0];
      expect(first?.type === 'counter:updated' && first.payload.counter.id).toBe(6);
    } finally {
      screen.close();
    }
  });

  test('a forced sign-out whose audit row fails leaves the clerk at the counter and tells no screen', async () => {
    // Arrange: Lan holds counter 5; the admin's forced sign-out cannot be audited.
    const lan = await signedIn(f.server, 'lan');
    expect((await lan.post('/api/counters/5/sign-in')).status).toBe(200);
    const screen = new RecordingSocket(f.server.url, ['counter:updated']);
    await screen.waitFor(() => screen.snapshots.length > 0);
    failWhen('audit_log', 'INSERT', "NEW.action = 'counter.force_sign_out'");

    try {
      // Act
      const response = await f.admin.post('/api/counters/5/sign-out');
      expect((await f.admin.post('/api/counters/6/sign-in')).status).toBe(200);
      await screen.waitFor(() => screen.received.length > 0);

      // Assert
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(await holderOf(5)).toBe(lanId);
      const first = screen.received[0];
      expect(first?.type === 'counter:updated' && first.payload.counter.id).toBe(6);
    } finally {
      screen.close();
    }
  });

  test("an admin's revoke whose counter cannot be freed keeps the session, the counter and no audit row", async () => {
    // Arrange: Lan holds counter 5 on her only session; freeing a counter fails.
    const lan = await signedIn(f.server, 'lan');
    expect((await lan.post('/api/counters/5/sign-in')).status).toBe(200);
    const [session] = liveSessionsOfLan();
    failWhen('counters', 'UPDATE OF staff_id', 'NEW.staff_id IS NULL');

    // Act
    const response = await f.admin.request('DELETE', `/api/sessions/${session?.id}`);

    // Assert
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect((await lan.get('/api/auth/me')).status).toBe(200);
    expect(await holderOf(5)).toBe(lanId);
    expect(auditActions()).not.toContain('session.revoke');
  });

  test('a forced sign-out that succeeds is audited with who held the counter', async () => {
    const lan = await signedIn(f.server, 'lan');
    expect((await lan.post('/api/counters/5/sign-in')).status).toBe(200);

    const response = await f.admin.post('/api/counters/5/sign-out');

    expect(response.status).toBe(200);
    const entry = f.server.server.application.repos.audit.list(1)[0];
    expect(entry).toMatchObject({
      action: 'counter.force_sign_out',
      username: 'admin',
      target: 'counter:5',
      details: { heldBy: lanId, heldByName: 'lan' },
    });
    expect(entry?.ip).toMatch(/127\.0\.0\.1/);
  });
});
