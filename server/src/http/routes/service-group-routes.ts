import type { Request } from 'express';
import {
  createServiceGroupSchema,
  updateServiceGroupSchema,
} from '../../contract/catalogue-schemas';
import type { Services } from '../../services/create-services';
import { route, type ApiRoute } from '../route-table';
import { parseId } from '../validation';
import { catalogueCall } from './service-routes';

const groupId = (req: Request) => parseId(req.params.id, 'service_group_not_found');

/** The kiosk menu's fields and procedure groups: supervisors read them, admins edit them. */
export function serviceGroupRoutes({ catalogue }: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/service-groups',
      permission: 'catalogue:read',
      handler: ({ res }) => res.json(catalogue.groups()),
    }),
    route({
      method: 'POST',
      path: '/api/service-groups',
      permission: 'catalogue:write',
      body: createServiceGroupSchema,
      handler: ({ req, res, body }) => {
        const { value, replayed } = catalogue.createServiceGroup(body, catalogueCall(req, res));
        res.status(replayed ? 200 : 201).json({ group: value });
      },
    }),
    route({
      method: 'PATCH',
      path: '/api/service-groups/:id',
      permission: 'catalogue:write',
      params: groupId,
      body: updateServiceGroupSchema,
      handler: ({ req, res, params, body }) =>
        res.json({
          group: catalogue.updateServiceGroup(params, body, catalogueCall(req, res)).value,
        }),
    }),
    route({
      method: 'DELETE',
      path: '/api/service-groups/:id',
      permission: 'catalogue:write',
      params: groupId,
      handler: ({ req, res, params }) =>
        res.json(catalogue.deleteServiceGroup(params, catalogueCall(req, res)).value),
    }),
  ];
}
