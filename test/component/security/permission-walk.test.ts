import type { Socket } from 'socket.io-client';
import { CLIENT_EVENTS } from '../../../server/src/contract';
import { PERMISSIONS } from '../../../server/src/auth/permissions';
import { routeKey, type ApiRoute } from '../../../server/src/http/route-table';
import { SOCKET_EVENT_PERMISSIONS } from '../../../server/src/realtime/socket-auth';
import { ApiClient } from '../../support/api-client';
import { startTestServer, type TestServer } from '../../support/test-server';
import { addStaff, codeOf, openSocket, pairDevice, sessionCookie } from './support';

/** Who the walk asks as: nobody, each role, and a clerk who must still change the password. */
const PRINCIPALS = ['anonymous', 'clerk', 'supervisor', 'admin', 'clerk (must change)'] as const;
type Who = (typeof PRINCIPALS)[number];
type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'password_change_required';

/**
 * Who may call a route, as a person reads docs/security.md, spelled out per principal.
 * Written here by hand, never derived from the server's own declarations, so a route
 * declared with the wrong permission fails the walk instead of agreeing with itself.
 */
const ACCESS = {
  /** Anyone on the LAN, with or without a session. */
  everyone: ['allowed', 'allowed', 'allowed', 'allowed', 'allowed'],
  /** Any staff session, even one whose generated password is still to be changed. */
  'signed-in': ['unauthenticated', 'allowed', 'allowed', 'allowed', 'allowed'],
  /** Any staff member whose password is settled. */
  staff: ['unauthenticated', 'allowed', 'allowed', 'allowed', 'password_change_required'],
  supervisors: ['unauthenticated', 'forbidden', 'allowed', 'allowed', 'forbidden'],
  admins: ['unauthenticated', 'forbidden', 'forbidden', 'allowed', 'forbidden'],
  /** Only a paired device's token; the walk sends none, so everyone it tries is refused. */
  device: [
    'unauthenticated',
    'unauthenticated',
    'unauthenticated',
    'unauthenticated',
    'unauthenticated',
  ],
} as const satisfies Record<string, readonly Outcome[]>;
type Access = keyof typeof ACCESS;

/**
 * Every API route and who may call it, reviewed by hand against docs/security.md.
 * A new route fails the walk until someone decides its line here.
 */
