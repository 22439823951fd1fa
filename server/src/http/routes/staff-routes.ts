import type { Request, Response } from 'express';
import type { StaffAccountResponse } from '../../contract/admin';
import { createStaffSchema, emptySchema, updateStaffSchema } from '../../contract/admin-schemas';
import type { AdminActor, StaffAdmin } from '../../auth/staff-admin';
import { DomainError } from '../../domain/errors';
import { idParamSchema } from '../../contract/schemas';
import { clientOf, sessionOf } from '../permission';
import { route, type ApiRoute } from '../route-table';
import { idempotencyKey, orEmpty } from '../validation';

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

/** The `:id` of the path, checked before the body: a bad id is not found whatever the body. */
const idParam = (req: Request): number => pathId(req.params.id);

/** Staff accounts and live sessions, for admins. */
export function staffRoutes(staff: StaffAdmin): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/staff',
      permission: 'staff:manage',
      handler: ({ res }) => res.json(staff.list()),
    }),
    route({
      method: 'POST',
      path: '/api/staff',
      permission: 'staff:manage',
      body: createStaffSchema,
      handler: async ({ req, res, body }) =>
        res.status(201).json(await staff.create(body, adminActor(req, res))),
    }),
    route({
      method: 'PATCH',
      path: '/api/staff/:id',
      permission: 'staff:manage',
      params: idParam,
      body: updateStaffSchema,
      handler: ({ req, res, params: id, body: changes }) => {
        const body: StaffAccountResponse = {
          user: staff.update(id, changes, adminActor(req, res), idempotencyKey(req)),
        };
        res.json(body);
      },
    }),
    route({
      method: 'POST',
      path: '/api/staff/:id/reset-password',
      permission: 'staff:manage',
      params: idParam,
      body: orEmpty(emptySchema),
      handler: async ({ req, res, params: id }) =>
        res.json(await staff.resetPassword(id, adminActor(req, res))),
    }),
    route({
      method: 'GET',
      path: '/api/sessions',
      permission: 'sessions:manage',
      handler: ({ res }) => res.json(staff.sessions(sessionOf(res).sessionId)),
    }),
    route({
      method: 'DELETE',
      path: '/api/sessions/:id',
      permission: 'sessions:manage',
      handler: ({ req, res }) => {
        staff.revokeSession(pathId(req.params.id), adminActor(req, res), idempotencyKey(req));
        res.status(204).end();
      },
    }),
  ];
}
