import type { DeviceResponse } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { codeOf, pairDevice, signedIn } from './support';

describe('a device checking its own identity', () => {
  let clock: ManualClock;
  let server: TestServer;
  let admin: ApiClient;
  let kiosk: ApiClient;

  beforeEach(async () => {
    clock = new ManualClock();
    server = await startTestServer({ clock });
    admin = await signedIn(server, server.adminUsername, server.adminPassword);
    kiosk = new ApiClient(server.url);
  });

  afterEach(() => server.stop());

  const me = (authorization?: string, client = kiosk) =>
    client.request<DeviceResponse>('GET', '/api/devices/me', {
      headers: authorization === undefined ? {} : { authorization },
    });

  describe('GET /api/devices/me', () => {
    test('answers a paired device with itself, not cached, and records that it was seen', async () => {
      const { id, token } = await pairDevice(server, admin, 'kiosk', 'Kiosk sảnh tầng 1');
      clock.advance(5 * 60_000);

      const response = await me(`Device ${token}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.body).toEqual({
        device: {
          id,
          kind: 'kiosk',
          name: 'Kiosk sảnh tầng 1',
          pairedAt: new Date(clock.now() - 5 * 60_000).toISOString(),
          lastSeenAt: new Date(clock.now()).toISOString(),
        },
      });
    });

    test('answers 401 unauthenticated without a device token, even to a signed-in admin', async () => {
      for (const response of [await me(), await me(undefined, admin)]) {
        expect(response.status).toBe(401);
        expect(codeOf(response.body)).toBe('unauthenticated');
      }
    });

    test('answers 401 unauthenticated to a token that was never issued or is malformed', async () => {
      for (const authorization of [`Device ${'x'.repeat(43)}`, 'Device ', 'Bearer abc']) {
        const response = await me(authorization);
        expect(response.status).toBe(401);
        expect(codeOf(response.body)).toBe('unauthenticated');
      }
    });

    test('answers 401 unauthenticated once the device is revoked', async () => {
      const { id, token } = await pairDevice(server, admin, 'kiosk');
      expect((await me(`Device ${token}`)).status).toBe(200);

      expect((await admin.request('DELETE', `/api/devices/${id}`)).status).toBe(204);

      const response = await me(`Device ${token}`);
      expect(response.status).toBe(401);
      expect(codeOf(response.body)).toBe('unauthenticated');
    });

    test('answers displays and counter terminals too', async () => {
      const { token } = await pairDevice(server, admin, 'display', 'Màn hình sảnh');
      const response = await me(`Device ${token}`);
      expect(response.body.device).toMatchObject({ kind: 'display', name: 'Màn hình sảnh' });
    });
  });
});
