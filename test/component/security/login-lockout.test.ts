import { LOCKOUT, LOGIN_RATE } from '../../../server/src/auth/auth-service';
import { ApiClient } from '../../support/api-client';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { addStaff, codeOf, STAFF_PASSWORD } from './support';

describe('sign-in lockout and rate limits', () => {
  let clock: ManualClock;
  let server: TestServer;
  let client: ApiClient;
  let lanId: number;

  beforeEach(async () => {
    clock = new ManualClock();
    server = await startTestServer({ clock });
    client = new ApiClient(server.url);
    lanId = await addStaff(server, 'lan', 'clerk');
  });

  afterEach(() => server.stop());

  const attempt = (password: string, username = 'lan') =>
    client.post('/api/auth/login', { username, password });
  const stored = () => server.server.application.repos.staff.get(lanId);

  test('locks the account for 15 minutes after 5 failures, even against the right password', async () => {
    for (let i = 1; i <= LOCKOUT.maxFailures; i++) {
      const failed = await attempt('wrong password');
      expect(failed.status).toBe(401);
      expect(stored()?.failedLogins).toBe(i);
    }
    expect(stored()?.lockedUntil).toBe(clock.now() + 15 * 60 * 1000);

    const locked = await attempt(STAFF_PASSWORD);
    expect(locked.status).toBe(423);
    expect(codeOf(locked.body)).toBe('account_locked');

    clock.advance(15 * 60 * 1000 - 1);
    expect((await attempt(STAFF_PASSWORD)).status).toBe(423);
    clock.advance(1);
    expect((await attempt(STAFF_PASSWORD)).status).toBe(200);
    expect(stored()).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  test('a password reset by an admin lets the locked-out clerk in at once', async () => {
    // Arrange: Lan keeps trying while locked, until the per-user limit answers 429.
    let last = await attempt('wrong password');
    while (last.status !== 429) last = await attempt('wrong password');
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);

    // Act
    const reset = await admin.post<{ password: string }>(`/api/staff/${lanId}/reset-password`);
    const signIn = await attempt(reset.body.password);

    // Assert
    expect(reset.status).toBe(200);
    expect(signIn.status).toBe(200);
  });

  test('a success before the limit resets the count', async () => {
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await attempt('wrong password');
    expect((await attempt(STAFF_PASSWORD)).status).toBe(200);
    expect(stored()?.failedLogins).toBe(0);
    expect((await attempt('wrong password')).status).toBe(401);
    expect(stored()?.failedLogins).toBe(1);
  });

  test('locking one account leaves the others alone', async () => {
    await addStaff(server, 'minh', 'clerk');
    for (let i = 0; i < LOCKOUT.maxFailures; i++) await attempt('wrong password');
    expect((await attempt(STAFF_PASSWORD, 'minh')).status).toBe(200);
  });

  test('after a lock expires, failures count from zero again', async () => {
    for (let i = 0; i < LOCKOUT.maxFailures; i++) await attempt('wrong password');
    clock.advance(LOCKOUT.lockMs);
    expect((await attempt('wrong password')).status).toBe(401);
    expect(stored()).toMatchObject({ failedLogins: 1, lockedUntil: null });
  });

  test('an unknown username answers exactly as an account does: 401 five times, then 423, then 429', async () => {
    // Arrange: the same wrong guesses at a real account and at a name no account has.
    const statuses = async (username: string) => {
      const seen: number[] = [];
      for (let i = 0; i < LOGIN_RATE.perUser.limit + 1; i++) {
        seen.push((await attempt('wrong password', username)).status);
      }
      return seen;
    };

    // Act
    const real = await statuses('lan');
    const unknown = await statuses('ghost');

    // Assert
    const expected = [
      ...Array<number>(LOCKOUT.maxFailures).fill(401),
      ...Array<number>(LOGIN_RATE.perUser.limit - LOCKOUT.maxFailures).fill(423),
      429,
    ];
    expect(real).toEqual(expected);
    expect(unknown).toEqual(expected);
  });

  test('keeps an unknown name locked across a restart, as an account stays locked', async () => {
    for (const username of ['lan', 'ghost']) {
      for (let i = 0; i < LOCKOUT.maxFailures; i++) await attempt('wrong password', username);
    }
    await server.stop();

    server = await startTestServer({ clock, dataDir: server.dataDir });
    client = new ApiClient(server.url);

    expect((await attempt(STAFF_PASSWORD, 'lan')).status).toBe(423);
    expect((await attempt('wrong password', 'ghost')).status).toBe(423);
    clock.advance(LOCKOUT.lockMs);
    expect((await attempt('wrong password', 'ghost')).status).toBe(401);
  });

  test('counts an unknown name in any case, spacing and Unicode form as one name, and unlocks it on time', async () => {
    const composed = 'ngân';
    const decomposed = composed.normalize('NFD');
    const forms = [composed, decomposed, 'NGÂN', ' Ngân ', decomposed.toUpperCase()];
    for (const form of forms) expect((await attempt('guess', form)).status).toBe(401);
    expect((await attempt('guess', 'Ngân')).status).toBe(423);

    clock.advance(LOCKOUT.lockMs);
    expect((await attempt('guess', composed)).status).toBe(401);
  });

  test('limits attempts per IP and username, and lets the same address try another name', async () => {
    let last = await attempt('guess', 'ghost');
    for (let i = 1; i < LOGIN_RATE.perUser.limit; i++) last = await attempt('guess', 'ghost');
    expect(last.status).toBe(423);
    const limited = await attempt('guess', 'ghost');
    expect(limited.status).toBe(429);
    expect(codeOf(limited.body)).toBe('rate_limited');
    expect((await attempt(STAFF_PASSWORD)).status).toBe(200);
    clock.advance(LOGIN_RATE.perUser.windowMs);
    expect((await attempt('guess', 'ghost')).status).toBe(401);
  });

  test('an inactive account cannot sign in and is not told apart from a wrong password', async () => {
    server.server.application.repos.staff.update(lanId, { active: false });
    const response = await attempt(STAFF_PASSWORD);
    expect(response.status).toBe(401);
    expect(codeOf(response.body)).toBe('invalid_credentials');
  });
});
