import {
  PENDING_MAX_AGE_MS,
  isPendingExpired,
  rememberPending,
  rememberedPending,
  type PendingAction,
} from '../../../counter-ui/src/remembered';

const KEY = 'luot.counter.pending';
const T0 = Date.UTC(2026, 8, 2, 2, 0, 0);

/** A Map-backed stand-in for the browser's localStorage (Jest runs these in Node). */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

const action = (over: Partial<PendingAction> = {}): PendingAction => ({
  counterId: 3,
  staffId: 7,
  savedAt: T0,
  name: 'call-next',
  path: '/api/counters/3/call-next',
  key: 'key-1',
  ...over,
});

describe('the desk action saved for resending', () => {
  test('is returned to the clerk who pressed it, at the same counter, within ten minutes', () => {
    rememberPending(action());
    expect(rememberedPending(7, 3, T0 + PENDING_MAX_AGE_MS)).toEqual(action());
    expect(storage.getItem(KEY)).not.toBeNull();
  });

  test('is never replayed for another clerk, and is kept for its own clerk', () => {
    rememberPending(action());
    expect(rememberedPending(8, 3, T0 + 1000)).toBeNull();
    expect(rememberedPending(7, 3, T0 + 2000)).toEqual(action());
  });

  test('is not returned at another counter', () => {
    rememberPending(action());
    expect(rememberedPending(7, 4, T0 + 1000)).toBeNull();
  });

  test('older than ten minutes is dropped from storage, for every clerk', () => {
    rememberPending(action());
    expect(rememberedPending(8, 3, T0 + PENDING_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.getItem(KEY)).toBeNull();
    expect(rememberedPending(7, 3, T0)).toBeNull();
  });

  test('saved in the future (the PC clock went back) is dropped', () => {
    rememberPending(action({ savedAt: T0 + 60_000 }));
    expect(rememberedPending(7, 3, T0)).toBeNull();
    expect(storage.getItem(KEY)).toBeNull();
  });

  test('without a clerk or a time (an older format) or damaged is dropped', () => {
    const { staffId: _s, savedAt: _t, ...old } = action();
    storage.setItem(KEY, JSON.stringify(old));
    expect(rememberedPending(7, 3, T0)).toBeNull();
    expect(storage.getItem(KEY)).toBeNull();
    storage.setItem(KEY, '{not json');
    expect(rememberedPending(7, 3, T0)).toBeNull();
    expect(storage.getItem(KEY)).toBeNull();
    storage.setItem(KEY, 'null');
    expect(rememberedPending(7, 3, T0)).toBeNull();
  });

  test('forgotten with null', () => {
    rememberPending(action());
    rememberPending(null);
    expect(rememberedPending(7, 3, T0)).toBeNull();
  });

  test('isPendingExpired() holds exactly past ten minutes', () => {
    expect(isPendingExpired(action(), T0)).toBe(false);
    expect(isPendingExpired(action(), T0 + PENDING_MAX_AGE_MS)).toBe(false);
    expect(isPendingExpired(action(), T0 + PENDING_MAX_AGE_MS + 1)).toBe(true);
    expect(isPendingExpired(action(), T0 - 1)).toBe(true);
  });
});
