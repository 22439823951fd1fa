import type { Device, DeviceResponse } from '../../../server/src/contract';
import { ApiClient } from '../../support/api-client';
import { errorOf, expectStatus, useQueueFixture } from '../../support/queue-helpers';
import { pairDevice } from '../../component/security/support';

const { f } = useQueueFixture();

const patch = (id: number, body: object) =>
  f.admin.request<DeviceResponse>('PATCH', `/api/devices/${id}`, { body });

/** What a device learns of itself from `GET /api/devices/me`. */
async function me(token: string): Promise<Device> {
  const client = new ApiClient(f.server.url);
  const response = await client.request<DeviceResponse>('GET', '/api/devices/me', {
    headers: { authorization: `Device ${token}` },
  });
  return expectStatus(response, 200).device;
}

describe('PATCH /api/devices/:id', () => {
  test('binds a counter screen to its counter and renames it; the screen sees it', async () => {
    // Arrange
    const screen = await pairDevice(f.server, f.admin, 'counter');

    // Act
    const response = await patch(screen.id, { name: 'Màn hình quầy 3', counterId: 3 });

    // Assert
    expect(expectStatus(response, 200).device).toMatchObject({
      id: screen.id,
      kind: 'counter',
      name: 'Màn hình quầy 3',
      counterId: 3,
      serviceIds: null,
      counterIds: null,
    });
    expect(await me(screen.token)).toMatchObject({ counterId: 3, name: 'Màn hình quầy 3' });
  });

  test('sets and clears a hall display’s filters of services and counters', async () => {
    // Arrange
    const display = await pairDevice(f.server, f.admin, 'display');

    // Act
    const set = await patch(display.id, { serviceIds: [1, 2], counterIds: [1, 2, 3, 4] });
    const seen = await me(display.token);
    const cleared = await patch(display.id, { serviceIds: null });

    // Assert
    expect(expectStatus(set, 200).device).toMatchObject({
      serviceIds: [1, 2],
      counterIds: [1, 2, 3, 4],
      counterId: null,
    });
    expect(seen).toMatchObject({ serviceIds: [1, 2], counterIds: [1, 2, 3, 4] });
    expect(expectStatus(cleared, 200).device).toMatchObject({
      serviceIds: null,
      counterIds: [1, 2, 3, 4],
    });
  });

  test.each([
    ['a counter for a display', 'display', { counterId: 1 }],
    ['filters for a counter screen', 'counter', { serviceIds: [1] }],
    ['filters for a kiosk', 'kiosk', { counterIds: [1] }],
    ['a counter that does not exist', 'counter', { counterId: 999 }],
    ['a service that does not exist', 'display', { serviceIds: [1, 999] }],
    ['a counter id twice', 'display', { counterIds: [1, 1] }],
    ['more than 100 ids', 'display', { counterIds: Array.from({ length: 101 }, (_, i) => i + 1) }],
    ['an empty name', 'display', { name: '  ' }],
    ['an unknown field', 'display', { volume: 10 }],
  ] as const)('refuses %s with 400 validation_failed', async (_what, kind, body) => {
    // Arrange
    const device = await pairDevice(f.server, f.admin, kind);

    // Act
    const response = await patch(device.id, body);

    // Assert
    expect(errorOf(response, 400).code).toBe('validation_failed');
    expect(await me(device.token)).toMatchObject({ counterId: null, serviceIds: null });
  });

  test('answers 404 for a device that is not paired, or revoked', async () => {
    // Arrange
    const device = await pairDevice(f.server, f.admin, 'display');
    expectStatus(await f.admin.request('DELETE', `/api/devices/${device.id}`), 204);

    // Act
    const revoked = await patch(device.id, { name: 'Sảnh' });
    const none = await patch(999, { name: 'Sảnh' });

    // Assert
    expect(errorOf(revoked, 404).code).toBe('not_found');
    expect(errorOf(none, 404).code).toBe('not_found');
  });

  test('is audited once per real change', async () => {
    // Arrange
    const display = await pairDevice(f.server, f.admin, 'display');

    // Act
    await patch(display.id, { serviceIds: [2] });
    await patch(display.id, { serviceIds: [2] });

    // Assert
    const rows = f.server.server.application.repos.db.all<{ details: string }>(
      "SELECT details FROM audit_log WHERE action = 'device.update'",
    );
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toMatchObject({
      kind: 'display',
      serviceIds: [2],
    });
  });
});

describe('pairing a counter screen with its counter', () => {
  test('keeps the counter it asked for, unless the admin names another', async () => {
    // Arrange
    const asks = async (counterId: number) => {
      const device = new ApiClient(f.server.url);
      const request = expectStatus(
        await device.post<{ code: string }>('/api/devices/pair-requests', {
          kind: 'counter',
          counterId,
        }),
        201,
      );
      return request.code;
    };
    const first = await asks(4);
    const second = await asks(5);

    // Act
    const kept = await f.admin.post<DeviceResponse>('/api/devices/pair', {
      code: first,
      name: 'Quầy 4',
    });
    const changed = await f.admin.post<DeviceResponse>('/api/devices/pair', {
      code: second,
      name: 'Quầy 6',
      counterId: 6,
    });

    // Assert
    expect(expectStatus(kept, 200).device.counterId).toBe(4);
    expect(expectStatus(changed, 200).device.counterId).toBe(6);
  });

  test.each([
    ['a counter for a display', { kind: 'display', counterId: 1 }, 400],
    ['a counter that does not exist', { kind: 'counter', counterId: 999 }, 400],
    ['a counter id that is no id', { kind: 'counter', counterId: -1 }, 400],
  ])('refuses a request naming %s', async (_what, body, status) => {
    // Act
    const response = await f.anonymous.post('/api/devices/pair-requests', body);

    // Assert
    expect(errorOf(response, status).code).toBe('validation_failed');
  });

  test('refuses an approval naming a counter for a display', async () => {
    // Arrange
    const device = new ApiClient(f.server.url);
    const { code } = expectStatus(
      await device.post<{ code: string }>('/api/devices/pair-requests', { kind: 'display' }),
      201,
    );

    // Act
    const response = await f.admin.post('/api/devices/pair', { code, name: 'Sảnh', counterId: 1 });

    // Assert
    expect(errorOf(response, 400).code).toBe('validation_failed');
  });
});
