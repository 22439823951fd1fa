import type { Request, Response } from 'express';
import { createServiceSchema, updateServiceSchema } from '../../contract/catalogue-schemas';
import type { CatalogueCall } from '../../services/admin/catalogue-views';
import type { Services } from '../../services/create-services';
import { clientOf } from '../permission';
import { route, type ApiRoute } from '../route-table';
import { actorOf } from '../session';
import { idempotencyKey, parseId } from '../validation';

/** Who changes the catalogue in this request, and the key that makes it safe to retry. */
export function catalogueCall(req: Request, res: Response): CatalogueCall {
  return { actor: actorOf(res), ip: clientOf(req).ip, idempotencyKey: idempotencyKey(req) };
}

const serviceId = (req: Request) => parseId(req.params.id, 'service_not_found');

/**
 * The service catalogue as admins edit it (supervisors read it whole): create, change and
 * delete services, each change live on every screen.
 */
export function serviceRoutes({ catalogue }: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/catalogue',
      permission: 'catalogue:read',
      handler: ({ res }) => res.json(catalogue.catalogue()),
    }),
    route({
      method: 'POST',
      path: '/api/services',
      permission: 'catalogue:write',
      body: createServiceSchema,
      handler: ({ req, res, body }) => {
        const { value, replayed } = catalogue.createService(body, catalogueCall(req, res));
        res.status(replayed ? 200 : 201).json({ service: value });
      },
    }),
    route({
      method: 'PATCH',
      path: '/api/services/:id',
      permission: 'catalogue:write',
      params: serviceId,
      body: updateServiceSchema,
      handler: ({ req, res, params, body }) =>
        res.json({ service: catalogue.updateService(params, body, catalogueCall(req, res)).value }),
    }),
    route({
      method: 'DELETE',
      path: '/api/services/:id',
      permission: 'catalogue:write',
      params: serviceId,
      handler: ({ req, res, params }) =>
        res.json(catalogue.deleteService(params, catalogueCall(req, res)).value),
    }),
  ];
}
