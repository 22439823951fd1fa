import { Router } from 'express';
import type { Services } from '../../services/create-services';
import { requirePermission } from '../permission';
import { actorOf } from '../session';

/** The centre's queue rules: supervisors read them, admins change them. */
export function settingsRoutes({ settings }: Services): Router {
  const router = Router();

  router.get('/settings', requirePermission('settings:read'), (_req, res) => {
    res.json(settings.current());
  });

  router.patch('/settings', requirePermission('settings:write'), (req, res) => {
    res.json(settings.update(req.body, actorOf(res), req.ip ?? null));
  });

  return router;
}
