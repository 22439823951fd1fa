import type { Request, RequestHandler, Response } from 'express';
import { DEVICE_AUTH_SCHEME } from '../contract/admin';
import type { AuthService, ClientInfo, LiveSession } from '../auth/auth-service';
import type { DeviceService } from '../auth/device-service';
import { refusal, type Permission } from '../auth/permissions';
import { DomainError } from '../domain/errors';
import type { DeviceRecord } from '../storage/device-repo';
import { sessionToken } from './session-cookie';

/** Who made a request: a staff session, a paired device, both, or neither. */
export interface RequestIdentity {
  staff: LiveSession | null;
  device: DeviceRecord | null;
}

const DEVICE_HEADER = new RegExp(`^${DEVICE_AUTH_SCHEME} ([A-Za-z0-9_-]{1,200})$`);

/**
 * Works out who is asking, once per request, before any route: the session cookie
 * and `Authorization: Device <token>`. A bad device token is refused at once with
 * 401, so a revoked device learns it; a stale session cookie simply counts as none.
 */
export function identify(auth: AuthService, devices: DeviceService): RequestHandler {
  return (req, res, next) => {
    let device: DeviceRecord | null = null;
    const authorization = req.get('authorization');
    if (authorization !== undefined) {
      const match = DEVICE_HEADER.exec(authorization);
      device = (match?.[1] !== undefined && devices.authenticate(match[1])) || null;
      if (!device) throw new DomainError('unauthenticated', 'Unknown or revoked device token');
    }
    const identity: RequestIdentity = { staff: auth.session(sessionToken(req)) ?? null, device };
    res.locals.identity = identity;
    if (identity.staff) res.locals.staff = identity.staff.staff;
    next();
  };
}

/** The identity `identify` found; a programming error (500) when it was not mounted. */
export function identityOf(res: Response): RequestIdentity {
  const identity = res.locals.identity as RequestIdentity | undefined;
  if (!identity) throw new Error('identify() must run before permission checks');
  return identity;
}

/** The live staff session of a request; 401 without one. */
export function sessionOf(res: Response): LiveSession {
  const session = identityOf(res).staff;
  if (!session) throw new DomainError('unauthenticated', 'Not signed in');
  return session;
}

/** The paired device of a request; 401 without one. */
export function deviceOf(res: Response): DeviceRecord {
  const device = identityOf(res).device;
  if (!device) throw new DomainError('unauthenticated', 'Needs a device token');
  return device;
}

/** Where a request came from, for sessions, rate limits and the audit trail. */
export function clientOf(req: Request): ClientInfo {
  return { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}

/**
 * Lets a request through only when its principal holds `permission` in the
 * permission table: otherwise 401 `unauthenticated` for anonymous, 403
 * `forbidden` for staff, and 403 `password_change_required` for staff whose
 * generated password must still be changed (except what `allowedBeforePasswordChange`
 * permits). `mountRoutes` puts one first on every route, with the permission the
 * route declares in the route table.
 */
export function requirePermission(permission: Permission): RequestHandler {
  return (_req, res, next) => {
    const refused = refusal(identityOf(res).staff?.staff, permission);
    if (refused) throw new DomainError(refused, `Needs ${permission}`);
    next();
  };
}

/**
 * Lets a request through only when it carries a valid `Authorization: Device <token>`
 * (`identify` already refused a bad one): otherwise 401 `unauthenticated`, whoever is
 * signed in. `mountRoutes` puts it after the permission of routes declared `device: true`.
 */
export function requireDevice(): RequestHandler {
  return (_req, res, next) => {
    deviceOf(res);
    next();
  };
}
