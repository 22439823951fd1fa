import { Router } from 'express';
import type { Services } from '../../services/create-services';
import { actorOf, requireStaff, staffOf } from '../session';
import { DomainError } from '../../domain/errors';

/** The centre's queue rules: supervisors read them, admins change them. */
export function settingsRoutes({ auth, settings }: Services): Router {
  const router = Router();
  const staffOnly = requireStaff(auth);

  router.get('/settings', staffOnly, (_req, res) => {
    if (staffOf(res).role === 'clerk') throw new DomainError('forbidden', 'Supervisors only');
    res.json(settings.current());
  });

  router.patch('/settings', staffOnly, (req, res) => {
    if (staffOf(res).role !== 'admin') throw new DomainError('forbidden', 'Admins only');
    res.json(settings.update(req.body, actorOf(res), req.ip ?? null));
  });

  return router;
}
