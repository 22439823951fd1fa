import type { Request } from 'express';
import { cancelSchema, ticketListQuerySchema } from '../../contract/schemas';
import type { Services } from '../../services/create-services';
import { route, type ApiRoute } from '../route-table';
import { actorOf } from '../session';
import { idempotencyKey, parseId } from '../validation';

const ticketId = (req: Request) => parseId(req.params.id, 'ticket_not_found');

/** What staff do with a ticket away from the counter, and the lists they pick from. */
export function ticketRoutes({ tickets }: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/tickets',
      permission: 'ticket:handle',
      query: ticketListQuerySchema,
      handler: ({ res, query }) => res.json(tickets.list(query.list)),
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
  ];
}
