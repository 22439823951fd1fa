import { RateLimiter, takeEach } from '../../../server/src/auth/rate-limiter';
import { ManualClock } from '../../support/test-server';

describe('RateLimiter', () => {
  const rate = { limit: 3, windowMs: 60_000 };

  test('allows `limit` hits per key and window, then refuses', () => {
    const limiter = new RateLimiter(new ManualClock(), rate);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.allows('a')).toBe(false);
    expect(limiter.take('b')).toBe(true);
  });

  test('starts a new window once the old one has passed, on the injected clock', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock, rate);
    for (let i = 0; i < 3; i++) limiter.take('a');
    clock.advance(59_999);
    expect(limiter.take('a')).toBe(false);
    clock.advance(1);
    expect(limiter.take('a')).toBe(true);
  });

  test('a refund gives a hit back, a reset forgets the key', () => {
    const limiter = new RateLimiter(new ManualClock(), rate);
    for (let i = 0; i < 3; i++) limiter.take('a');
    limiter.refund('a');
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    limiter.reset('a');
    expect(limiter.allows('a')).toBe(true);
  });

  test('a clock set back does not lock a key out', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock, rate);
    for (let i = 0; i < 3; i++) limiter.take('a');
    clock.advance(-3_600_000);
    expect(limiter.take('a')).toBe(true);
  });

  test('keeps memory bounded by sweeping ended windows', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(clock, rate);
    for (let i = 0; i < 10_001; i++) limiter.take(`ip-${i}`);
    clock.advance(60_000);
    limiter.take('late');
    limiter.take('late-2');
    const size = (limiter as unknown as { windows: Map<string, unknown> }).windows.size;
    expect(size).toBeLessThan(10);
  });
});

describe('takeEach()', () => {
  test('takes a hit from every limiter, or gives back those taken when one is spent', () => {
    const clock = new ManualClock();
    const wide = new RateLimiter(clock, { limit: 5, windowMs: 1_000 });
    const narrow = new RateLimiter(clock, { limit: 1, windowMs: 1_000 });

    expect(takeEach([wide, 'a'], [narrow, 'a'])).toBe(true);
    expect(takeEach([wide, 'a'], [narrow, 'a'])).toBe(false);

    // The refused call left the wide limiter as it was: 4 hits remain, not 3.
    for (let i = 0; i < 4; i++) expect(wide.take('a')).toBe(true);
    expect(wide.take('a')).toBe(false);
  });
});
