import type { Services } from '../../services/create-services';
import { route, type ApiRoute } from '../route-table';
import { actorOf } from '../session';
import { idempotencyKey } from '../validation';

/** The centre's queue rules: supervisors read them, admins change them. */
export function settingsRoutes({ settings }: Services): ApiRoute[] {
  return [
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
      // The settings use case validates the patch itself.
      handler: ({ req, res }) =>
        res.json(settings.update(req.body, actorOf(res), req.ip ?? null, idempotencyKey(req))),
    }),
  ];
}
