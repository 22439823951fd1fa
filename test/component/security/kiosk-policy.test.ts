import type { StateSnapshot } from '../../../server/src/contract';
import { OPEN_KIOSK_RATE } from '../../../server/src/http/kiosk-access';
import { ApiClient } from '../../support/api-client';
import { RecordingSocket } from '../../support/socket-client';
import { addStaff, codeOf, pairDevice, signedIn, useSecurityServer } from './support';

const DKKD = 1;

describe('kiosk policy for POST /api/tickets', () => {
  const f = useSecurityServer();

  const issue = (headers: Record<string, string> = {}, client = f.anonymous) =>
    client.request('POST', '/api/tickets', { body: { serviceId: DKKD }, headers });

  describe('open (the default)', () => {
    test(`lets one address issue ${OPEN_KIOSK_RATE.limit} tickets a minute, then 429`, async () => {
      for (let i = 0; i < OPEN_KIOSK_RATE.limit; i++) expect((await issue()).status).toBe(201);
      const limited = await issue();
      expect(limited.status).toBe(429);
      expect(codeOf(limited.body)).toBe('rate_limited');
      expect(limited.headers.get('retry-after')).toBe('60');
      f.clock.advance(OPEN_KIOSK_RATE.windowMs);
      expect((await issue()).status).toBe(201);
    });

    test('does not count refused requests', async () => {
      for (let i = 0; i < OPEN_KIOSK_RATE.limit + 5; i++) {
        const bad = await f.anonymous.request('POST', '/api/tickets', { body: { serviceId: 999 } });
        expect(bad.status).toBe(404);
      }
      expect((await issue()).status).toBe(201);
    });

    test('does not limit staff or paired kiosks', async () => {
      const { token } = await pairDevice(f.server, f.admin, 'kiosk');
      for (let i = 0; i < OPEN_KIOSK_RATE.limit; i++) await issue();
      expect((await issue()).status).toBe(429);
      expect((await issue({}, f.admin)).status).toBe(201);
      expect((await issue({ authorization: `Device ${token}` })).status).toBe(201);
    });
  });

  describe('paired', () => {
    beforeEach(async () => {
      const set = await f.admin.request('PATCH', '/api/settings', {
        body: { kioskPolicy: 'paired' },
      });
      expect(set.status).toBe(200);
    });

    test('refuses an unpaired kiosk with 403 kiosk_not_paired and issues nothing', async () => {
      const response = await issue();
      expect(response.status).toBe(403);
      expect(codeOf(response.body)).toBe('kiosk_not_paired');
      const state = await f.anonymous.get<{ services: { waiting: number }[] }>('/api/state');
      expect(state.body.services[0]?.waiting).toBe(0);
    });

    test('issues for a paired kiosk', async () => {
      const { token } = await pairDevice(f.server, f.admin, 'kiosk');
      expect((await issue({ authorization: `Device ${token}` })).status).toBe(201);
    });

    test('refuses a paired display: only kiosks issue', async () => {
      const { token } = await pairDevice(f.server, f.admin, 'display');
      expect(codeOf((await issue({ authorization: `Device ${token}` })).body)).toBe(
        'kiosk_not_paired',
      );
    });

    test('issues for a signed-in clerk, but not one who must still change the password', async () => {
      await addStaff(f.server, 'lan', 'clerk');
      await addStaff(f.server, 'moi', 'clerk', { mustChangePassword: true });
      expect((await issue({}, await signedIn(f.server, 'lan'))).status).toBe(201);
      expect((await issue({}, await signedIn(f.server, 'moi'))).status).toBe(403);
    });

    test('refuses a revoked kiosk', async () => {
      const { id, token } = await pairDevice(f.server, f.admin, 'kiosk');
      await f.admin.request('DELETE', `/api/devices/${id}`);
      expect((await issue({ authorization: `Device ${token}` })).status).toBe(401);
    });
  });
});

describe('the kiosk policy in what screens see of the centre', () => {
  let socket: RecordingSocket | undefined;
  // Registered before the server's hooks so the socket closes before the server stops.
  afterEach(() => {
    socket?.socket.close();
    socket = undefined;
  });
  const f = useSecurityServer();

  test('the state snapshot says open by default', async () => {
    const state = await new ApiClient(f.server.url).get<StateSnapshot>('/api/state');
    expect(state.body.centre.kioskPolicy).toBe('open');
  });

  test('after an admin sets paired, the snapshot and the live centre:updated say paired', async () => {
    socket = new RecordingSocket(f.server.url, ['centre:updated']);
    await socket.waitFor(() => socket?.snapshots.length === 1);
    expect(socket.snapshots[0]?.centre.kioskPolicy).toBe('open');

    const set = await f.admin.request('PATCH', '/api/settings', {
      body: { kioskPolicy: 'paired' },
    });
    expect(set.status).toBe(200);

    await socket.waitFor(() => socket?.received.length === 1);
    const event = socket.received[0];
    expect(event?.type === 'centre:updated' && event.payload.centre.kioskPolicy).toBe('paired');
    const state = await new ApiClient(f.server.url).get<StateSnapshot>('/api/state');
    expect(state.body.centre.kioskPolicy).toBe('paired');
  });
});