const REVIEWED_ROUTES: Readonly<Record<string, Access>> = {
  'GET /api/health': 'everyone',
  'GET /api/services': 'everyone',
  'GET /api/state': 'everyone',
  'GET /api/counters': 'everyone',
  'POST /api/tickets': 'everyone',
  'GET /api/tickets/:id': 'everyone',
  'GET /api/track/:token': 'everyone',
  'POST /api/auth/login': 'everyone',
  'POST /api/auth/logout': 'everyone',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/change-password': 'signed-in',
  'POST /api/counters/:id/sign-in': 'staff',
  'POST /api/counters/:id/sign-out': 'staff',
  'POST /api/counters/:id/call-next': 'staff',
  'POST /api/counters/:id/call': 'staff',
  'POST /api/counters/:id/recall': 'staff',
  'POST /api/counters/:id/start': 'staff',
  'POST /api/counters/:id/finish': 'staff',
  'POST /api/counters/:id/no-show': 'staff',
  'POST /api/counters/:id/park': 'staff',
  'POST /api/counters/:id/transfer': 'staff',
  'POST /api/counters/:id/pause': 'staff',
  'POST /api/counters/:id/resume': 'staff',
  'POST /api/counters/:id/open': 'staff',
  'POST /api/counters/:id/close': 'staff',
  'POST /api/counters/:id/auto-call': 'staff',
  'GET /api/counters/:id/today': 'staff',
  'GET /api/tickets': 'staff',
  'POST /api/tickets/:id/return': 'staff',
  'POST /api/tickets/:id/requeue': 'staff',
  'POST /api/tickets/:id/cancel': 'staff',
  // The visitor rates at the counter screen; under the paired policy the service then
  // takes only the paired counter screen of the ticket's counter (403 otherwise).
  'POST /api/tickets/:id/rating': 'everyone',
  'POST /api/tickets/:id/reprint': 'staff',
  // The picture's QR holds the ticket's tracking token, and ids are sequential.
  'GET /api/tickets/:id/print.pdf': 'staff',
  'GET /api/tickets/:id/print.png': 'staff',
  // Targets name the centre's network and devices; supervisors follow printers by status.
  'GET /api/printers': 'admins',
  'GET /api/printers/:id/status': 'supervisors',
  'GET /api/print-jobs': 'supervisors',
  'POST /api/printers': 'admins',
  'PATCH /api/printers/:id': 'admins',
  'DELETE /api/printers/:id': 'admins',
  'POST /api/printers/:id/test': 'admins',
  'GET /api/settings': 'supervisors',
  'PATCH /api/settings': 'admins',
  // The catalogue: supervisors read it whole (inactive entries too), admins change it.
  'GET /api/catalogue': 'supervisors',
  'POST /api/services': 'admins',
  'PATCH /api/services/:id': 'admins',
  'DELETE /api/services/:id': 'admins',
  'GET /api/service-groups': 'supervisors',
  'POST /api/service-groups': 'admins',
  'PATCH /api/service-groups/:id': 'admins',
  'DELETE /api/service-groups/:id': 'admins',
  'POST /api/counters': 'admins',
  'PATCH /api/counters/:id': 'admins',
  'DELETE /api/counters/:id': 'admins',
  // The configuration out (no accounts, no secrets) for supervisors; in for admins only.
  'GET /api/config/export': 'supervisors',
  'POST /api/config/import': 'admins',
  'GET /api/services/export.xlsx': 'supervisors',
  'POST /api/services/import': 'admins',
  // Every screen's header shows it.
  'GET /api/centre/logo': 'everyone',
  'PUT /api/centre/logo': 'admins',
  'DELETE /api/centre/logo': 'admins',
  'GET /api/staff': 'admins',
  'POST /api/staff': 'admins',
  'PATCH /api/staff/:id': 'admins',
  'POST /api/staff/:id/reset-password': 'admins',
  'GET /api/sessions': 'admins',
  'DELETE /api/sessions/:id': 'admins',
  'POST /api/devices/pair-requests': 'everyone',
  // The secret request id is the key: only the device that asked knows it.
  'GET /api/devices/pair-requests/:requestId': 'everyone',
  'GET /api/devices/me': 'device',
  'POST /api/devices/pair': 'admins',
  'GET /api/devices': 'admins',
  'POST /api/devices/:id/agent-token': 'admins',
  'PATCH /api/devices/:id': 'admins',
  'DELETE /api/devices/:id': 'admins',
  'GET /api/audit': 'admins',
  // A backup holds every password hash and token hash: admins only.
  'POST /api/backups': 'admins',
  'GET /api/backups': 'admins',
  'GET /api/backups/:name': 'admins',
  // Today's figures and device states: what a floor supervisor watches.
  'GET /api/monitor/today': 'supervisors',
  // Reports over any period: what a centre tells its province.
  'GET /api/reports/summary': 'supervisors',
};

/** Every client → server socket event and who may send it, reviewed the same way. */
const REVIEWED_EVENTS: Readonly<Record<string, Access>> = {
  // The feed is public: hall screens are not signed in.
  sync: 'everyone',
  // A kiosk's print agent connects as a device (anonymous here); its handler accepts
  // only the kiosk that owns the job.
  'print-job:result': 'everyone',
};

/** What the reviewed table promises `who` for a route or event of the given access. */
function expected(access: Access, who: Who): Outcome {
  const outcome = ACCESS[access][PRINCIPALS.indexOf(who)];
  if (!outcome) throw new Error(`ACCESS.${access} has no outcome for ${who}`);
  return outcome;
}

/** The keys the app has that the table lacks, and the table's keys the app lacks. */
function difference(actual: readonly string[], reviewed: Readonly<Record<string, Access>>) {
  return {
    unreviewed: actual.filter((key) => !(key in reviewed)),
    missing: Object.keys(reviewed).filter((key) => !actual.includes(key)),
  };
}

