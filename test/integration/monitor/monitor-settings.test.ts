import type {
  CentreConfig,
  CentreSettings,
  MonitorToday,
  StateSnapshot,
} from '../../../server/src/contract';
import { monitorAlerts } from '../../../admin-ui/src/monitor/alerts';
import { pairDevice } from '../../component/security/support';
import { ApiClient } from '../../support/api-client';
import {
  MINUTE,
  act,
  errorOf,
  expectStatus,
  patchSettings,
  useStaffedQueueFixture,
} from '../../support/queue-helpers';
import { ManualClock, startTestServer } from '../../support/test-server';

const COUNTER = 1;

describe('the monitor settings (monitor.pauseAlertMinutes, monitor.deviceOfflineMinutes)', () => {
  const { f } = useStaffedQueueFixture();

  const today = async (): Promise<MonitorToday> =>
    expectStatus(await f.admin.get<MonitorToday>('/api/monitor/today'), 200);
  const snapshot = async (): Promise<StateSnapshot> =>
    expectStatus(await f.admin.get<StateSnapshot>('/api/state'), 200);

  test('default to 15 and 2 minutes and refuse values out of range with 400', async () => {
    const settings = expectStatus(await f.admin.get<CentreSettings>('/api/settings'), 200);
    expect(settings.monitor).toEqual({ pauseAlertMinutes: 15, deviceOfflineMinutes: 2 });

    for (const monitor of [
      { pauseAlertMinutes: 0, deviceOfflineMinutes: 2 },
      { pauseAlertMinutes: 241, deviceOfflineMinutes: 2 },
      { pauseAlertMinutes: 15, deviceOfflineMinutes: 61 },
      { pauseAlertMinutes: 2.5, deviceOfflineMinutes: 2 },
      { pauseAlertMinutes: 15 },
    ]) {
      const error = errorOf(
        await f.admin.request('PATCH', '/api/settings', { body: { monitor } }),
        400,
      );
      expect(error.code).toBe('validation_failed');
    }
    expect((await today()).thresholds).toEqual({ pauseAlertMinutes: 15, deviceOfflineMinutes: 2 });
  });

  test('a pause of 5 minutes raises no alert by default, and one with pauseAlertMinutes 3', async () => {
    await act(f.admin, COUNTER, 'pause', { reason: 'Họp' });
    f.clock.advance(5 * MINUTE);
    const paused = (alerts: ReturnType<typeof monitorAlerts>) =>
      alerts.filter((a) => a.kind === 'paused').map((a) => a.key);

    expect(paused(monitorAlerts(await snapshot(), await today(), f.clock.now()))).toEqual([]);

    await patchSettings(f.admin, { monitor: { pauseAlertMinutes: 3, deviceOfflineMinutes: 2 } });
    const figures = await today();

    expect(figures.thresholds.pauseAlertMinutes).toBe(3);
    expect(paused(monitorAlerts(await snapshot(), figures, f.clock.now()))).toEqual([
      `paused-${COUNTER}`,
    ]);
  });

  test('a device 3 minutes silent is offline by default and online with deviceOfflineMinutes 5', async () => {
    const display = await pairDevice(f.server, f.admin, 'display', 'Màn hình sảnh');
    const online = async () => (await today()).devices.find((d) => d.id === display.id)?.online;
    f.clock.advance(3 * MINUTE);

    expect(await online()).toBe(false);
    await patchSettings(f.admin, { monitor: { pauseAlertMinutes: 15, deviceOfflineMinutes: 5 } });
    expect(await online()).toBe(true);
    f.clock.advance(2 * MINUTE + 1);
    expect(await online()).toBe(false);
  });

  test('travel with the configuration: export, then import onto an empty centre, keeps them', async () => {
    const monitor = { pauseAlertMinutes: 7, deviceOfflineMinutes: 4 };
    await patchSettings(f.admin, { monitor });
    const config = expectStatus(await f.admin.get<CentreConfig>('/api/config/export'), 200);
    expect(config.settings.monitor).toEqual(monitor);

    const empty = await startTestServer({ clock: new ManualClock(), env: { LUOT_DEMO: '0' } });
    try {
      const admin = new ApiClient(empty.url);
      await admin.login(empty.adminUsername, empty.adminPassword);
      expectStatus(await admin.post('/api/config/import', config), 200);

      const settings = expectStatus(await admin.get<CentreSettings>('/api/settings'), 200);
      expect(settings.monitor).toEqual(monitor);
      const figures = expectStatus(await admin.get<MonitorToday>('/api/monitor/today'), 200);
      expect(figures.thresholds).toEqual(monitor);
    } finally {
      await empty.stop();
    }
  });
});
