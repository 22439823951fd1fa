import { performance } from 'node:perf_hooks';
import type { PublicStateSnapshot, Ticket } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { MINUTE, vietnamTime } from '../support/queue-helpers';
import { tempDataDir } from '../support/test-server';
import type { ChildStats } from './support/child-protocol';
import { FollowingScreen, runSeed, seededRandom, shownState } from './support/following-screen';
import {
  CHILD_ADMIN_PASSWORD,
  killAllServerChildren,
  startServerProcess,
  type ServerProcess,
} from './support/server-process';

/** Eight working days in a row (the weekend between is closed, as the demo centre is). */
const DAYS = [
  '2026-11-16',
  '2026-11-17',
  '2026-11-18',
  '2026-11-19',
  '2026-11-20',
  '2026-11-23',
  '2026-11-24',
  '2026-11-25',
];
const TICKETS_PER_DAY = 150;
const COUNTERS = [1, 2, 3, 4, 5, 6];
const MAX_HEAP_GROWTH = 0.1;

const seed = runSeed();
const random = seededRandom(seed);
const sequenceOf = (number: string) => Number(/(\d+)$/.exec(number)?.[1]);

describe('eight simulated days in a row on one server', () => {
  const dataDir = tempDataDir();
  let screen: FollowingScreen | undefined;

  afterAll(async () => {
    screen?.close();
    await killAllServerChildren();
  });

  test('memory and handles do not grow after the first day, numbering restarts and hall screens start empty each day', async () => {
    console.log(`soak seed ${seed} (replay with RELIABILITY_SEED=${seed})`);
    const started = performance.now();
    const server: ServerProcess = await startServerProcess({
      dataDir,
      startAt: vietnamTime(DAYS[0] as string, '07:00'),
      clock: 'manual',
      exposeGc: true,
    });
    const admin = new ApiClient(server.url);
    const kiosk = new ApiClient(server.url);
    const initial = (await kiosk.get<PublicStateSnapshot>('/api/state')).body;
    const serviceIds = [
      ...new Set(
        initial.counters.filter((c) => COUNTERS.includes(c.id)).flatMap((c) => c.serviceIds),
      ),
    ];
    screen = new FollowingScreen(server.url);
    const hall = screen;
    await eventually(() => hall.firstSeq !== null, { what: 'the screen to get its snapshot' });

    const perDay: { day: string; stats: ChildStats; calls: number }[] = [];
    for (const day of DAYS) {
      const opening = vietnamTime(day, '08:00');
      await server.setClock(opening);
      // Staff sign in each morning: yesterday's session has expired.
      await admin.login('admin', CHILD_ADMIN_PASSWORD);
      // At the rollover: the server's snapshot and the screen (as its day check does) show no call.
      hall.feed.rollDay(opening);
      expect((hall.feed.current as PublicStateSnapshot).recentCalls).toEqual([]);
      expect((await kiosk.get<PublicStateSnapshot>('/api/state')).body.recentCalls).toEqual([]);

      const firstOfDay = new Map<number, number>();
      let calls = 0;
      for (let i = 0; i < TICKETS_PER_DAY; i++) {
        await server.setClock(opening + Math.round(i * 1.2 * MINUTE));
        const serviceId = serviceIds[Math.floor(random() * serviceIds.length)] as number;
        const { ticket } = await kiosk.issue(serviceId);
        if (!firstOfDay.has(serviceId)) firstOfDay.set(serviceId, sequenceOf(ticket.number));
        const counterId = COUNTERS[i % COUNTERS.length] as number;
        await admin.post(`/api/counters/${counterId}/start`);
        const called = await admin.post<{ ticket: Ticket }>(`/api/counters/${counterId}/call-next`);
        if (called.status === 200) calls++;
      }
      // Numbering restarts at 1 for every service each day.
      expect({ day, first: [...firstOfDay.values()] }).toEqual({
        day,
        first: [...firstOfDay.values()].map(() => 1),
      });
      const fresh = (await kiosk.get<PublicStateSnapshot>('/api/state')).body;
      await eventually(() => hall.seq === fresh.seq, {
        what: `the screen to reach seq ${fresh.seq}`,
      });
      expect(shownState(hall.feed.current as PublicStateSnapshot)).toEqual(shownState(fresh));
      expect(calls).toBeGreaterThan(TICKETS_PER_DAY / 2);
      perDay.push({ day, stats: await server.stats(), calls });
    }
    await server.stop();

    const first = perDay[0]?.stats as ChildStats;
    const last = perDay[perDay.length - 1]?.stats as ChildStats;
    console.log(
      [
        `soak seed ${seed}: ${DAYS.length} days × ${TICKETS_PER_DAY} tickets in ${Math.round((performance.now() - started) / 1000)} s`,
        ...perDay.map(
          ({ day, stats, calls }) =>
            `${day}: heap ${(stats.heapUsed / 1024 / 1024).toFixed(2)} MB, ${calls} calls, ${JSON.stringify(stats.resources)}`,
        ),
      ].join('\n'),
    );
    expect(last.heapUsed).toBeLessThan(first.heapUsed * (1 + MAX_HEAP_GROWTH));
    // No kind of handle or timer is more numerous on the last day than after the first.
    const grown = Object.entries(last.resources).filter(
      ([kind, count]) => count > (first.resources[kind] ?? 0),
    );
    expect(grown).toEqual([]);
  }, 240_000);
});
