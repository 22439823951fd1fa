import { settingsPatchSchema } from '../../contract/schemas';
import type { Services } from '../../services/create-services';
import { clientOf } from '../permission';
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
      body: settingsPatchSchema,
      handler: ({ req, res, body }) =>
        res.json(settings.update(body, actorOf(res), clientOf(req).ip, idempotencyKey(req))),
    }),
  ];
}
