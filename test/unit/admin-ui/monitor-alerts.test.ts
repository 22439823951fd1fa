import { monitorAlerts } from '../../../admin-ui/src/monitor/alerts';
import type {
  Counter,
  MonitorToday,
  PrinterStatusReport,
  StateSnapshot,
} from '../../../server/src/contract';

const NOW = Date.parse('2026-11-27T03:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

const counter = (id: number, fields: Partial<Counter>): Counter => ({
  id,
  number: id,
  name: `Quầy ${id}`,
  serviceIds: [1],
  tiers: [[1]],
  currentTicket: null,
  staff: null,
  status: 'open',
  pauseReason: null,
  statusSince: null,
  autoCall: false,
  ...fields,
});

const printer = (printerId: number, state: PrinterStatusReport['state']): PrinterStatusReport => ({
  printerId,
  name: `Máy in ${printerId}`,
  deviceId: null,
  isDefault: true,
  state,
  at: minutesAgo(1),
});

const state = (counters: Counter[], printers: PrinterStatusReport[]) =>
  ({ counters, printers, services: [] }) as unknown as StateSnapshot;

const today = (fields: Partial<MonitorToday>): MonitorToday =>
  ({
    services: [],
    devices: [],
    thresholds: { pauseAlertMinutes: 15, deviceOfflineMinutes: 2 },
    ...fields,
  }) as MonitorToday;

describe('monitorAlerts()', () => {
  test('flags printers that cannot print as critical and one low on paper as a warning', () => {
    const alerts = monitorAlerts(
      state([], [printer(1, 'online'), printer(2, 'paper_near_end'), printer(3, 'paper_end')]),
      null,
      NOW,
    );

    expect(alerts.map((a) => [a.key, a.critical])).toEqual([
      ['printer-3', true],
      ['printer-2', false],
    ]);
  });

  test('flags a counter paused for the threshold or longer, not one paused a minute less', () => {
    const counters = [
      counter(1, { status: 'paused', pauseReason: 'Họp', statusSince: minutesAgo(15) }),
      counter(2, { status: 'paused', pauseReason: 'Họp', statusSince: minutesAgo(14.9) }),
      counter(3, { status: 'closed', statusSince: minutesAgo(60) }),
    ];

    const alerts = monitorAlerts(state(counters, []), today({}), NOW);

    expect(alerts).toEqual([
      expect.objectContaining({ key: 'paused-1', kind: 'paused', minutes: 15 }),
    ]);
  });

  test('waits for the figures before judging pauses, devices and waits', () => {
    const counters = [counter(1, { status: 'paused', statusSince: minutesAgo(40) })];

    expect(monitorAlerts(state(counters, []), null, NOW)).toEqual([]);
  });

  test('flags offline devices and services whose oldest ticket is past a non-zero target', () => {
    const figures = today({
      devices: [
        { id: 1, kind: 'kiosk', name: 'Kiosk 1', lastSeenAt: minutesAgo(5), online: false },
        { id: 2, kind: 'display', name: 'Sảnh', lastSeenAt: minutesAgo(30), online: true },
      ],
      services: [
        {
          serviceId: 1,
          waiting: 2,
          oldestIssuedAt: minutesAgo(21),
          targetWaitMinutes: 20,
          overTarget: 1,
        },
        {
          serviceId: 2,
          waiting: 1,
          oldestIssuedAt: minutesAgo(20),
          targetWaitMinutes: 20,
          overTarget: 0,
        },
        {
          serviceId: 3,
          waiting: 1,
          oldestIssuedAt: minutesAgo(90),
          targetWaitMinutes: 0,
          overTarget: 0,
        },
      ],
    });

    const alerts = monitorAlerts(state([], []), figures, NOW);

    expect(alerts.map((a) => a.key)).toEqual(['device-1', 'service-1']);
    expect(alerts[1]).toMatchObject({ kind: 'service-wait', minutes: 21, target: 20 });
  });
});
