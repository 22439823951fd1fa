import type { RequestHandler } from 'express';
import { RateLimiter, type RateLimit } from '../auth/rate-limiter';
import { DomainError } from '../domain/errors';
import type { Clock } from '../services/core/clock';
import { identityOf } from './permission';

/**
 * Public reads one anonymous address may make per minute, all such routes together.
 * A kiosk or hall screen that is not paired reads its snapshot once and then follows the
 * socket; a visitor's tracking page reads its ticket at each queue event and every 30 s.
 * Even a busy centre's events keep a phone far below this; a script on the Wi-Fi asking
 * for the whole queue in a loop is held to it.
 */
export const PUBLIC_READ_RATE: RateLimit = { limit: 300, windowMs: 60 * 1000 };

/**
 * A guard of the anonymous reads that cost work per request (`/api/services`,
 * `/api/state`, `/api/tickets/:id`, `/api/track/:token`): past `PUBLIC_READ_RATE` per
 * IP, 429 `rate_limited` with `Retry-After`. Signed-in staff and paired devices pass
 * uncounted. One limiter for all of them, so spreading a flood over several routes buys
 * nothing.
 */
export function limitPublicReads(deps: { clock: Clock; rate?: RateLimit }): RequestHandler {
  const rate = deps.rate ?? PUBLIC_READ_RATE;
  const limiter = new RateLimiter(deps.clock, rate);
  return (req, res, next) => {
    const { staff, device } = identityOf(res);
    if (staff || device) return next();
    if (!limiter.take(req.ip ?? '-')) {
      res.set('Retry-After', String(Math.ceil(rate.windowMs / 1000)));
      throw new DomainError('rate_limited', 'Too many reads from this address');
    }
    next();
  };
}
