import type { RequestHandler } from 'express';
import type { HealthResponse, IssueTicketResponse, TicketResponse } from '../../contract/http';
import { issueTicketSchema } from '../../contract/schemas';
import { DomainError } from '../../domain/errors';
import type { Services } from '../../services/create-services';
import { audienceOf } from '../audience';
import { identityOf } from '../permission';
import { route, type ApiRoute } from '../route-table';
import { idempotencyKey, parseId } from '../validation';

/** The guards the public queue endpoints pass besides their permission. */
export interface QueueGuards {
  /** The centre's kiosk policy for issuing (http/kiosk-access.ts). */
  kioskAccess: RequestHandler;
  /** The anonymous reads' rate limit (http/public-read-limit.ts). */
  publicReads: RequestHandler;
}

/**
 * Public queue endpoints: health, services, state, issuing, reading and tracking tickets.
 * Issuing also passes the centre's kiosk policy; the reads that cost work per request
 * are rate-limited for anonymous callers. Health is not: monitors poll it.
 */
export function queueRoutes(
  { issuer, reader, tracking, health }: Services,
  { kioskAccess, publicReads }: QueueGuards,
): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/health',
      permission: 'queue:read',
      handler: ({ res }) => {
        const body: HealthResponse = health.check();
        // Monitors and load balancers read the status code; the body names the failing check.
        res.status(body.status === 'ok' ? 200 : 503).json(body);
      },
    }),
    route({
      method: 'GET',
      path: '/api/services',
      permission: 'queue:read',
      guards: [publicReads],
      handler: ({ res }) => res.json(reader.services()),
    }),
    route({
      method: 'GET',
      path: '/api/state',
      permission: 'queue:read',
      guards: [publicReads],
      handler: ({ res }) => res.json(reader.snapshot(audienceOf(res))),
    }),
    route({
      method: 'POST',
      path: '/api/tickets',
      permission: 'ticket:issue',
      guards: [kioskAccess],
      body: issueTicketSchema,
      // Grouped: the issues that arrive together commit together (docs/architecture.md).
      handler: async ({ req, res, body: input }) => {
        const { device } = identityOf(res);
        const kioskId = device?.kind === 'kiosk' ? device.id : null;
        const { value, replayed } = await issuer.issueTicketGrouped(
          input,
          idempotencyKey(req),
          kioskId,
        );
        const body: IssueTicketResponse = value;
        res.status(replayed ? 200 : 201).json(body);
      },
    }),
    route({
      method: 'GET',
      path: '/api/tickets/:id',
      permission: 'queue:read',
      guards: [publicReads],
      handler: ({ req, res }) => {
        const id = parseId(req.params.id, 'ticket_not_found');
        const body: TicketResponse = { ticket: reader.ticket(id, audienceOf(res)) };
        res.json(body);
      },
    }),
    route({
      method: 'GET',
      path: '/api/track/:token',
      permission: 'ticket:track',
      guards: [publicReads],
      handler: ({ req, res }) => {
        const token = String(req.params.token);
        if (!/^[A-Za-z0-9_-]{16,64}$/.test(token))
          throw new DomainError('ticket_not_found', 'Bad token');
        res.json(tracking.track(token));
      },
    }),
  ];
}
