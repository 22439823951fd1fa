import type { RequestHandler } from 'express';
import { RateLimiter, type RateLimit } from '../auth/rate-limiter';
import type { CentreSettings } from '../contract/settings';
import { DomainError } from '../domain/errors';
import type { Clock } from '../services/core/clock';
import { identityOf } from './permission';

/** Tickets one IP may take per minute under the open kiosk policy. */
export const OPEN_KIOSK_RATE: RateLimit = { limit: 30, windowMs: 60 * 1000 };

/** What the gate reads: the centre's kiosk policy, the clock. */
export interface KioskAccessDeps {
  settings: { current(): Pick<CentreSettings, 'kioskPolicy'> };
  clock: Clock;
  rate?: RateLimit;
}

/**
 * The centre's kiosk policy for issuing tickets. A paired kiosk (device token) or
 * a signed-in staff member always passes. Otherwise: under `paired`, 403
 * `kiosk_not_paired`; under `open`, each IP may issue `OPEN_KIOSK_RATE` tickets a
 * minute (429 `rate_limited` past it; refused requests do not count).
 * A guard of `POST /api/tickets` (http/routes/queue-routes.ts), after its permission.
 */
export function requireKioskAccess(deps: KioskAccessDeps): RequestHandler {
  const limiter = new RateLimiter(deps.clock, deps.rate ?? OPEN_KIOSK_RATE);
  return (req, res, next) => {
    const { staff, device } = identityOf(res);
    if ((staff && !staff.staff.mustChangePassword) || device?.kind === 'kiosk') return next();
    if (deps.settings.current().kioskPolicy === 'paired') {
      throw new DomainError('kiosk_not_paired', 'Only paired kiosks may issue tickets');
    }
    const key = req.ip ?? '-';
    if (!limiter.take(key)) {
      res.set('Retry-After', String(Math.ceil((deps.rate ?? OPEN_KIOSK_RATE).windowMs / 1000)));
      throw new DomainError('rate_limited', 'Too many tickets from this address');
    }
    res.on('finish', () => {
      if (res.statusCode >= 400) limiter.refund(key);
    });
    next();
  };
}
