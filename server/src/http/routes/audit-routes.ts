import { auditQuerySchema } from '../../contract/admin-schemas';
import type { AuditTrail } from '../../auth/audit-trail';
import { route, type ApiRoute } from '../route-table';

/**
 * The audit trail, newest first, for admins:
 * `GET /api/audit?limit=&before=&action=&staffId=&username=&from=&to=`.
 */
export function auditRoutes(audit: AuditTrail): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/audit',
      permission: 'audit:read',
      query: auditQuerySchema,
      handler: ({ res, query: { limit, before, ...filter } }) =>
        res.json(audit.page(limit, before, filter)),
    }),
  ];
}
