import { Router, type Request, type Response } from 'express';
import type { StaffAccountResponse } from '../../contract/admin';
import { createStaffSchema, emptySchema, updateStaffSchema } from '../../contract/admin-schemas';
import type { AdminActor, StaffAdmin } from '../../auth/staff-admin';
import { DomainError } from '../../domain/errors';
import { idParamSchema } from '../../contract/schemas';
import { clientOf, requirePermission, sessionOf } from '../permission';
import { parse } from '../validation';

/** The signed-in admin, as the audit trail records them. */
export function adminActor(req: Request, res: Response): AdminActor {
  const { staff, sessionId } = sessionOf(res);
  return { staffId: staff.id, username: staff.username, ip: clientOf(req).ip, sessionId };
}

/** A path id; an id that cannot exist is simply not found. */
export function pathId(value: unknown): number {
  const parsed = idParamSchema.safeParse(value);
  if (!parsed.success) throw new DomainError('not_found', 'Not an id');
  return parsed.data;
}

/** Staff accounts and live sessions, for admins. */
export function staffRoutes(staff: StaffAdmin): Router {
  const router = Router();
  const manageStaff = requirePermission('staff:manage');
  const manageSessions = requirePermission('sessions:manage');

  router.get('/staff', manageStaff, (_req, res) => {
    res.json(staff.list());
  });

  router.post('/staff', manageStaff, async (req, res) => {
    const input = parse(createStaffSchema, req.body);
    res.status(201).json(await staff.create(input, adminActor(req, res)));
  });

  router.patch('/staff/:id', manageStaff, (req, res) => {
    const id = pathId(req.params.id);
    const changes = parse(updateStaffSchema, req.body);
    const body: StaffAccountResponse = { user: staff.update(id, changes, adminActor(req, res)) };
    res.json(body);
  });

  router.post('/staff/:id/reset-password', manageStaff, async (req, res) => {
    const id = pathId(req.params.id);
    parse(emptySchema, req.body ?? {});
    res.json(await staff.resetPassword(id, adminActor(req, res)));
  });

  router.get('/sessions', manageSessions, (_req, res) => {
    res.json(staff.sessions(sessionOf(res).sessionId));
  });

  router.delete('/sessions/:id', manageSessions, (req, res) => {
    staff.revokeSession(pathId(req.params.id), adminActor(req, res));
    res.status(204).end();
  });

  return router;
}
