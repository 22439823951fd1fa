import type { RequestHandler } from 'express';
import { DomainError } from '../domain/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request a browser sent from another site (CSRF):
 * its Origin must name this host. Requests without Origin (kiosk scripts, curl) pass.
 */
export function sameOriginOnly(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.get('sec-fetch-site') === 'cross-site')
      throw new DomainError('forbidden', 'Cross-site request');
    const origin = req.get('origin');
    if (origin === undefined) return next();
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new DomainError('forbidden', 'Malformed Origin');
    }
    if (originHost !== req.get('host')) throw new DomainError('forbidden', 'Cross-origin request');
    next();
  };
}
