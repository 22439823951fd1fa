import type { ListedDevice } from '../../../server/src/contract';
import { openSocket, pairDevice, useSecurityServer } from './support';

describe('GET /api/devices: online or offline', () => {
  const f = useSecurityServer();

  const onlineOf = async (id: number) => {
    const list = await f.admin.get<ListedDevice[]>('/api/devices');
    expect(list.status).toBe(200);
    return list.body.find((d) => d.id === id)?.online;
  };

  test('a device is online while it made a request in the last 2 minutes, then offline', async () => {
    const kiosk = await pairDevice(f.server, f.admin, 'kiosk', 'Kiosk sảnh');
    expect(await onlineOf(kiosk.id)).toBe(true);
    f.clock.advance(2 * 60_000 + 1000);
    expect(await onlineOf(kiosk.id)).toBe(false);
  });

  test('a device with a socket open stays online however long ago its last request', async () => {
    const display = await pairDevice(f.server, f.admin, 'display', 'Màn hình sảnh');
    const other = await pairDevice(f.server, f.admin, 'display', 'Màn hình tầng 2');
    const socket = await openSocket(f.server.url, { deviceToken: display.token });
    try {
      f.clock.advance(60 * 60_000);
      expect(await onlineOf(display.id)).toBe(true);
      expect(await onlineOf(other.id)).toBe(false);
    } finally {
      socket.close();
    }
    // Once its socket is gone (the server sees the close), it is offline again.
    const deadline = Date.now() + 5000;
    while ((await onlineOf(display.id)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await onlineOf(display.id)).toBe(false);
  });
});
