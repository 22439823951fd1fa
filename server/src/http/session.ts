import type { RequestHandler, Response } from 'express';
import type { AuthService } from '../auth/auth-service';
import { DomainError } from '../domain/errors';
import type { Actor } from '../services/core/actor';
import type { StaffRecord } from '../storage/staff-repo';
import { requirePermission } from './permission';

export { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie';

/** The signed-in staff member of a request, set by `identify` for a live session. */
export function staffOf(res: Response): StaffRecord {
  const staff = res.locals.staff as StaffRecord | undefined;
  if (!staff) throw new DomainError('unauthenticated', 'Not signed in');
  return staff;
}

/** The acting staff member, as the services take it. */
export function actorOf(res: Response): Actor {
  const staff = staffOf(res);
  return { staffId: staff.id, role: staff.role };
}

/**
 * Lets the request through only with a live staff session; 401 otherwise.
 * @deprecated Declare what the route needs instead: `requirePermission('counter:operate')`
 * (which this is, for every staff role). `auth` is no longer used: `identify` resolves the session.
 */
export function requireStaff(_auth?: AuthService): RequestHandler {
  return requirePermission('counter:operate');
}
