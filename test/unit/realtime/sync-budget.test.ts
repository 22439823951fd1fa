import { SyncBudget } from '../../../server/src/realtime/sync-budget';
import type { SendBacklog } from '../../../server/src/realtime/send-backlog';
import { ManualClock } from '../../support/test-server';

/** A socket's backlog that holds a given number of unsent bytes. */
const holding = (bytes: number) => ({ unsentBytes: () => bytes }) as unknown as SendBacklog;

describe('SyncBudget', () => {
  const options = { addressSyncLimit: 3, syncWindowMs: 10_000, maxTotalUnsentBytes: 1_000 };

  test('gives each address its limit per window, whatever socket asks', () => {
    const clock = new ManualClock();
    const budget = new SyncBudget(clock, options);

    const first = [1, 2, 3, 4].map(() => budget.take('10.0.0.5'));

    expect(first).toEqual([true, true, true, false]);
    expect(budget.take('10.0.0.6')).toBe(true);
    clock.advance(10_000);
    expect(budget.take('10.0.0.5')).toBe(true);
  });

  test('refuses every address while all sockets together hold more unsent bytes than the bound', () => {
    const budget = new SyncBudget(new ManualClock(), options);
    const unwatchA = budget.watch(holding(600));
    budget.watch(holding(500));

    expect(budget.unsentBytes()).toBe(1_100);
    expect(budget.take('10.0.0.7')).toBe(false);
    unwatchA();
    expect(budget.take('10.0.0.7')).toBe(true);
  });

  test('uses no hit of the address when refused for unsent bytes', () => {
    const budget = new SyncBudget(new ManualClock(), { ...options, addressSyncLimit: 1 });
    const unwatch = budget.watch(holding(2_000));
    expect(budget.take('10.0.0.8')).toBe(false);
    unwatch();

    expect(budget.take('10.0.0.8')).toBe(true);
  });
});
