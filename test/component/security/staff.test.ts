import type {
  CreateStaffResponse,
  ResetPasswordResponse,
  StaffAccount,
  StaffAccountResponse,
} from '../../../server/src/contract';
import type { Counter } from '../../../server/src/contract';
import {
  addStaff,
  codeOf,
  disconnected,
  openSocket,
  sessionCookie,
  signedIn,
  useSecurityServer,
} from './support';

describe('staff accounts', () => {
  const f = useSecurityServer();

  describe('POST /api/staff', () => {
    test('without a password generates one, returns it once, and requires a change', async () => {
      const response = await f.admin.post<CreateStaffResponse>('/api/staff', {
        username: 'lan.nguyen',
        displayName: 'Nguyễn Thị Lan',
        role: 'clerk',
      });

      expect(response.status).toBe(201);
      expect(response.body.password).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(response.body.user).toEqual({
        id: expect.any(Number),
        username: 'lan.nguyen',
        displayName: 'Nguyễn Thị Lan',
        role: 'clerk',
        mustChangePassword: true,
        active: true,
        lockedUntil: null,
        createdAt: expect.any(String),
      });
      const list = await f.admin.get<StaffAccount[]>('/api/staff');
      expect(JSON.stringify(list.body)).not.toContain(response.body.password as string);
    });

    test('with a password keeps it and does not require a change', async () => {
      const response = await f.admin.post<CreateStaffResponse>('/api/staff', {
        username: 'minh',
        displayName: 'Trần Văn Minh',
        role: 'supervisor',
        password: 'chosen by the admin',
      });
      expect(response.status).toBe(201);
      expect(response.body.password).toBeUndefined();
      expect(response.body.user.mustChangePassword).toBe(false);
      await signedIn(f.server, 'minh', 'chosen by the admin');
    });

    test.each([
      [{ username: 'x', displayName: 'X', role: 'clerk' }, 'validation_failed'],
      [{ username: 'has space', displayName: 'X', role: 'clerk' }, 'validation_failed'],
      [{ username: 'ok', displayName: 'X', role: 'root' }, 'validation_failed'],
      [{ username: 'ok', displayName: '', role: 'clerk' }, 'validation_failed'],
      [{ username: 'ok', displayName: 'X\u0007', role: 'clerk' }, 'validation_failed'],
      [{ username: 'ok', displayName: 'X', role: 'clerk', admin: true }, 'validation_failed'],
      [{ username: 'ok', displayName: 'X', role: 'clerk', password: 'short' }, 'weak_password'],
      [{ username: 'ADMIN', displayName: 'X', role: 'clerk' }, 'username_taken'],
    ])('refuses %j with %s and creates nothing', async (body, code) => {
      const response = await f.admin.post('/api/staff', body);
      expect(codeOf(response.body)).toBe(code);
      expect((await f.admin.get<StaffAccount[]>('/api/staff')).body).toHaveLength(1);
    });
  });

  test('GET /api/staff never shows a password hash', async () => {
    await addStaff(f.server, 'lan', 'clerk');
    const response = await f.admin.get<StaffAccount[]>('/api/staff');
    expect(response.body.map((s) => s.username)).toEqual(['admin', 'lan']);
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|password_?hash/i);
  });

  describe('PATCH /api/staff/:id', () => {
    test('renames and changes the role', async () => {
      const id = await addStaff(f.server, 'lan', 'clerk');
      const response = await f.admin.request<StaffAccountResponse>('PATCH', `/api/staff/${id}`, {
        body: { displayName: 'Nguyễn Thị Lan', role: 'supervisor' },
      });
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({
        displayName: 'Nguyễn Thị Lan',
        role: 'supervisor',
      });
    });

    test('deactivating ends the sessions, disconnects the sockets and frees the counter', async () => {
      const id = await addStaff(f.server, 'lan', 'clerk');
      const lan = await signedIn(f.server, 'lan');
      await lan.post('/api/counters/3/sign-in');
      const socket = await openSocket(f.server.url, { cookie: sessionCookie(f.server, id) });
      const gone = disconnected(socket);

      const response = await f.admin.request('PATCH', `/api/staff/${id}`, {
        body: { active: false },
      });

      expect(response.status).toBe(200);
      await gone;
      expect((await lan.get('/api/auth/me')).status).toBe(401);
      const counters = await f.admin.get<Counter[]>('/api/counters');
      expect(counters.body.find((c) => c.number === 3)?.staff).toBeNull();
    });

    test('refuses to demote or deactivate the last active admin', async () => {
      for (const body of [{ role: 'clerk' }, { active: false }]) {
        const response = await f.admin.request('PATCH', '/api/staff/1', { body });
        expect(response.status).toBe(409);
        expect(codeOf(response.body)).toBe('last_admin');
      }
      const other = await addStaff(f.server, 'second', 'admin');
      f.server.server.application.repos.staff.update(other, { active: false });
      expect(
        (await f.admin.request('PATCH', '/api/staff/1', { body: { role: 'clerk' } })).status,
      ).toBe(409);
    });

    test('lets an admin step down when another admin is active', async () => {
      await addStaff(f.server, 'second', 'admin');
      const response = await f.admin.request('PATCH', '/api/staff/1', {
        body: { role: 'supervisor' },
      });
      expect(response.status).toBe(200);
      expect((await f.admin.get('/api/staff')).status).toBe(403);
    });

    test.each([
      ['an empty change', '1', {}, 400],
      ['an unknown field', '1', { password: 'x' }, 400],
      ['an unknown account', '999', { displayName: 'X' }, 404],
      ['a path that is no id', 'abc', { displayName: 'X' }, 404],
    ])('refuses %s', async (_name, id, body, status) => {
      const response = await f.admin.request('PATCH', `/api/staff/${id}`, { body });
      expect(response.status).toBe(status);
    });
  });

  describe('POST /api/staff/:id/reset-password', () => {
    test('sets a generated password that must be changed and ends the sessions', async () => {
      const id = await addStaff(f.server, 'lan', 'clerk');
      const lan = await signedIn(f.server, 'lan');

      const response = await f.admin.post<ResetPasswordResponse>(`/api/staff/${id}/reset-password`);

      expect(response.status).toBe(200);
      expect(response.body.user.mustChangePassword).toBe(true);
      expect((await lan.get('/api/auth/me')).status).toBe(401);
      const again = await signedIn(f.server, 'lan', response.body.password);
      expect(codeOf((await again.post('/api/counters/1/sign-in')).body)).toBe(
        'password_change_required',
      );
    });

    test('unlocks a locked account', async () => {
      const id = await addStaff(f.server, 'lan', 'clerk');
      f.server.server.application.repos.staff.setLoginState(id, 5, Number.MAX_SAFE_INTEGER);
      const response = await f.admin.post<ResetPasswordResponse>(`/api/staff/${id}/reset-password`);
      await signedIn(f.server, 'lan', response.body.password);
    });

    test('answers 404 for an unknown account', async () => {
      expect((await f.admin.post('/api/staff/999/reset-password')).status).toBe(404);
    });
  });
});
