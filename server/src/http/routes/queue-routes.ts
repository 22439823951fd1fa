import { Router } from 'express';
import type { IssueTicketResponse, TicketResponse } from '../../contract/http';
import { issueTicketSchema } from '../../contract/schemas';
import type { QueueReader } from '../../services/queue-reader';
import type { QueueService } from '../../services/queue-service';
import { toTicket } from '../../services/views';
import { idempotencyKey, parse, parseId } from '../validation';

/** Public queue endpoints: health, services, state, issuing and reading tickets. */
export function queueRoutes(queue: QueueService, reader: QueueReader): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/services', (_req, res) => {
    res.json(reader.services());
  });

  router.get('/state', (_req, res) => {
    res.json(reader.snapshot());
  });

  router.post('/tickets', (req, res) => {
    const input = parse(issueTicketSchema, req.body);
    const { value, replayed } = queue.issueTicket(input, idempotencyKey(req));
    const body: IssueTicketResponse = value;
    res.status(replayed ? 200 : 201).json(body);
  });

  router.get('/tickets/:id', (req, res) => {
    const ticket = queue.getTicket(parseId(req.params.id, 'ticket_not_found'));
    const body: TicketResponse = { ticket: toTicket(ticket) };
    res.json(body);
  });

  return router;
}
