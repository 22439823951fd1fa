import { Router } from 'express';
import { auditQuerySchema } from '../../contract/admin-schemas';
import type { AuditTrail } from '../../auth/audit-trail';
import { requirePermission } from '../permission';
import { parse } from '../validation';

/** The audit trail, newest first, for admins: `GET /api/audit?limit=&before=`. */
export function auditRoutes(audit: AuditTrail): Router {
  const router = Router();

  router.get('/audit', requirePermission('audit:read'), (req, res) => {
    const { limit, before } = parse(auditQuerySchema, req.query);
    res.json(audit.page(limit, before));
  });

  return router;
}
