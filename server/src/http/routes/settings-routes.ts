import express from 'express';
import { settingsPatchSchema } from '../../contract/schemas';
import { LOGO_TYPES, MAX_LOGO_BYTES } from '../../services/admin/centre-logo';
import { DomainError } from '../../domain/errors';
import type { Services } from '../../services/create-services';
import { clientOf } from '../permission';
import { route, type ApiRoute } from '../route-table';
import { actorOf } from '../session';
import { idempotencyKey } from '../validation';

/**
 * A logo's raw bytes, parsed only for an admin (the guard runs after the permission):
 * PNG or JPEG as declared, not compressed in transit, at most `MAX_LOGO_BYTES`.
 */
const logoBody = express.raw({ type: [...LOGO_TYPES], limit: MAX_LOGO_BYTES, inflate: false });

/**
 * The centre's queue rules: supervisors read them, admins change them. And its logo:
 * anyone fetches it, admins set and remove it.
 */
export function settingsRoutes({ settings, logo }: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api/centre/logo',
      permission: 'centre:logo',
      handler: ({ req, res }) => {
        const stored = logo.get();
        if (!stored) throw new DomainError('not_found', 'No logo is set');
        res.set('X-Content-Type-Options', 'nosniff');
        res.set('Content-Type', stored.contentType);
        res.set('ETag', `"${stored.sha256}"`);
        // A URL naming this version (`?v=`, as `logoUrl` does) never changes; a bare one may.
        const version = typeof req.query.v === 'string' ? req.query.v : '';
        res.set(
          'Cache-Control',
          version !== '' && stored.sha256.startsWith(version)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
        if (req.fresh) {
          res.status(304).end();
          return;
        }
        res.send(stored.bytes);
      },
    }),
    route({
      method: 'PUT',
      path: '/api/centre/logo',
      permission: 'settings:write',
      guards: [logoBody],
      handler: ({ req, res }) => {
        const body: unknown = req.body;
        if (!Buffer.isBuffer(body) || body.byteLength === 0) {
          throw new DomainError('invalid_image', 'Send the PNG or JPEG bytes as the body');
        }
        const who = { staffId: actorOf(res).staffId, username: null, ip: clientOf(req).ip };
        res.json({
          logoUrl: logo.put(
            body,
            req.get('content-type')?.split(';')[0]?.trim().toLowerCase(),
            who,
          ),
        });
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/centre/logo',
      permission: 'settings:write',
      handler: ({ req, res }) => {
        logo.remove({ staffId: actorOf(res).staffId, username: null, ip: clientOf(req).ip });
        res.status(204).end();
      },
    }),
    route({
      method: 'GET',
      path: '/api/settings',
      permission: 'settings:read',
      handler: ({ res }) => res.json(settings.current()),
    }),
    route({
      method: 'PATCH',
      path: '/api/settings',
      permission: 'settings:write',
      body: settingsPatchSchema,
      handler: ({ req, res, body }) =>
        res.json(settings.update(body, actorOf(res), clientOf(req).ip, idempotencyKey(req))),
    }),
  ];
}
