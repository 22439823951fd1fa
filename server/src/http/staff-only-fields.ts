import type { RequestHandler } from 'express';
import { publicView } from '../services/public-view';
import { identityOf } from './permission';

/**
 * Every JSON answer to anyone but settled staff goes out without the staff-only ticket
 * fields (services/public-view.ts): one place, so no route can leak them. Mounted in
 * app.ts right after `identify`.
 */
export function hideStaffOnlyFields(): RequestHandler {
  return (_req, res, next) => {
    const { staff } = identityOf(res);
    if (staff && !staff.staff.mustChangePassword) return next();
    const json = res.json.bind(res);
    res.json = (body: unknown) => json(publicView(body));
    next();
  };
}
