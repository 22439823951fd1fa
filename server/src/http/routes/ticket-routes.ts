import { Router, type Request } from 'express';
import { z } from 'zod';
import { cancelSchema } from '../../contract/schemas';
import type { Services } from '../../services/create-services';
import { TICKET_LISTS, type TicketList } from '../../services/queue/ticket-actions';
import { requirePermission } from '../permission';
import { actorOf } from '../session';
import { idempotencyKey, parse, parseId } from '../validation';

const ticketId = (req: Request) => parseId(req.params.id, 'ticket_not_found');
const listQuery = z
  .object({ list: z.enum(Object.keys(TICKET_LISTS) as [TicketList, ...TicketList[]]) })
  .strict();

/** What staff do with a ticket away from the counter, and the lists they pick from. */
export function ticketRoutes({ tickets }: Services): Router {
  const router = Router();
  const handle = requirePermission('ticket:handle');

  router.get('/tickets', handle, (req, res) => {
    const { list } = parse(listQuery, req.query);
    res.json(tickets.list(list));
  });

  router.post('/tickets/:id/return', handle, (req, res) => {
    res.json(tickets.returnParked(ticketId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/tickets/:id/requeue', handle, (req, res) => {
    res.json(tickets.requeue(ticketId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/tickets/:id/cancel', handle, (req, res) => {
    const { reason } = parse(cancelSchema, req.body);
    res.json(tickets.cancel(ticketId(req), reason, actorOf(res), idempotencyKey(req)).value);
  });

  return router;
}
