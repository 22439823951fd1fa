import { Router, type Request } from 'express';
import { COUNTER_ACTIONS } from '../../contract/http';
import {
  autoCallSchema,
  callTicketSchema,
  pauseSchema,
  transferSchema,
} from '../../contract/schemas';
import type { AuditedCounterSignOut } from '../../auth/forced-sign-out';
import type { Services } from '../../services/create-services';
import { audienceOf } from '../audience';
import { clientOf, requirePermission } from '../permission';
import { actorOf } from '../session';
import { idempotencyKey, parse, parseId } from '../validation';

const counterId = (req: Request) => parseId(req.params.id, 'counter_not_found');

/**
 * Counters: the list anyone may read, and what signed-in staff do at one. Signing out
 * goes through `signOut`, which audits a supervisor or admin signing someone else out.
 */
export function counterRoutes(
  { queue, counters, reader }: Services,
  signOut: AuditedCounterSignOut,
): Router {
  const router = Router();
  const operate = requirePermission('counter:operate');

  router.get('/counters', requirePermission('queue:read'), (_req, res) => {
    res.json(reader.counters(audienceOf(res)));
  });

  router.post('/counters/:id/sign-in', operate, (req, res) => {
    res.json(counters.signIn(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/sign-out', operate, (req, res) => {
    const id = counterId(req);
    res.json(signOut.signOut(id, actorOf(res), clientOf(req), idempotencyKey(req)).value);
  });

  for (const action of COUNTER_ACTIONS) {
    router.post(`/counters/:id/${action}`, operate, (req, res) => {
      res.json(queue.act(counterId(req), action, actorOf(res), idempotencyKey(req)).value);
    });
  }

  router.post('/counters/:id/call', operate, (req, res) => {
    const target = parse(callTicketSchema, req.body);
    res.json(queue.callTicket(counterId(req), target, actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/transfer', operate, (req, res) => {
    const target = parse(transferSchema, req.body);
    res.json(queue.transfer(counterId(req), target, actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/pause', operate, (req, res) => {
    const { reason } = parse(pauseSchema, req.body);
    res.json(counters.pause(counterId(req), reason, actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/resume', operate, (req, res) => {
    res.json(counters.resume(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/open', operate, (req, res) => {
    res.json(counters.open(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/close', operate, (req, res) => {
    res.json(counters.close(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/auto-call', operate, (req, res) => {
    const { enabled } = parse(autoCallSchema, req.body);
    res.json(
      counters.setAutoCall(counterId(req), enabled, actorOf(res), idempotencyKey(req)).value,
    );
  });

  return router;
}
