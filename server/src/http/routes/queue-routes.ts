import { Router } from 'express';
import type { HealthResponse, IssueTicketResponse, TicketResponse } from '../../contract/http';
import { issueTicketSchema } from '../../contract/schemas';
import { DomainError } from '../../domain/errors';
import type { Services } from '../../services/create-services';
import { identityOf, requirePermission } from '../permission';
import { idempotencyKey, parse, parseId } from '../validation';
import { audienceOf } from '../audience';

/** Public queue endpoints: health, services, state, issuing, reading and tracking tickets. */
export function queueRoutes({ issuer, reader, tracking, health }: Services): Router {
  const router = Router();
  const read = requirePermission('queue:read');

  router.get('/health', read, (_req, res) => {
    const body: HealthResponse = health.check();
    // Monitors and load balancers read the status code; the body names the failing check.
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  });

  router.get('/services', read, (_req, res) => {
    res.json(reader.services());
  });

  router.get('/state', read, (_req, res) => {
    res.json(reader.snapshot(audienceOf(res)));
  });

  router.post('/tickets', (req, res) => {
    const input = parse(issueTicketSchema, req.body);
    const { device } = identityOf(res);
    const kioskId = device?.kind === 'kiosk' ? device.id : null;
    const { value, replayed } = issuer.issueTicket(input, idempotencyKey(req), kioskId);
    const body: IssueTicketResponse = value;
    res.status(replayed ? 200 : 201).json(body);
  });

  router.get('/tickets/:id', read, (req, res) => {
    const id = parseId(req.params.id, 'ticket_not_found');
    const body: TicketResponse = { ticket: reader.ticket(id, audienceOf(res)) };
    res.json(body);
  });

  router.get('/track/:token', requirePermission('ticket:track'), (req, res) => {
    const token = String(req.params.token);
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token))
      throw new DomainError('ticket_not_found', 'Bad token');
    res.json(tracking.track(token));
  });

  return router;
}
