import {
  SignInGuard,
  type AccountFailures,
  type FailureRecord,
} from '../../../server/src/auth/sign-in-guard';
import { ManualClock } from '../../support/test-server';

const POLICY = { maxFailures: 3, lockMs: 60_000 };

/** Accounts kept in a map, as the staff table keeps them. */
function accounts(names: string[]): AccountFailures & { rows: Map<string, FailureRecord> } {
  const rows = new Map<string, FailureRecord>(
    names.map((name) => [name, { failures: 0, lockedUntil: null }]),
  );
  return {
    rows,
    load: (name) => rows.get(name),
    save: (name, record) => {
      rows.set(name, record);
    },
  };
}

describe('SignInGuard', () => {
  test('admits no more attempts under way than failures left before the lock', () => {
    const guard = new SignInGuard(new ManualClock(), POLICY, accounts([]));

    const admitted = [1, 2, 3, 4, 5].map(() => guard.admit('ghost'));

    expect(admitted.map((attempt) => attempt !== null)).toEqual([true, true, true, false, false]);
  });

  test('a released attempt gives its place back once, however often it is released', () => {
    const guard = new SignInGuard(new ManualClock(), POLICY, accounts([]));
    const [first, second] = [guard.admit('ghost'), guard.admit('ghost')];
    guard.admit('ghost');

    first?.release();
    first?.release();

    expect(guard.admit('ghost')).not.toBeNull();
    expect(guard.admit('ghost')).toBeNull();
    second?.release();
    expect(guard.admit('ghost')).not.toBeNull();
  });

  test('locks a name at the limit, in the account row for accounts and in memory for others', () => {
    const clock = new ManualClock();
    const store = accounts(['lan']);
    const guard = new SignInGuard(clock, POLICY, store);
    const fail = (name: string) => {
      const attempt = guard.admit(name);
      const locked = attempt?.failed();
      attempt?.release();
      return locked;
    };

    const lan = [fail('Lan'), fail('LAN'), fail(' lan ')];
    const ghost = [fail('ghost'), fail('Ghost'), fail('GHOST')];

    expect(lan).toEqual([false, false, true]);
    expect(ghost).toEqual([false, false, true]);
    expect(store.rows.get('lan')).toEqual({ failures: 3, lockedUntil: clock.now() + 60_000 });
    expect(store.rows.has('ghost')).toBe(false);
    expect(guard.admit('lan')).toBeNull();
    expect(guard.admit('ghost')).toBeNull();
    clock.advance(60_000);
    expect(guard.admit('lan')).not.toBeNull();
    expect(guard.admit('ghost')).not.toBeNull();
  });

  test('a success clears the count; forget clears an unknown name', () => {
    const store = accounts(['lan']);
    const guard = new SignInGuard(new ManualClock(), POLICY, store);
    for (const name of ['lan', 'lan', 'ghost', 'ghost']) {
      const attempt = guard.admit(name);
      attempt?.failed();
      attempt?.release();
    }

    const success = guard.admit('lan');
    success?.succeeded();
    success?.release();
    guard.forget('Ghost');

    expect(store.rows.get('lan')).toEqual({ failures: 0, lockedUntil: null });
    expect([1, 2, 3].map(() => guard.admit('ghost') !== null)).toEqual([true, true, true]);
  });
});