/** A concrete path for an Express pattern: ids that exist nowhere, a dummy for wildcards. */
const concrete = (path: string) =>
  path
    .replace(/:requestId/g, 'x'.repeat(32))
    .replace(/:[A-Za-z]+/g, '999999')
    .replace(/\*\w+/g, 'x');

describe('the permission table, walked over every route and socket event', () => {
  let server: TestServer;
  let routes: readonly ApiRoute[];
  const staffIds = new Map<Who, number>();

  beforeAll(async () => {
    server = await startTestServer();
    // The app's own route table: what it mounts, not what the table below says.
    routes = server.server.application.routes;
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

  const keys = () => routes.map(routeKey);

  test('the reviewed table lists exactly the routes the app serves', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(difference(keys(), REVIEWED_ROUTES)).toEqual({ unreviewed: [], missing: [] });
  });

  test('every route declares a permission of the table in auth/permissions.ts', () => {
    const undeclared = routes.filter((r) => !Object.hasOwn(PERMISSIONS, r.permission));
    expect(undeclared.map((r) => `${routeKey(r)}: ${r.permission}`)).toEqual([]);
  });

  test('the route table declares each method and path once', () => {
    // A second declaration would never be reached: Express answers with the first.
    const twice = keys().filter((key, i, all) => all.indexOf(key) !== i);
    expect(twice).toEqual([]);
  });

  test.each(PRINCIPALS)('every route answers %s as the reviewed table says', async (who) => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const access = REVIEWED_ROUTES[key];
      if (!access) continue; // reported by the test above
      const cookie = cookieFor(who);
      const response = await new ApiClient(server.url).request(route.method, concrete(route.path), {
        body: route.method === 'GET' ? undefined : {},
        headers: { origin: server.url, ...(cookie && { cookie }) },
      });
      const want = expected(access, who);
      const code = codeOf(response.body);
      const got: Outcome | string =
        response.status === 401 && code === 'unauthenticated'
          ? 'unauthenticated'
          : response.status === 403 && (code === 'forbidden' || code === 'password_change_required')
            ? code
            : response.status >= 500 || response.status === 401
              ? `${response.status} ${code ?? ''}`
              : 'allowed';
      if (got !== want) mismatches.push(`${key}: ${got}, expected ${want}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('every route the table gives to devices lets a paired device through', async () => {
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    const { token } = await pairDevice(server, admin, 'kiosk');
    const deviceRoutes = routes.filter(
      (r) => REVIEWED_ROUTES[`${r.method} ${r.path}`] === 'device',
    );
    expect(deviceRoutes.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/devices/me');
    for (const route of deviceRoutes) {
      const response = await new ApiClient(server.url).request(route.method, concrete(route.path), {
        body: route.method === 'GET' ? undefined : {},
        headers: { origin: server.url, authorization: `Device ${token}` },
      });
      expect(`${route.method} ${route.path}: ${response.status}`).not.toMatch(/: (401|403|5\d\d)$/);
    }
  });

  test('the reviewed table lists exactly the client events, and each declares a permission', () => {
    const events: string[] = Object.values(CLIENT_EVENTS);
    expect(difference(events, REVIEWED_EVENTS)).toEqual({ unreviewed: [], missing: [] });
    for (const event of events) expect(SOCKET_EVENT_PERMISSIONS).toHaveProperty(event);
  });

  test.each(PRINCIPALS)('every socket event answers %s as the reviewed table says', async (who) => {
    const cookie = cookieFor(who);
    const socket: Socket = await openSocket(server.url, cookie ? { cookie } : {});
    try {
      for (const event of Object.values(CLIENT_EVENTS)) {
        const ack = (await socket.timeout(5000).emitWithAck(event, {})) as unknown;
        const code = codeOf(ack);
        const got =
          code === 'unauthenticated' || code === 'forbidden' || code === 'password_change_required'
            ? code
            : 'allowed';
        const access = REVIEWED_EVENTS[event];
        expect(`${event}: ${got}`).toBe(`${event}: ${access && expected(access, who)}`);
      }
      const unknown = (await socket.timeout(5000).emitWithAck('admin:everything', {})) as unknown;
      expect(codeOf(unknown)).toBe('forbidden');
    } finally {
      socket.close();
    }
  });
});
