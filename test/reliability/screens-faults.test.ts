import { performance } from 'node:perf_hooks';
import type { PublicStateSnapshot } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { MINUTE, vietnamTime } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { ManualClock, startTestServer, type TestServer } from '../support/test-server';
import { FollowingScreen, runSeed, seededRandom, shownState } from './support/following-screen';

const SCREENS = 200;
const TICKETS = 240;
const COUNTERS = [1, 2, 3, 4, 5, 6, 7, 8];
/** A screen is cut again no sooner than this, so its syncs stay within the server's limit. */
const MIN_GAP_BETWEEN_CUTS_MS = 3_000;

const seed = runSeed();
const random = seededRandom(seed);

describe('200 hall screens through random disconnects during a busy hour', () => {
  let server: TestServer | undefined;
  const screens: FollowingScreen[] = [];

  afterAll(async () => {
    screens.forEach((screen) => screen.close());
    await server?.stop();
  });

  test('all end in the server state, every call applied exactly once by every screen', async () => {
    console.log(`screens-faults seed ${seed} (replay with RELIABILITY_SEED=${seed})`);
    const started = performance.now();
    const clock = new ManualClock(vietnamTime('2026-11-27', '09:00'));
    server = await startTestServer({ clock });
    staffCounters(server);
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    const kiosk = new ApiClient(server.url);
    const state = (await kiosk.get<PublicStateSnapshot>('/api/state')).body;
    const serviceIds = [
      ...new Set(
        state.counters.filter((c) => COUNTERS.includes(c.id)).flatMap((c) => c.serviceIds),
      ),
    ];
    // Each screen from its own loopback address, as each screen PC has its own on the LAN.
    for (let i = 0; i < SCREENS; i++) {
      screens.push(
        new FollowingScreen(server.url, { localAddress: `127.0.${1 + (i >> 8)}.${(i % 254) + 1}` }),
      );
    }
    await eventually(() => screens.every((screen) => screen.firstSeq !== null), {
      timeoutMs: 30_000,
      what: 'every screen to get its first snapshot',
    });

    let busy = true;
    let cuts = 0;
    const lastCut = new Map<FollowingScreen, number>();
    const faults = (async () => {
      while (busy) {
        const screen = screens[Math.floor(random() * SCREENS)] as FollowingScreen;
        const now = performance.now();
        if (now - (lastCut.get(screen) ?? -Infinity) >= MIN_GAP_BETWEEN_CUTS_MS) {
          lastCut.set(screen, now);
          screen.dropConnection();
          cuts++;
        }
        await new Promise((resolve) => setTimeout(resolve, 5 + random() * 20));
      }
    })();

    // An hour's arrivals and calls, the clock moved on by each one's share of the hour.
    let calls = 0;
    for (let i = 0; i < TICKETS; i++) {
      clock.advance(MINUTE / 6);
      await kiosk.issue(serviceIds[Math.floor(random() * serviceIds.length)] as number);
      if (i % 2 === 1) {
        const counterId = COUNTERS[Math.floor(random() * COUNTERS.length)] as number;
        // Serving the called visitor first, so that call-next finishes them and calls again.
        await admin.post(`/api/counters/${counterId}/start`);
        const called = await admin.post(`/api/counters/${counterId}/call-next`);
        if (called.status === 200) calls++;
        if (random() < 0.3) await admin.post(`/api/counters/${counterId}/recall`);
      }
    }
    busy = false;
    await faults;
    const loadSeconds = (performance.now() - started) / 1000;

    const fresh = (await kiosk.get<PublicStateSnapshot>('/api/state')).body;
    await eventually(() => screens.every((screen) => screen.seq === fresh.seq), {
      timeoutMs: 30_000,
      what: `every screen to reach seq ${fresh.seq}`,
      explain: () => `behind: ${screens.filter((s) => s.seq !== fresh.seq).length}`,
    });
    const callSeqs = server.server.application.repos.db
      .all<{ seq: number }>("SELECT seq FROM events WHERE type = 'ticket:called' ORDER BY seq")
      .map((row) => row.seq);
    const problems: string[] = [];
    screens.forEach((screen, i) => {
      const twice = [...screen.applied].filter(([, times]) => times !== 1);
      if (twice.length > 0)
        problems.push(`screen ${i} applied seqs more than once: ${twice.join(' ')}`);
      const expected = callSeqs.filter((seq) => seq > (screen.firstSeq ?? 0));
      if (JSON.stringify(screen.calls) !== JSON.stringify(expected))
        problems.push(`screen ${i} showed calls ${screen.calls.length} of ${expected.length}`);
      if (
        JSON.stringify(shownState(screen.feed.current as PublicStateSnapshot)) !==
        JSON.stringify(shownState(fresh))
      )
        problems.push(`screen ${i} shows another state than the server`);
    });
    expect(problems).toEqual([]);
    console.log(
      `screens-faults seed ${seed}: ${SCREENS} screens, ${cuts} connection cuts, ${TICKETS} tickets, ` +
        `${callSeqs.length} calls (${calls} call-next), load ${loadSeconds.toFixed(1)} s, ` +
        `total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(cuts).toBeGreaterThan(SCREENS);
  }, 170_000);
});
