import { Router, type Request } from 'express';
import { COUNTER_ACTIONS } from '../../contract/http';
import {
  autoCallSchema,
  callTicketSchema,
  pauseSchema,
  transferSchema,
} from '../../contract/schemas';
import type { Services } from '../../services/create-services';
import { actorOf, requireStaff } from '../session';
import { idempotencyKey, parse, parseId } from '../validation';

const counterId = (req: Request) => parseId(req.params.id, 'counter_not_found');

/** Counters: the list anyone may read, and what signed-in staff do at one. */
export function counterRoutes({ auth, queue, counters, reader }: Services): Router {
  const router = Router();
  const staffOnly = requireStaff(auth);

  router.get('/counters', (_req, res) => {
    res.json(reader.counters());
  });

  router.post('/counters/:id/sign-in', staffOnly, (req, res) => {
    res.json(counters.signIn(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/sign-out', staffOnly, (req, res) => {
    res.json(counters.signOut(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  for (const action of COUNTER_ACTIONS) {
    router.post(`/counters/:id/${action}`, staffOnly, (req, res) => {
      res.json(queue.act(counterId(req), action, actorOf(res), idempotencyKey(req)).value);
    });
  }

  router.post('/counters/:id/call', staffOnly, (req, res) => {
    const target = parse(callTicketSchema, req.body);
    res.json(queue.callTicket(counterId(req), target, actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/transfer', staffOnly, (req, res) => {
    const target = parse(transferSchema, req.body);
    res.json(queue.transfer(counterId(req), target, actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/pause', staffOnly, (req, res) => {
    const { reason } = parse(pauseSchema, req.body);
    res.json(counters.pause(counterId(req), reason, actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/resume', staffOnly, (req, res) => {
    res.json(counters.open(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/open', staffOnly, (req, res) => {
    res.json(counters.open(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/close', staffOnly, (req, res) => {
    res.json(counters.close(counterId(req), actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/auto-call', staffOnly, (req, res) => {
    const { enabled } = parse(autoCallSchema, req.body);
    res.json(
      counters.setAutoCall(counterId(req), enabled, actorOf(res), idempotencyKey(req)).value,
    );
  });

  return router;
}
