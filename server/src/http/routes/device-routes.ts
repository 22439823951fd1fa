import type { DeviceResponse, ListedDevice } from '../../contract/admin';
import {
  pairDeviceSchema,
  pairRequestIdSchema,
  pairRequestSchema,
  updateDeviceSchema,
} from '../../contract/admin-schemas';
import { toDevice, type DeviceService } from '../../auth/device-service';
import { DomainError } from '../../domain/errors';
import { clientOf, deviceOf } from '../permission';
import { route, type ApiRoute } from '../route-table';
import { idempotencyKey } from '../validation';
import { adminActor, pathId } from './staff-routes';

/**
 * Pairing of kiosks and displays (the device's side is public), a device's own identity,
 * and the admin's device list.
 */
export function deviceRoutes(
  devices: DeviceService,
  onlineIds: () => ReadonlySet<number> = () => new Set(),
): ApiRoute[] {
  return [
    route({
      method: 'POST',
      path: '/api/devices/pair-requests',
      permission: 'device:pair-request',
      body: pairRequestSchema,
      handler: ({ req, res, body: { kind, name, counterId } }) =>
        res.status(201).json(devices.requestPairing(kind, name, clientOf(req).ip, counterId)),
    }),
    route({
      method: 'GET',
      path: '/api/devices/pair-requests/:requestId',
      permission: 'device:pair-request',
      handler: ({ req, res }) => {
        const requestId = pairRequestIdSchema.safeParse(req.params.requestId);
        if (!requestId.success) throw new DomainError('not_found', 'No such pairing request');
        res.set('Cache-Control', 'no-store');
        res.json(devices.poll(requestId.data));
      },
    }),
    // A device checks the identity it stored: 401 once it was revoked, so it pairs again.
    route({
      method: 'GET',
      path: '/api/devices/me',
      permission: 'device:self',
      device: true,
      handler: ({ res }) => {
        const body: DeviceResponse = { device: toDevice(deviceOf(res)) };
        res.set('Cache-Control', 'no-store');
        res.json(body);
      },
    }),
    route({
      method: 'POST',
      path: '/api/devices/pair',
      permission: 'devices:manage',
      body: pairDeviceSchema,
      handler: ({ req, res, body: { code, name, counterId } }) => {
        const body: DeviceResponse = {
          device: devices.approve(code, name, adminActor(req, res), idempotencyKey(req), counterId),
        };
        res.json(body);
      },
    }),
    route({
      method: 'GET',
      path: '/api/devices',
      permission: 'devices:manage',
      handler: ({ res }) => {
        const online = onlineIds();
        const body: ListedDevice[] = devices
          .list()
          .map((device) => ({ ...device, online: online.has(device.id) }));
        res.json(body);
      },
    }),
    route({
      method: 'POST',
      path: '/api/devices/:id/agent-token',
      permission: 'devices:manage',
      handler: ({ req, res }) => {
        res.set('Cache-Control', 'no-store');
        res.status(201).json(devices.issueAgentToken(pathId(req.params.id), adminActor(req, res)));
      },
    }),
    route({
      method: 'PATCH',
      path: '/api/devices/:id',
      permission: 'devices:manage',
      params: (req) => pathId(req.params.id),
      body: updateDeviceSchema,
      handler: ({ req, res, params: id, body }) => {
        const answer: DeviceResponse = {
          device: devices.update(id, body, adminActor(req, res), idempotencyKey(req)),
        };
        res.json(answer);
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/devices/:id',
      permission: 'devices:manage',
      handler: ({ req, res }) => {
        devices.revoke(pathId(req.params.id), adminActor(req, res), idempotencyKey(req));
        res.status(204).end();
      },
    }),
  ];
}
