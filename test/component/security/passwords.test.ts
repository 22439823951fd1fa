import pino from 'pino';
import { loadConfig } from '../../../server/src/config';
import { startServer } from '../../../server/src/server';
import { ApiClient } from '../../support/api-client';
import { ManualClock, tempDataDir } from '../../support/test-server';
import { addStaff, codeOf, signedIn, STAFF_PASSWORD, useSecurityServer } from './support';

describe('passwords', () => {
  const f = useSecurityServer();

  describe('POST /api/auth/change-password', () => {
    test('changes the password: the new one signs in, the old one no longer does', async () => {
      await addStaff(f.server, 'lan', 'clerk');
      const lan = await signedIn(f.server, 'lan');

      const response = await lan.post('/api/auth/change-password', {
        currentPassword: STAFF_PASSWORD,
        newPassword: 'a much better password',
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ user: { username: 'lan', mustChangePassword: false } });
      const old = await new ApiClient(f.server.url).post('/api/auth/login', {
        username: 'lan',
        password: STAFF_PASSWORD,
      });
      expect(old.status).toBe(401);
      await signedIn(f.server, 'lan', 'a much better password');
    });

    test.each([
      ['shorter than 10 characters', 'short-pw', 422, 'weak_password'],
      ['10 characters with diacritics counted as 10', 'mật khẩu 1', 200, undefined],
      ['the current one again', STAFF_PASSWORD, 422, 'weak_password'],
      ['the username', 'lan.nguyen', 422, 'weak_password'],
    ])('answers a new password that is %s', async (_name, newPassword, status, code) => {
      await addStaff(f.server, 'lan.nguyen', 'clerk');
      const lan = await signedIn(f.server, 'lan.nguyen');
      const response = await lan.post('/api/auth/change-password', {
        currentPassword: STAFF_PASSWORD,
        newPassword: newPassword.normalize('NFD'),
      });
      expect(response.status).toBe(status);
      expect(codeOf(response.body)).toBe(code);
    });

    test('refuses a wrong current password with 401 and keeps the old one', async () => {
      await addStaff(f.server, 'lan', 'clerk');
      const lan = await signedIn(f.server, 'lan');
      const response = await lan.post('/api/auth/change-password', {
        currentPassword: 'not my password',
        newPassword: 'a much better password',
      });
      expect(response.status).toBe(401);
      expect(codeOf(response.body)).toBe('invalid_credentials');
      expect((await lan.get('/api/auth/me')).status).toBe(200);
      await signedIn(f.server, 'lan');
    });

    test('ends the other sessions of the account and keeps this one', async () => {
      await addStaff(f.server, 'lan', 'clerk');
      const desk = await signedIn(f.server, 'lan');
      const phone = await signedIn(f.server, 'lan');
      await desk.post('/api/auth/change-password', {
        currentPassword: STAFF_PASSWORD,
        newPassword: 'a much better password',
      });
      expect((await desk.get('/api/auth/me')).status).toBe(200);
      expect((await phone.get('/api/auth/me')).status).toBe(401);
    });

    test('needs a session', async () => {
      const response = await new ApiClient(f.server.url).post('/api/auth/change-password', {
        currentPassword: 'x',
        newPassword: 'a much better password',
      });
      expect(response.status).toBe(401);
    });

    test('refuses unknown fields', async () => {
      const response = await f.admin.post('/api/auth/change-password', {
        currentPassword: f.server.adminPassword,
        newPassword: 'a much better password',
        role: 'admin',
      });
      expect(response.status).toBe(400);
      expect(codeOf(response.body)).toBe('validation_failed');
    });
  });

  describe('a generated password', () => {
    async function newClerkWithGeneratedPassword(): Promise<{
      client: ApiClient;
      password: string;
    }> {
      const created = await f.admin.post<{ password: string }>('/api/staff', {
        username: 'minh',
        displayName: 'Trần Minh',
        role: 'clerk',
      });
      expect(created.status).toBe(201);
      const client = await signedIn(f.server, 'minh', created.body.password);
      return { client, password: created.body.password };
    }

    test('must be changed before anything but me, change-password and logout', async () => {
      const { client } = await newClerkWithGeneratedPassword();

      const me = await client.get('/api/auth/me');
      const counter = await client.post('/api/counters/1/sign-in');
      const tickets = await client.get('/api/tickets?list=parked');

      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ user: { username: 'minh', mustChangePassword: true } });
      for (const refused of [counter, tickets]) {
        expect(refused.status).toBe(403);
        expect(codeOf(refused.body)).toBe('password_change_required');
      }
      expect((await client.get('/api/services')).status).toBe(200);
    });

    test('once changed, the account works', async () => {
      const { client, password } = await newClerkWithGeneratedPassword();
      const changed = await client.post('/api/auth/change-password', {
        currentPassword: password,
        newPassword: 'my own password 123',
      });
      expect(changed.status).toBe(200);
      expect((await client.post('/api/counters/1/sign-in')).status).toBe(200);
    });

    test('still lets the user sign out', async () => {
      const { client } = await newClerkWithGeneratedPassword();
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      expect((await client.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('the first admin', () => {
    test('with a generated password must change it', async () => {
      const dataDir = tempDataDir();
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LUOT_DATA_DIR: dataDir });
      const first = await startServer(config, {
        clock: new ManualClock(),
        logger: pino({ level: 'silent' }),
      });
      try {
        expect(first.createdAdmin).toMatchObject({ username: 'admin', generated: true });
        const client = new ApiClient(first.url);
        await client.login('admin', first.createdAdmin?.password ?? '');
        const staff = await client.get('/api/staff');
        expect(staff.status).toBe(403);
        expect(codeOf(staff.body)).toBe('password_change_required');
      } finally {
        await first.stop();
      }
    });

    test('with LUOT_ADMIN_PASSWORD need not change it', async () => {
      const me = await f.admin.get('/api/auth/me');
      expect(me.body).toMatchObject({ user: { mustChangePassword: false } });
      expect((await f.admin.get('/api/staff')).status).toBe(200);
    });
  });

  test('a password set in one Unicode form signs in when typed in the other', async () => {
    await addStaff(f.server, 'hoa', 'clerk', { password: 'Mật khẩu của Hoa'.normalize('NFC') });
    await signedIn(f.server, 'hoa', 'Mật khẩu của Hoa'.normalize('NFD'));
  });
});
