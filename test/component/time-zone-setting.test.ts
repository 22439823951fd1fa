import type { CentreSettings, MonitorToday, StateSnapshot } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { RecordingSocket } from '../support/socket-client';
import { ManualClock, startTestServer, tempDataDir, type TestServer } from '../support/test-server';

/** 02:00 UTC on Friday 27 November 2026: the 27th in Hà Nội, still the 26th in New York. */
const NOW = Date.UTC(2026, 10, 27, 2, 0, 0);

const codeOf = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

describe('the time zone as a centre setting', () => {
  let server: TestServer | null = null;
  let screen: RecordingSocket | null = null;

  afterEach(async () => {
    screen?.close();
    screen = null;
    await server?.stop();
    server = null;
  });

  async function admin(s: TestServer): Promise<ApiClient> {
    const client = new ApiClient(s.url);
    await client.login(s.adminUsername, s.adminPassword);
    return client;
  }

  test('an admin sets it: stored, told to open screens, and the service day follows at once', async () => {
    server = await startTestServer({ clock: new ManualClock(NOW) });
    const api = await admin(server);
    expect((await api.get<CentreSettings>('/api/settings')).body.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect((await api.get<MonitorToday>('/api/monitor/today')).body.day).toBe('2026-11-27');
    screen = new RecordingSocket(server.url, ['centre:updated']);
    const open = screen;
    await open.waitFor(() => open.snapshots.length > 0);

    const changed = await api.request<CentreSettings>('PATCH', '/api/settings', {
      body: { timeZone: 'America/New_York' },
    });

    expect(changed.status).toBe(200);
    expect(changed.body.timeZone).toBe('America/New_York');
    const state = await new ApiClient(server.url).get<StateSnapshot>('/api/state');
    expect(state.body.centre).toMatchObject({ timeZone: 'America/New_York', timeZoneFixed: false });
    await open.waitFor(() => open.received.length === 1);
    const event = open.received[0];
    if (event?.type !== 'centre:updated') throw new Error('expected centre:updated');
    expect(event.payload.centre.timeZone).toBe('America/New_York');
    // No restart: today is the 26th in New York.
    expect((await api.get<MonitorToday>('/api/monitor/today')).body.day).toBe('2026-11-26');
  });

  test('Asia/Bangkok is stored as Intl spells it and kept across a restart', async () => {
    const dataDir = tempDataDir();
    server = await startTestServer({ dataDir });
    const api = await admin(server);

    const changed = await api.request<CentreSettings>('PATCH', '/api/settings', {
      body: { timeZone: 'asia/bangkok' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.timeZone).toBe('Asia/Bangkok');
    await server.stop();
    server = await startTestServer({ dataDir });

    const state = await new ApiClient(server.url).get<StateSnapshot>('/api/state');
    expect(state.body.centre.timeZone).toBe('Asia/Bangkok');
  });

  test.each(['Mars/Olympus_Mons', '', '+07:00', 'Asia/Ho_Chi_Minh'.repeat(5), 7])(
    'refuses the zone %j with 400 and keeps the one stored',
    async (timeZone) => {
      server = await startTestServer();
      const api = await admin(server);

      const refused = await api.request('PATCH', '/api/settings', { body: { timeZone } });

      expect(refused.status).toBe(400);
      expect(codeOf(refused.body)).toBe('validation_failed');
      expect((await api.get<CentreSettings>('/api/settings')).body.timeZone).toBe(
        'Asia/Ho_Chi_Minh',
      );
    },
  );

  test('with LUOT_TIME_ZONE set, the deployment’s zone wins: another is refused with 409', async () => {
    server = await startTestServer({ env: { LUOT_TIME_ZONE: 'Asia/Bangkok' } });
    const api = await admin(server);
    const state = await new ApiClient(server.url).get<StateSnapshot>('/api/state');
    expect(state.body.centre).toMatchObject({ timeZone: 'Asia/Bangkok', timeZoneFixed: true });
    expect((await api.get<CentreSettings>('/api/settings')).body.timeZone).toBe('Asia/Bangkok');

    const refused = await api.request('PATCH', '/api/settings', {
      body: { timeZone: 'Asia/Ho_Chi_Minh', recallLimit: 2 },
    });
    expect(refused.status).toBe(409);
    expect(codeOf(refused.body)).toBe('time_zone_fixed');
    // Nothing of the refused patch was stored.
    expect((await api.get<CentreSettings>('/api/settings')).body.recallLimit).toBe(3);

    // The fixed zone itself, sent back by a form, changes nothing and is not refused.
    const same = await api.request<CentreSettings>('PATCH', '/api/settings', {
      body: { timeZone: 'Asia/Bangkok', recallLimit: 2 },
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ timeZone: 'Asia/Bangkok', recallLimit: 2 });
  });
});
