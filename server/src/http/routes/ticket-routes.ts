import { Router, type Request } from 'express';
import type { RatingResponse } from '../../contract/http';
import { cancelSchema, rateTicketSchema, ticketListQuerySchema } from '../../contract/schemas';
import { clientOf, identityOf } from '../permission';
import type { Services } from '../../services/create-services';
import { route, type ApiRoute } from '../route-table';
import { actorOf } from '../session';
import { idempotencyKey, parseId } from '../validation';

const ticketId = (req: Request) => parseId(req.params.id, 'ticket_not_found');

/** The visitor's rating of a ticket, from the counter screen. */
export const RATING_PATH = '/api/tickets/:id/rating';

/**
 * Takes an address's slot of the rating rate limit (429 `rate_limited` past it) before
 * anything else reads the request: `createApplication` mounts it ahead of the JSON parser,
 * so a malformed, oversized or too-deep body is counted like any other rating request.
 */
export function ratingAdmission({ ratings }: Pick<Services, 'ratings'>): Router {
  const router = Router();
  router.post(RATING_PATH, (req, res, next) => {
    res.set('Retry-After', '60');
    ratings.admit(clientOf(req).ip);
    res.removeHeader('Retry-After');
    next();
  });
  return router;
}

/** What staff do with a ticket away from the counter, and the lists they pick from. */
export function ticketRoutes({ tickets, ratings }: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/tickets',
      permission: 'ticket:handle',
      query: ticketListQuerySchema,
      handler: ({ res, query }) => res.json(tickets.list(query.list, query.counterId)),
    }),
    route({
      method: 'POST',
      path: '/api/tickets/:id/return',
      permission: 'ticket:handle',
      handler: ({ req, res }) =>
        res.json(tickets.returnParked(ticketId(req), actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      method: 'POST',
      path: '/api/tickets/:id/requeue',
      permission: 'ticket:handle',
      handler: ({ req, res }) =>
        res.json(tickets.requeue(ticketId(req), actorOf(res), idempotencyKey(req)).value),
    }),
    route({
      method: 'POST',
      path: '/api/tickets/:id/cancel',
      permission: 'ticket:handle',
      body: cancelSchema,
      handler: ({ req, res, body: { reason } }) =>
        res.json(tickets.cancel(ticketId(req), reason, actorOf(res), idempotencyKey(req)).value),
    }),
    // The visitor's rating, from the counter screen (a paired counter device) or, under the
    // open policy, from anywhere; see services/queue/ticket-rating.ts.
    route({
      method: 'POST',
      path: RATING_PATH,
      permission: 'ticket:rate',
      // Counted before the body is even parsed (`ratingAdmission`, mounted before the JSON
      // parser): a flood of bad requests is a flood too.
      params: ticketId,
      body: rateTicketSchema,
      handler: ({ req, res, params: id, body }) => {
        const { staff, device } = identityOf(res);
        const sender = {
          device,
          staffId: staff && !staff.staff.mustChangePassword ? staff.staff.id : null,
          ip: clientOf(req).ip,
        };
        const answer: RatingResponse = {
          rating: ratings.rate(id, body, sender, idempotencyKey(req)),
        };
        res.status(201).json(answer);
      },
    }),
  ];
}
