import {
  SignInGuard,
  type FailureRecord,
  type FailureStore,
  type NameFailureStore,
} from '../../../server/src/auth/sign-in-guard';
import { ManualClock } from '../../support/test-server';

const POLICY = { maxFailures: 3, lockMs: 60_000 };

/** Accounts kept in a map, as the staff table keeps them. */
function accounts(names: string[]): FailureStore & { rows: Map<string, FailureRecord> } {
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

/** Names that are no account, kept in a map as their table keeps them. */
function others(
  clock = new ManualClock(),
): NameFailureStore & { rows: Map<string, FailureRecord & { at: number }> } {
  const rows = new Map<string, FailureRecord & { at: number }>();
  return {
    rows,
    load: (name) => {
      const row = rows.get(name);
      return row && { failures: row.failures, lockedUntil: row.lockedUntil };
    },
    save: (name, record) => {
      rows.set(name, { ...record, at: clock.now() });
    },
    delete: (name) => {
      rows.delete(name);
    },
    sweep: (at, staleBefore) => {
      for (const [name, row] of rows) {
        const locked = row.lockedUntil !== null && row.lockedUntil > at;
        if (!locked && row.at < staleBefore) rows.delete(name);
      }
    },
  };
}

describe('SignInGuard', () => {
  test('admits no more attempts under way than failures left before the lock', () => {
    const guard = new SignInGuard(new ManualClock(), POLICY, accounts([]), others());

    const admitted = [1, 2, 3, 4, 5].map(() => guard.admit('ghost'));

    expect(admitted.map((attempt) => attempt !== null)).toEqual([true, true, true, false, false]);
  });

  test('a released attempt gives its place back once, however often it is released', () => {
    const guard = new SignInGuard(new ManualClock(), POLICY, accounts([]), others());
    const [first, second] = [guard.admit('ghost'), guard.admit('ghost')];
    guard.admit('ghost');

    first?.release();
    first?.release();

    expect(guard.admit('ghost')).not.toBeNull();
    expect(guard.admit('ghost')).toBeNull();
    second?.release();
    expect(guard.admit('ghost')).not.toBeNull();
  });

  test('locks a name at the limit, in the account row for accounts and in their own store for others', () => {
    const clock = new ManualClock();
    const store = accounts(['lan']);
    const unknown = others(clock);
    const guard = new SignInGuard(clock, POLICY, store, unknown);
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
    expect(unknown.rows.get('ghost')).toMatchObject({
      failures: 3,
      lockedUntil: clock.now() + 60_000,
    });
    expect(guard.admit('lan')).toBeNull();
    expect(guard.admit('ghost')).toBeNull();
    clock.advance(60_000);
    expect(guard.admit('lan')).not.toBeNull();
    expect(guard.admit('ghost')).not.toBeNull();
  });

  test('a success clears the count; forget clears an unknown name', () => {
    const store = accounts(['lan']);
    const guard = new SignInGuard(new ManualClock(), POLICY, store, others());
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

  test('sweeps stale unknown names now and then, and keeps the locked ones', () => {
    const clock = new ManualClock();
    const unknown = others(clock);
    const guard = new SignInGuard(clock, POLICY, accounts([]), unknown);
    const fail = (name: string) => {
      const attempt = guard.admit(name);
      attempt?.failed();
      attempt?.release();
    };
    for (let i = 0; i < 490; i++) fail(`stale-${i}`);
    clock.advance(POLICY.lockMs + 1);
    for (let i = 0; i < 3; i++) fail('locked');
    fail('recent');

    // The 500th failure of an unknown name sweeps.
    for (let i = 0; i < 6; i++) fail(`fresh-${i}`);

    expect(unknown.rows.has('locked')).toBe(true);
    expect(unknown.rows.has('recent')).toBe(true);
    expect(unknown.rows.size).toBe(8);
  });
});
