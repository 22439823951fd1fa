import {
  AuthService,
  LOCKOUT,
  LOGIN_RATE,
  type LiveSession,
  type PasswordVerifier,
} from '../../../server/src/auth/auth-service';
import { verifyPassword } from '../../../server/src/auth/passwords';
import { DomainError } from '../../../server/src/domain/errors';
import { addStaff, STAFF_PASSWORD, useSecurityServer } from './support';

/**
 * A password check that holds every call at a gate until the test opens it, so the
 * attempts are truly under way together; `calls` counts those that reached it.
 */
function gatedVerifier() {
  const waiting: Array<() => void> = [];
  const gate = {
    calls: 0,
    verify: async (storedHash: string, password: string): Promise<boolean> => {
      gate.calls += 1;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return verifyPassword(storedHash, password);
    },
    open(): void {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
  return gate;
}

/** The error code a settled promise was refused with, or 'ok'. */
const outcome = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('password checks under parallel attempts', () => {
  const f = useSecurityServer();

  /** An AuthService over the server's database whose password checks go through `verify`. */
  const authWith = (verify: PasswordVerifier) => {
    const { repos, runner, counters } = f.server.server.application;
    return new AuthService(repos, f.clock, { runner, counters }, { verify });
  };

  test('30 parallel wrong current passwords let only the limit reach the check; the right one is then refused', async () => {
    // Arrange
    const gate = gatedVerifier();
    const auth = authWith(gate.verify);
    const lanId = await addStaff(f.server, 'lan', 'clerk');
    const session = auth.session(auth.openSession(lanId).token) as LiveSession;

    // Act: all 30 start before any check finishes.
    const guesses = Array.from({ length: 30 }, () =>
      outcome(auth.changePassword(session, 'wrong password', 'lan-new-password-1')),
    );
    const reachedWhileHeld = gate.calls;
    gate.open();
    const answers = await Promise.all(guesses);
    const right = outcome(auth.changePassword(session, STAFF_PASSWORD, 'lan-new-password-1'));
    gate.open();

    // Assert
    expect(reachedWhileHeld).toBe(LOGIN_RATE.perUser.limit);
    expect(answers.filter((a) => a === 'invalid_credentials')).toHaveLength(
      LOGIN_RATE.perUser.limit,
    );
    expect(answers.filter((a) => a === 'rate_limited')).toHaveLength(30 - LOGIN_RATE.perUser.limit);
    expect(await right).toBe('rate_limited');
    expect(gate.calls).toBe(LOGIN_RATE.perUser.limit);
  });

  test('a right password sent while the last allowed wrong one is being checked is refused unchecked', async () => {
    // Arrange: Lan is one failure from the lock.
    const gate = gatedVerifier();
    const auth = authWith(gate.verify);
    await addStaff(f.server, 'lan', 'clerk');
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) {
      const failed = outcome(auth.login('lan', 'wrong password', { ip: `10.0.5.${i}` }));
      gate.open();
      expect(await failed).toBe('invalid_credentials');
    }

    // Act
    const wrong = outcome(auth.login('lan', 'wrong password', { ip: '10.0.6.1' }));
    const right = outcome(auth.login('lan', STAFF_PASSWORD, { ip: '10.0.6.2' }));
    gate.open();

    // Assert
    expect(await wrong).toBe('invalid_credentials');
    expect(await right).toBe('account_locked');
    expect(gate.calls).toBe(LOCKOUT.maxFailures);
  });

  test('a check that throws gives its place back', async () => {
    // Arrange: the check fails four times with an error, not a verdict.
    let broken = true;
    const auth = authWith((hash, password) =>
      broken ? Promise.reject(new Error('argon2 failed')) : verifyPassword(hash, password),
    );
    await addStaff(f.server, 'lan', 'clerk');
    for (let i = 0; i < LOCKOUT.maxFailures; i++) {
      expect(await outcome(auth.login('lan', STAFF_PASSWORD, { ip: `10.0.7.${i}` }))).toBe(
        'Error: argon2 failed',
      );
    }

    // Act
    broken = false;
    const signIn = await outcome(auth.login('lan', STAFF_PASSWORD, { ip: '10.0.8.1' }));

    // Assert
    expect(signIn).toBe('ok');
  });
});
