import type { Socket } from 'socket.io-client';
import { PERMISSIONS, type Permission } from '../../../server/src/auth/permissions';
import { CLIENT_EVENTS } from '../../../server/src/contract';
import { listRoutes, type RouteEntry } from '../../../server/src/http/route-table';
import { SOCKET_EVENT_PERMISSIONS } from '../../../server/src/realtime/socket-auth';
import { ApiClient } from '../../support/api-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { addStaff, codeOf, openSocket, pairDevice, sessionCookie } from './support';

/** Who the walk asks as: nobody, each role, and a clerk who must still change the password. */
const PRINCIPALS = ['anonymous', 'clerk', 'supervisor', 'admin', 'clerk (must change)'] as const;
type Who = (typeof PRINCIPALS)[number];
type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'password_change_required';

/** What may be done before a generated password is changed, besides what anyone may do. */
const BEFORE_CHANGE: readonly Permission[] = ['session:read', 'password:change'];

const roleOf = (who: Who) => (who === 'clerk (must change)' ? 'clerk' : who);
const holds = (principal: string, permission: Permission) =>
  (PERMISSIONS[permission] as readonly string[]).includes(principal);

/**
 * The outcome the permission table promises, worked out independently of the server's code.
 * The walk sends no device token, so a route that needs one refuses everyone as anonymous.
 */
function expected(route: Pick<RouteEntry, 'permissions' | 'deviceOnly'>, who: Who): Outcome {
  const { permissions } = route;
  if (route.deviceOnly) return 'unauthenticated';
  if (!permissions.every((p) => holds(roleOf(who), p))) {
    return who === 'anonymous' ? 'unauthenticated' : 'forbidden';
  }
  const beforeChange = permissions.every((p) => holds('anonymous', p) || BEFORE_CHANGE.includes(p));
  return who === 'clerk (must change)' && !beforeChange ? 'password_change_required' : 'allowed';
}

/** A concrete path for an Express pattern: ids that exist nowhere, a dummy for wildcards. */
const concrete = (path: string) =>
  path
    .replace(/:requestId/g, 'x'.repeat(32))
    .replace(/:[A-Za-z]+/g, '999999')
    .replace(/\*\w+/g, 'x');

describe('the permission table, walked over every route and socket event', () => {
  let server: TestServer;
  let routes: RouteEntry[];
  const staffIds = new Map<Who, number>();

  beforeAll(async () => {
    server = await startTestServer();
    routes = listRoutes(server.server.application.app).filter((r) => r.path.startsWith('/api/'));
    staffIds.set('admin', 1);
    staffIds.set('clerk', await addStaff(server, 'walk-clerk', 'clerk'));
    staffIds.set('supervisor', await addStaff(server, 'walk-supervisor', 'supervisor'));
    staffIds.set(
      'clerk (must change)',
      await addStaff(server, 'walk-newbie', 'clerk', { mustChangePassword: true }),
    );
  });

  afterAll(() => server.stop());

  /** A fresh session per request, so that signing out or revoking cannot spoil the next. */
  const cookieFor = (who: Who): string | undefined => {
    const id = staffIds.get(who);
    return id === undefined ? undefined : sessionCookie(server, id);
  };

  test('finds the routes of every router, its own and those added later', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'POST /api/tickets',
        'GET /api/counters',
        'POST /api/counters/:id/call-next',
        'GET /api/staff',
        'DELETE /api/sessions/:id',
        'POST /api/devices/pair',
        'GET /api/audit',
      ]),
    );
    expect(routes.length).toBeGreaterThan(30);
  });

  test('every route declares its permission with requirePermission()', () => {
    const undeclared = routes.filter((r) => r.permissions.length === 0);
    expect(undeclared.map((r) => `${r.method} ${r.path}: add requirePermission(...)`)).toEqual([]);
  });

  test('no permission guard is mounted for a route that does not exist', () => {
    const orphans = routes.filter((r) => r.guardOnly);
    expect(orphans.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  test.each(PRINCIPALS)('every route answers %s as the permission table says', async (who) => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const cookie = cookieFor(who);
      const response = await new ApiClient(server.url).request(route.method, concrete(route.path), {
        body: route.method === 'GET' ? undefined : {},
        headers: { origin: server.url, ...(cookie && { cookie }) },
      });
      const want = expected(route, who);
      const code = codeOf(response.body);
      const got: Outcome | string =
        response.status === 401 && code === 'unauthenticated'
          ? 'unauthenticated'
          : response.status === 403 && (code === 'forbidden' || code === 'password_change_required')
            ? code
            : response.status >= 500 || response.status === 401
              ? `${response.status} ${code ?? ''}`
              : 'allowed';
      if (got !== want) mismatches.push(`${route.method} ${route.path}: ${got}, expected ${want}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('every route that needs a device token lets a paired device through', async () => {
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    const { token } = await pairDevice(server, admin, 'kiosk');
    const deviceRoutes = routes.filter((r) => r.deviceOnly);
    expect(deviceRoutes.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/devices/me');
    for (const route of deviceRoutes) {
      const response = await new ApiClient(server.url).request(route.method, concrete(route.path), {
        body: route.method === 'GET' ? undefined : {},
        headers: { origin: server.url, authorization: `Device ${token}` },
      });
      expect(`${route.method} ${route.path}: ${response.status}`).not.toMatch(/: (401|403|5\d\d)$/);
    }
  });

  test('every client event has a declared permission', () => {
    for (const event of Object.values(CLIENT_EVENTS)) {
      expect(SOCKET_EVENT_PERMISSIONS).toHaveProperty(event);
    }
  });

  test.each(PRINCIPALS)(
    'every socket event answers %s as the permission table says',
    async (who) => {
      const cookie = cookieFor(who);
      const socket: Socket = await openSocket(server.url, cookie ? { cookie } : {});
      try {
        for (const event of Object.values(CLIENT_EVENTS)) {
          const ack = (await socket.timeout(5000).emitWithAck(event, {})) as unknown;
          const code = codeOf(ack);
          const got =
            code === 'unauthenticated' ||
            code === 'forbidden' ||
            code === 'password_change_required'
              ? code
              : 'allowed';
          expect(`${event}: ${got}`).toBe(
            `${event}: ${expected({ permissions: [SOCKET_EVENT_PERMISSIONS[event]], deviceOnly: false }, who)}`,
          );
        }
        const unknown = (await socket.timeout(5000).emitWithAck('admin:everything', {})) as unknown;
        expect(codeOf(unknown)).toBe('forbidden');
      } finally {
        socket.close();
      }
    },
  );
});
