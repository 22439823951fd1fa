import type { RequestHandler } from 'express';
import { DomainError } from '../domain/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a browser's `Origin` names `host` (host and port; the scheme is not
 * compared). `null`, a malformed Origin and a missing host are not the same origin.
 */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}

/** True when `Sec-Fetch-Site` says a browser sent the request from another origin. */
export function isCrossSiteFetch(secFetchSite: string | undefined): boolean {
  return secFetchSite === 'cross-site' || secFetchSite === 'same-site';
}

/**
 * Refuses a state-changing request a browser sent from another site (CSRF), on
 * top of the SameSite=Strict session cookie: its `Origin` must name this host
 * (`X-Forwarded-Host` counts only from a trusted proxy), and its `Sec-Fetch-Site`
 * may not be `cross-site` or `same-site` (another origin of the same site, such as
 * another port). A request with neither header is not from a browser page (kiosk
 * software, curl) and passes.
 */
export function sameOriginOnly(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (isCrossSiteFetch(req.get('sec-fetch-site'))) {
      throw new DomainError('forbidden', 'Cross-site request');
    }
    const origin = req.get('origin');
    if (origin !== undefined && !isSameOrigin(origin, req.host)) {
      throw new DomainError('forbidden', 'Cross-origin request');
    }
    next();
  };
}
