import { Router } from 'express';
import type { DeviceResponse } from '../../contract/admin';
import {
  pairDeviceSchema,
  pairRequestIdSchema,
  pairRequestSchema,
} from '../../contract/admin-schemas';
import { toDevice, type DeviceService } from '../../auth/device-service';
import { DomainError } from '../../domain/errors';
import { clientOf, deviceOf, requireDevice, requirePermission } from '../permission';
import { parse } from '../validation';
import { adminActor, pathId } from './staff-routes';

/**
 * Pairing of kiosks and displays (the device's side is public), a device's own identity,
 * and the admin's device list.
 */
export function deviceRoutes(devices: DeviceService): Router {
  const router = Router();
  const pairing = requirePermission('device:pair-request');
  const manage = requirePermission('devices:manage');

  router.post('/devices/pair-requests', pairing, (req, res) => {
    const { kind, name } = parse(pairRequestSchema, req.body);
    res.status(201).json(devices.requestPairing(kind, name, clientOf(req).ip));
  });

  router.get('/devices/pair-requests/:requestId', pairing, (req, res) => {
    const requestId = pairRequestIdSchema.safeParse(req.params.requestId);
    if (!requestId.success) throw new DomainError('not_found', 'No such pairing request');
    res.set('Cache-Control', 'no-store');
    res.json(devices.poll(requestId.data));
  });

  // A device checks the identity it stored: 401 once it was revoked, so it pairs again.
  router.get('/devices/me', requirePermission('device:self'), requireDevice(), (_req, res) => {
    const body: DeviceResponse = { device: toDevice(deviceOf(res)) };
    res.set('Cache-Control', 'no-store');
    res.json(body);
  });

  router.post('/devices/pair', manage, (req, res) => {
    const { code, name } = parse(pairDeviceSchema, req.body);
    const body: DeviceResponse = { device: devices.approve(code, name, adminActor(req, res)) };
    res.json(body);
  });

  router.get('/devices', manage, (_req, res) => {
    res.json(devices.list());
  });

  router.post('/devices/:id/agent-token', manage, (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.status(201).json(devices.issueAgentToken(pathId(req.params.id), adminActor(req, res)));
  });

  router.delete('/devices/:id', manage, (req, res) => {
    devices.revoke(pathId(req.params.id), adminActor(req, res));
    res.status(204).end();
  });

  return router;
}
