import type { RequestHandler } from 'express';
import type { AuditTrail } from '../auth/audit-trail';
import { idParamSchema } from '../contract/schemas';
import type { Repos } from '../storage/repos';
import { clientOf, guard, identityOf } from './permission';

/**
 * Audits a supervisor or admin signing someone else out of a counter
 * (`POST /api/counters/:id/sign-out`): notes who held the counter before the
 * route runs, and records `counter.force_sign_out` as the success answer is sent.
 */
export function auditForcedSignOut(repos: Repos, audit: AuditTrail): RequestHandler {
  return guard((req, res, next) => {
    const id = idParamSchema.safeParse(req.params.id);
    const actor = identityOf(res).staff?.staff;
    const holder = id.success ? (repos.counters.get(id.data)?.staffId ?? null) : null;
    if (!id.success || !actor || holder === null || holder === actor.id) return next();
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode < 400 && repos.counters.get(id.data)?.staffId !== holder) {
        audit.record(
          'counter.force_sign_out',
          { staffId: actor.id, username: actor.username, ip: clientOf(req).ip },
          `counter:${id.data}`,
          { heldBy: holder, heldByName: repos.staff.get(holder)?.username ?? null },
        );
      }
      return json(body);
    };
    next();
  });
}
