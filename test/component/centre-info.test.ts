import type { StateSnapshot } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { RecordingSocket } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe('the centre info screens get', () => {
  let server: TestServer;
  let screen: RecordingSocket | null = null;

  afterEach(async () => {
    screen?.close();
    screen = null;
    await server.stop();
  });

  test('names the centre’s zone and public URL, in GET /api/state and the snapshot', async () => {
    server = await startTestServer({
      env: { LUOT_PUBLIC_URL: 'http://192.0.2.10:8080/', LUOT_TIME_ZONE: 'Asia/Bangkok' },
    });
    screen = new RecordingSocket(server.url, []);
    const open = screen;
    await open.waitFor(() => open.snapshots.length > 0);

    const state = await new ApiClient(server.url).get<StateSnapshot>('/api/state');

    for (const centre of [state.body.centre, open.snapshots[0]?.centre]) {
      expect(centre?.timeZone).toBe('Asia/Bangkok');
      expect(centre?.publicUrl).toBe('http://192.0.2.10:8080');
    }
  });

  test('without LUOT_PUBLIC_URL gives the address the server listens on, as printed tickets do', async () => {
    server = await startTestServer();

    const state = await new ApiClient(server.url).get<StateSnapshot>('/api/state');

    expect(state.body.centre.publicUrl).toBe(server.url);
    expect(state.body.centre.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  test('a centre:updated event carries them too', async () => {
    server = await startTestServer({ env: { LUOT_TIME_ZONE: 'Asia/Bangkok' } });
    screen = new RecordingSocket(server.url, ['centre:updated']);
    const open = screen;
    await open.waitFor(() => open.snapshots.length > 0);
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);

    await admin.request('PATCH', '/api/settings', { body: { recallLimit: 2 } });
    await open.waitFor(() => open.received.length === 1);

    const event = open.received[0];
    if (event?.type !== 'centre:updated') throw new Error('expected centre:updated');
    expect(event.payload.centre).toMatchObject({
      recallLimit: 2,
      timeZone: 'Asia/Bangkok',
      publicUrl: server.url,
    });
  });
});
