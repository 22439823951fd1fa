import type { DeviceResponse } from '../../../server/src/contract';
import { codeOf, pairDevice, useSecurityServer } from './support';

describe('a device checking its own identity', () => {
  const f = useSecurityServer();

  const me = (authorization?: string, client = f.anonymous) =>
    client.request<DeviceResponse>('GET', '/api/devices/me', {
      headers: authorization === undefined ? {} : { authorization },
    });

  describe('GET /api/devices/me', () => {
    test('answers a paired device with itself, not cached, and records that it was seen', async () => {
      const { id, token } = await pairDevice(f.server, f.admin, 'kiosk', 'Kiosk sảnh tầng 1');
      f.clock.advance(5 * 60_000);

      const response = await me(`Device ${token}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.body).toEqual({
        device: {
          id,
          kind: 'kiosk',
          name: 'Kiosk sảnh tầng 1',
          pairedAt: new Date(f.clock.now() - 5 * 60_000).toISOString(),
          lastSeenAt: new Date(f.clock.now()).toISOString(),
          counterId: null,
          serviceIds: null,
          counterIds: null,
        },
      });
    });

    test('answers 401 unauthenticated without a device token, even to a signed-in admin', async () => {
      for (const response of [await me(), await me(undefined, f.admin)]) {
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
      const { id, token } = await pairDevice(f.server, f.admin, 'kiosk');
      expect((await me(`Device ${token}`)).status).toBe(200);

      expect((await f.admin.request('DELETE', `/api/devices/${id}`)).status).toBe(204);

      const response = await me(`Device ${token}`);
      expect(response.status).toBe(401);
      expect(codeOf(response.body)).toBe('unauthenticated');
    });

    test('answers displays and counter terminals too', async () => {
      const { token } = await pairDevice(f.server, f.admin, 'display', 'Màn hình sảnh');
      const response = await me(`Device ${token}`);
      expect(response.body.device).toMatchObject({ kind: 'display', name: 'Màn hình sảnh' });
    });
  });
});
