import type { AuditPage, CreateStaffResponse, SessionInfo } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { RecordingSocket } from '../../support/socket-client';
import { addStaff, pairDevice, signedIn, STAFF_PASSWORD, useSecurityServer } from './support';

describe('GET /api/audit', () => {
  const f = useSecurityServer();

  const entries = async (query = '') =>
    (await f.admin.get<AuditPage>(`/api/audit${query}`)).body.entries;

  test('records every sign-in, failed or not, with the username and the address', async () => {
    await new ApiClient(f.server.url).post('/api/auth/login', { username: 'ghost', password: 'x' });
    await new ApiClient(f.server.url).post('/api/auth/login', { username: 'admin', password: 'x' });

    const [wrongPassword, unknown, success] = await entries();

    expect(success).toMatchObject({ action: 'auth.login', staffId: 1, username: 'admin' });
    expect(success?.ip).toMatch(/127\.0\.0\.1/);
    expect(success?.at).toBe(new Date(f.clock.now()).toISOString());
    expect(unknown).toMatchObject({
      action: 'auth.login_failed',
      staffId: null,
      username: 'ghost',
      details: { reason: 'unknown_user' },
    });
    expect(wrongPassword).toMatchObject({
      action: 'auth.login_failed',
      staffId: 1,
      details: { reason: 'wrong_password' },
    });
  });

  test('records admin changes, sign-outs, password changes, revocations and devices', async () => {
    const created = await f.admin.post<CreateStaffResponse>('/api/staff', {
      username: 'lan',
      displayName: 'Lan',
      role: 'clerk',
    });
    const id = created.body.user.id;
    await f.admin.request('PATCH', `/api/staff/${id}`, { body: { role: 'supervisor' } });
    const reset = await f.admin.post<{ password: string }>(`/api/staff/${id}/reset-password`);
    const lan = await signedIn(f.server, 'lan', reset.body.password);
    await lan.post('/api/auth/change-password', {
      currentPassword: reset.body.password,
      newPassword: 'lan-new-password',
    });
    await lan.post('/api/auth/logout');
    await signedIn(f.server, 'lan', 'lan-new-password');
    const sessions = await f.admin.get<SessionInfo[]>('/api/sessions');
    const session = sessions.body.find((s) => s.staff.username === 'lan');
    await f.admin.request('DELETE', `/api/sessions/${session?.id}`);
    const device = await pairDevice(f.server, f.admin, 'kiosk');
    await f.admin.request('DELETE', `/api/devices/${device.id}`);
    await f.admin.request('PATCH', '/api/settings', { body: { kioskPolicy: 'paired' } });

    const actions = (await entries()).map((e) => [e.action, e.target]).reverse();

    expect(actions).toEqual([
      ['auth.login', null],
      ['staff.create', `staff:${id}`],
      ['staff.update', `staff:${id}`],
      ['staff.password_reset', `staff:${id}`],
      ['auth.login', null],
      ['auth.password_change', null],
      ['auth.logout', null],
      ['auth.login', null],
      ['session.revoke', `session:${session?.id}`],
      ['device.pair', `device:${device.id}`],
      ['device.revoke', `device:${device.id}`],
      ['settings.update', 'kioskPolicy'],
    ]);
    const update = (await entries()).find((e) => e.action === 'staff.update');
    expect(update?.details).toMatchObject({ role: { from: 'clerk', to: 'supervisor' } });
    expect(JSON.stringify(await entries())).not.toContain(reset.body.password);
  });

  test('a settings patch records and announces only what it changes', async () => {
    // Arrange: a screen listens for centre changes.
    const screen = new RecordingSocket(f.server.url, ['centre:updated']);
    await screen.waitFor(() => screen.snapshots.length > 0);
    const patch = (body: object) => f.admin.request('PATCH', '/api/settings', { body });

    // Act: the same values as now, then one real change among unchanged ones.
    const same = await patch({ kioskPolicy: 'open', recallLimit: 3 });
    const changed = await patch({ kioskPolicy: 'paired', recallLimit: 3 });
    // The real change's announcement is the barrier: anything the unchanged patch sent
    // came before it; the round trip's answer comes after anything sent with it.
    const policies = () =>
      screen.received.map((e) => e.type === 'centre:updated' && e.payload.centre.kioskPolicy);
    await screen.waitFor(() => policies().includes('paired'));
    await screen.roundTrip();

    // Assert
    expect([same.status, changed.status]).toEqual([200, 200]);
    const updates = (await entries()).filter((e) => e.action === 'settings.update');
    expect(updates.map((e) => [e.target, e.details])).toEqual([
      ['kioskPolicy', { kioskPolicy: 'paired' }],
    ]);
    expect(policies()).toEqual(['paired']);
    screen.close();
  });

  test('records a supervisor signing a clerk out of their counter, not a clerk leaving', async () => {
    await addStaff(f.server, 'lan', 'clerk');
    await addStaff(f.server, 'tam', 'supervisor');
    const lan = await signedIn(f.server, 'lan');
    const tam = await signedIn(f.server, 'tam');
    await lan.post('/api/counters/2/sign-in');
    await lan.post('/api/counters/2/sign-out');
    await lan.post('/api/counters/2/sign-in');

    expect((await tam.post('/api/counters/2/sign-out')).status).toBe(200);

    const forced = (await entries()).filter((e) => e.action === 'counter.force_sign_out');
    expect(forced).toEqual([
      expect.objectContaining({
        username: 'tam',
        target: 'counter:2',
        details: { heldBy: expect.any(Number), heldByName: 'lan' },
      }),
    ]);
  });

  test('pages newest first with limit and before', async () => {
    for (let i = 0; i < 5; i++) {
      await new ApiClient(f.server.url).post('/api/auth/login', {
        username: `user${i}`,
        password: STAFF_PASSWORD,
      });
    }
    const first = (await f.admin.get<AuditPage>('/api/audit?limit=2')).body;
    expect(first.entries.map((e) => e.username)).toEqual(['user4', 'user3']);
    const second = (await f.admin.get<AuditPage>(`/api/audit?limit=2&before=${first.nextBefore}`))
      .body;
    expect(second.entries.map((e) => e.username)).toEqual(['user2', 'user1']);
    const last = (await f.admin.get<AuditPage>(`/api/audit?limit=10&before=${second.nextBefore}`))
      .body;
    expect(last.entries.map((e) => e.username)).toEqual(['user0', 'admin']);
    expect(last.nextBefore).toBeNull();
  });

  test.each(['limit=0', 'limit=201', 'limit=abc', 'before=-1', 'order=asc', 'limit=1&limit=2'])(
    'refuses ?%s',
    async (query) => {
      expect((await f.admin.get(`/api/audit?${query}`)).status).toBe(400);
    },
  );
});
