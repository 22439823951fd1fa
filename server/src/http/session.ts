import type { Response } from 'express';
import { DomainError } from '../domain/errors';
import type { Actor } from '../services/core/actor';
import type { StaffRecord } from '../storage/staff-repo';

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
