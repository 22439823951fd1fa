import type { Response } from 'express';
import type { Audience } from '../services/queue/public-view';
import { identityOf } from './permission';

/**
 * Whom an answer is for: signed-in staff whose password is settled see the staff views,
 * everyone else (screens, kiosks, visitors, a newcomer yet to change the password) the
 * public ones. Routes that answer anyone with tickets ask the service for this audience.
 */
export function audienceOf(res: Response): Audience {
  const { staff } = identityOf(res);
  return staff !== null && !staff.staff.mustChangePassword ? 'staff' : 'public';
}
