import type { RequestHandler, Response } from 'express';
import { publicView, TICKET_HOLDER_FIELDS } from '../services/queue/public-view';
import { identityOf } from './permission';

/** Marks an answer as going to the ticket's holder (who proved it with the tracking token). */
export function answerTicketHolder(res: Response): void {
  res.locals.ticketHolder = true;
}

/** Whether the caller is signed-in staff whose password is settled (sees staff-only fields). */
export function isSettledStaff(res: Response): boolean {
  const { staff } = identityOf(res);
  return staff !== null && !staff.staff.mustChangePassword;
}

/**
 * Every JSON answer to anyone but settled staff goes out without the staff-only ticket
 * fields (services/queue/public-view.ts): one place, so no route can leak them; an answer
 * marked with `answerTicketHolder` keeps the cancel reason for the visitor. Mounted in
 * app.ts right after `identify`.
 */
export function hideStaffOnlyFields(): RequestHandler {
  return (_req, res, next) => {
    if (isSettledStaff(res)) return next();
    const json = res.json.bind(res);
    res.json = (body: unknown) =>
      json(publicView(body, res.locals.ticketHolder === true ? TICKET_HOLDER_FIELDS : []));
    next();
  };
}
