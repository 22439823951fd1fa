import type { Socket } from 'socket.io-client';
import type { MonitorToday, RatingResponse } from '../../../server/src/contract';
import { openSocket, pairDevice } from '../../component/security/support';
import {
  MINUTE,
  SERVICE,
  act,
  addClerk,
  errorOf,
  expectStatus,
  issue,
  useStaffedQueueFixture,
} from '../../support/queue-helpers';

const COUNTER = 1; // serves DKKD first

describe('GET /api/monitor/today', () => {
  const { f } = useStaffedQueueFixture();
  const sockets: Socket[] = [];
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));

  const today = async (): Promise<MonitorToday> =>
    expectStatus(await f.admin.get<MonitorToday>('/api/monitor/today'), 200);

  test("answers today's totals, waits, ratings and over-target tickets as counted by hand", async () => {
    expectStatus(
      await f.admin.request('PATCH', `/api/services/${SERVICE.DKKD}`, {
        body: { targetWaitMinutes: 9 },
      }),
      200,
    );
    const start = f.clock.now();
    const issued = [];
    for (let i = 0; i < 5; i++) {
      issued.push((await issue(f.anonymous, SERVICE.DKKD)).ticket);
      f.clock.advance(MINUTE);
    }
    // t+5: the first is called after 5 minutes, served for 3.
    const first = await act(f.admin, COUNTER, 'call-next');
    expect(first.ticket.id).toBe(issued[0]?.id);
    await act(f.admin, COUNTER, 'start');
    f.clock.advance(3 * MINUTE);
    await act(f.admin, COUNTER, 'finish');
    // t+8: the second, called after 7 minutes, does not come.
    expect((await act(f.admin, COUNTER, 'call-next')).ticket.id).toBe(issued[1]?.id);
    await act(f.admin, COUNTER, 'no-show');
    // t+8: the third, called after 6 minutes, served for 5.
    expect((await act(f.admin, COUNTER, 'call-next')).ticket.id).toBe(issued[2]?.id);
    await act(f.admin, COUNTER, 'start');
    f.clock.advance(5 * MINUTE);
    await act(f.admin, COUNTER, 'finish');
    // t+13: visitors rate the two served tickets, 4 (very satisfied) and 2 (neutral).
    for (const [ticket, level] of [
      [issued[0], 4],
      [issued[2], 2],
    ] as const) {
      const body = level === 2 ? { level, reasons: ['Thời gian chờ lâu'] } : { level };
      expectStatus(
        await f.anonymous.post<RatingResponse>(`/api/tickets/${ticket?.id}/rating`, body),
        201,
      );
    }

    const figures = await today();

    expect(figures.day).toBe('2026-11-27');
    expect(figures.serverTime).toBe(new Date(start + 13 * MINUTE).toISOString());
    expect(figures.totals).toEqual({
      issued: 5,
      served: 2,
      noShow: 1,
      waiting: 2,
      parked: 0,
      cancelled: 0,
      // (5 + 7 + 6) / 3 minutes, and (3 + 5) / 2 minutes.
      averageWaitSeconds: 360,
      averageServiceSeconds: 240,
    });
    expect(figures.satisfaction).toEqual({
      levels: [
        { level: 1, label: 'Không hài lòng', labelEn: 'Dissatisfied', count: 0 },
        { level: 2, label: 'Bình thường', labelEn: 'Neutral', count: 1 },
        { level: 3, label: 'Hài lòng', labelEn: 'Satisfied', count: 0 },
        { level: 4, label: 'Rất hài lòng', labelEn: 'Very satisfied', count: 1 },
      ],
      total: 2,
      satisfied: 1,
      satisfiedFrom: 3,
      satisfiedShare: 0.5,
    });
    // The fourth has waited 10 minutes (past 9), the fifth exactly 9 (not past it).
    expect(figures.services.find((s) => s.serviceId === SERVICE.DKKD)).toEqual({
      serviceId: SERVICE.DKKD,
      waiting: 2,
      oldestIssuedAt: new Date(start + 3 * MINUTE).toISOString(),
      targetWaitMinutes: 9,
      overTarget: 1,
    });
    expect(figures.services.find((s) => s.serviceId === SERVICE.THUE)).toMatchObject({
      waiting: 0,
      oldestIssuedAt: null,
      overTarget: 0,
    });
    expect(figures.overTarget).toEqual({
      count: 1,
      tickets: [
        {
          ticketId: issued[3]?.id,
          number: issued[3]?.number,
          serviceId: SERVICE.DKKD,
          issuedAt: new Date(start + 3 * MINUTE).toISOString(),
          targetWaitMinutes: 9,
        },
      ],
    });
    expect(figures.thresholds).toEqual({ pauseAlertMinutes: 15, deviceOfflineMinutes: 2 });
  });

  test('counts nothing of an earlier day', async () => {
    await issue(f.anonymous, SERVICE.DKKD);
    f.clock.advance(24 * 60 * MINUTE);
    // The session of yesterday has ended by now.
    await f.admin.login(f.server.adminUsername, f.server.adminPassword);

    const figures = await today();

    expect(figures.day).toBe('2026-11-28');
    expect(figures.totals).toMatchObject({ issued: 0, waiting: 0, averageWaitSeconds: null });
    expect(figures.satisfaction).toMatchObject({ total: 0, satisfiedShare: null });
  });

  test('shows a device offline after 2 minutes without contact, online while its socket is open', async () => {
    const display = await pairDevice(f.server, f.admin, 'display', 'Màn hình sảnh');
    const state = async () => (await today()).devices.find((d) => d.id === display.id);

    expect(await state()).toMatchObject({ kind: 'display', name: 'Màn hình sảnh', online: true });
    f.clock.advance(2 * MINUTE + 1);
    expect(await state()).toMatchObject({ online: false });

    sockets.push(await openSocket(f.server.url, { deviceToken: display.token }));
    f.clock.advance(10 * MINUTE);
    expect(await state()).toMatchObject({ online: true });

    sockets.splice(0).forEach((socket) => socket.close());
    f.clock.advance(2 * MINUTE + 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await state()).toMatchObject({ online: false });
  });

  test('is for supervisors and admins: a clerk gets 403, nobody 401', async () => {
    const clerk = await addClerk(f.server, 'monitor-clerk');
    const supervisor = await addClerk(f.server, 'monitor-supervisor', 'supervisor');

    expect(errorOf(await clerk.get('/api/monitor/today'), 403).code).toBe('forbidden');
    expect(errorOf(await f.anonymous.get('/api/monitor/today'), 401).code).toBe('unauthenticated');
    expect(expectStatus(await supervisor.get<MonitorToday>('/api/monitor/today'), 200).day).toBe(
      '2026-11-27',
    );
  });
});
