import { LOCKOUT, LOGIN_RATE } from '../../../server/src/auth/auth-service';
import { ApiClient, type ApiResponse } from '../../support/api-client';
import { addStaff, codeOf, STAFF_PASSWORD, useSecurityServer } from './support';

/**
 * How many sign-in attempts from the test's addresses (10.x) reached the password check:
 * each leaves one audit row, and a refusal for a lock says so in its reason.
 */
function passwordChecks(f: ReturnType<typeof useSecurityServer>): number {
  return f.server.server.application.repos.audit
    .list(10_000)
    .filter(
      (entry) =>
        entry.ip?.startsWith('10.') &&
        (entry.action === 'auth.login' ||
          (entry.action === 'auth.login_failed' && entry.details.reason !== 'locked')),
    ).length;
}

describe('sign-in limits under parallel attempts', () => {
  const f = useSecurityServer();

  // The app trusts X-Forwarded-For from a loopback proxy, so each request can come from its own address.
  const attempt = (username: string, password: string, ip: string): Promise<ApiResponse> =>
    new ApiClient(f.server.url).post(
      '/api/auth/login',
      { username, password },
      { 'x-forwarded-for': ip },
    );

  test('120 parallel wrong passwords from 120 addresses let 5 reach the check; the right one then gets 423', async () => {
    // Arrange
    await addStaff(f.server, 'lan', 'clerk');

    // Act
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) => attempt('lan', 'wrong password', `10.0.1.${i + 1}`)),
    );
    const right = await attempt('lan', STAFF_PASSWORD, '10.0.2.1');

    // Assert
    expect(passwordChecks(f)).toBe(LOCKOUT.maxFailures);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(LOCKOUT.maxFailures);
    expect(answers.filter((a) => a.status === 423)).toHaveLength(120 - LOCKOUT.maxFailures);
    expect(right.status).toBe(423);
    expect(codeOf(right.body)).toBe('account_locked');
  });

  test('120 parallel attempts on 120 names from one address let only the per-IP limit through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) => attempt(`ghost${i}`, 'guess', '10.0.3.1')),
    );

    expect(passwordChecks(f)).toBe(LOGIN_RATE.perIp.limit);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(120 - LOGIN_RATE.perIp.limit);
  });
});
