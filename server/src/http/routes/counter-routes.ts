import { Router } from 'express';
import { COUNTER_ACTIONS } from '../../contract/http';
import type { AuthService } from '../../auth/auth-service';
import type { CounterService } from '../../services/counter-service';
import type { QueueReader } from '../../services/queue-reader';
import type { QueueService } from '../../services/queue-service';
import { actorOf, requireStaff } from '../session';
import { idempotencyKey, parseId } from '../validation';

/** Counters: the list anyone may read, and what signed-in staff do at one. */
export function counterRoutes(
  auth: AuthService,
  queue: QueueService,
  counters: CounterService,
  reader: QueueReader,
): Router {
  const router = Router();
  const staffOnly = requireStaff(auth);

  router.get('/counters', (_req, res) => {
    res.json(reader.counters());
  });

  router.post('/counters/:id/sign-in', staffOnly, (req, res) => {
    const id = parseId(req.params.id, 'counter_not_found');
    res.json(counters.signIn(id, actorOf(res), idempotencyKey(req)).value);
  });

  router.post('/counters/:id/sign-out', staffOnly, (req, res) => {
    const id = parseId(req.params.id, 'counter_not_found');
    res.json(counters.signOut(id, actorOf(res), idempotencyKey(req)).value);
  });

  for (const action of COUNTER_ACTIONS) {
    router.post(`/counters/:id/${action}`, staffOnly, (req, res) => {
      const id = parseId(req.params.id, 'counter_not_found');
      res.json(queue.act(id, action, actorOf(res), idempotencyKey(req)).value);
    });
  }

  return router;
}
