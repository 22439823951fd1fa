import type { Clock } from '../services/core/clock';

/** How many hits a key may make per window. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

interface Window {
  start: number;
  count: number;
}

/** Past this many keys, windows that have ended are swept so memory stays bounded. */
const SWEEP_AT = 10_000;

/**
 * A fixed-window counter per key (an IP, an IP and a username), in memory and on
 * the injected clock. Limits reset on restart, which is fine for what they guard:
 * guessing passwords and flooding the queue from one machine.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    private readonly rate: RateLimit,
  ) {}

  /** Whether the key has hits left in its window, without using one. */
  allows(key: string): boolean {
    return this.current(key).count < this.rate.limit;
  }

  /** Uses one hit; false (and nothing used) when none was left. */
  take(key: string): boolean {
    const window = this.current(key);
    if (window.count >= this.rate.limit) return false;
    window.count += 1;
    this.windows.set(key, window);
    if (this.windows.size > SWEEP_AT) this.sweep();
    return true;
  }

  /** Gives back a hit taken for a request that turned out not to count. */
  refund(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
  }

  /** Forgets the key (after a successful sign-in). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  /** Forgets every key that matches (an admin unlocked an account: all its addresses). */
  resetWhere(matches: (key: string) => boolean): void {
    for (const key of [...this.windows.keys()]) if (matches(key)) this.windows.delete(key);
  }

  private current(key: string): Window {
    const now = this.clock.now();
    const window = this.windows.get(key);
    if (window && now - window.start < this.rate.windowMs && now >= window.start) return window;
    return { start: now, count: 0 };
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.rate.windowMs) this.windows.delete(key);
    }
  }
}

/**
 * Takes one hit from each limiter for its key, all or none: when one has none left, the
 * hits already taken are given back, so a refused request costs none of its limits.
 */
export function takeEach(...hits: readonly (readonly [RateLimiter, string])[]): boolean {
  for (let i = 0; i < hits.length; i++) {
    const [limiter, key] = hits[i]!;
    if (limiter.take(key)) continue;
    for (const [taken, takenKey] of hits.slice(0, i)) taken.refund(takenKey);
    return false;
  }
  return true;
}
