import type { AuditEntry, AuditPage } from '../../../server/src/contract';
import { addStaff, signedIn } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { errorOf, expectStatus, patchSettings, vietnamTime } from '../../support/queue-helpers';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';

/**
 * An audit trail over two days in the centre's zone (UTC+7): late on 26 November, just
 * after midnight on the 27th (still the 26th in UTC) and on the 28th.
 */
describe('GET /api/audit filters', () => {
  let server: TestServer;
  let clock: ManualClock;
  let admin: ApiClient;
  let clerkId: number;

  beforeAll(async () => {
    clock = new ManualClock(vietnamTime('2026-11-26', '23:30'));
    server = await startTestServer({ clock });
    clerkId = await addStaff(server, 'lan.nguyen', 'clerk');
    admin = await signedIn(server, server.adminUsername, server.adminPassword);
    await patchSettings(admin, { tickerText: 'Ngày 26' });
    clock.set(vietnamTime('2026-11-27', '00:10'));
    await signedIn(server, 'lan.nguyen');
    await patchSettings(admin, { tickerText: 'Ngày 27' });
    const wrong = await new ApiClient(server.url).post('/api/auth/login', {
      username: 'LAN.NGUYEN',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    // Sessions lapse overnight: the admin signs in again (an auth.login of the 28th).
    clock.set(vietnamTime('2026-11-28', '09:00'));
    admin = await signedIn(server, server.adminUsername, server.adminPassword);
    await patchSettings(admin, { tickerText: 'Ngày 28' });
  });

  afterAll(() => server.stop());

  const audit = async (query: string): Promise<AuditEntry[]> =>
    expectStatus(await admin.get<AuditPage>(`/api/audit?${query}`), 200).entries;
  const summary = (entries: AuditEntry[]) =>
    entries.map((e) => `${e.action} ${e.username ?? '-'} ${e.at.slice(0, 16)}`);

  test('action= gives only that action, newest first', async () => {
    // Act
    const entries = await audit('action=settings.update');

    // Assert
    expect(summary(entries)).toEqual([
      'settings.update admin 2026-11-28T02:00',
      'settings.update admin 2026-11-26T17:10',
      'settings.update admin 2026-11-26T16:30',
    ]);
  });

  test('from= and to= are days on the centre’s clock, both included', async () => {
    // Act
    const day27 = await audit('from=2026-11-27&to=2026-11-27');
    const since27 = await audit('from=2026-11-27');
    const until26 = await audit('to=2026-11-26');

    // Assert: 00:10 on the 27th in Hà Nội is 17:10 on the 26th in UTC.
    expect(summary(day27)).toEqual([
      'auth.login_failed LAN.NGUYEN 2026-11-26T17:10',
      'settings.update admin 2026-11-26T17:10',
      'auth.login lan.nguyen 2026-11-26T17:10',
    ]);
    expect(since27).toHaveLength(5);
    expect(until26.every((e) => e.at < '2026-11-26T17:00')).toBe(true);
    expect(summary(until26)).toContain('settings.update admin 2026-11-26T16:30');
  });

  test('staffId= and username= give one person’s entries, failed sign-ins to the account too', async () => {
    // Act
    const byId = await audit(`staffId=${clerkId}`);
    const byName = await audit('username=Lan.Nguyen');

    // Assert
    expect(summary(byId)).toEqual([
      'auth.login_failed LAN.NGUYEN 2026-11-26T17:10',
      'auth.login lan.nguyen 2026-11-26T17:10',
    ]);
    expect(summary(byName)).toEqual([
      'auth.login_failed LAN.NGUYEN 2026-11-26T17:10',
      'auth.login lan.nguyen 2026-11-26T17:10',
    ]);
  });

  test('filters combine, and paging goes through matching entries only', async () => {
    // Act
    const first = expectStatus(
      await admin.get<AuditPage>('/api/audit?action=settings.update&username=admin&limit=2'),
      200,
    );
    const second = expectStatus(
      await admin.get<AuditPage>(
        `/api/audit?action=settings.update&username=admin&limit=2&before=${first.nextBefore}`,
      ),
      200,
    );

    // Assert
    expect(first.entries).toHaveLength(2);
    expect(first.nextBefore).not.toBeNull();
    expect(summary(second.entries)).toEqual(['settings.update admin 2026-11-26T16:30']);
    expect(second.nextBefore).toBeNull();
  });

  test.each([
    ['an unknown action', 'action=ticket.issue'],
    ['a staff id that is no number', 'staffId=abc'],
    ['a day that does not exist', 'from=2026-02-30'],
    ['a day in another form', 'to=27/11/2026'],
    ['from after to', 'from=2026-11-28&to=2026-11-27'],
    ['an empty username', 'username=%20'],
    ['an unknown parameter', 'who=admin'],
    ['a filter given twice', 'action=auth.login&action=auth.logout'],
  ])('refuses %s with 400 validation_failed', async (_what, query) => {
    // Act
    const response = await admin.get(`/api/audit?${query}`);

    // Assert
    expect(errorOf(response, 400).code).toBe('validation_failed');
  });

  test('clerks and supervisors get 403', async () => {
    // Arrange
    await addStaff(server, 'giam.sat', 'supervisor');
    const supervisor = await signedIn(server, 'giam.sat');
    const clerk = await signedIn(server, 'lan.nguyen');

    // Act
    const responses = await Promise.all(
      [supervisor, clerk].map((client) => client.get('/api/audit?action=auth.login')),
    );

    // Assert
    expect(responses.map((r) => r.status)).toEqual([403, 403]);
  });
});
