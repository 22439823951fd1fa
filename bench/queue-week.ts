import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ms, record, times } from './queue-rows';
import { AFTER_HISTORY, cachedHistory, copyOf } from './history-cache';
import { Screens } from './screens';
import { act, adminAtCounter, Kiosk, memoryOf, out, SERVICE, startLuot } from './queue-support';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_DAYS = 7;
const TICKETS_A_DAY = 200;
const WEEK_SCREENS = 20;
const MiB = 1024 * 1024;

/**
 * A simulated week on one server: each day the clock jumps 24 h ahead (the child's clock is
 * injected), the admin signs in again (sessions last 12 h) and takes counter 1, the paired
 * kiosk issues 200 tickets and the counter calls, starts and finishes each, while 20 hall
 * screens stay connected all week. Heap after full collections at the end of each day:
 * day 7 against day 1 (the soak target: < 10 % growth after the first day).
 */
export async function benchWeek(): Promise<void> {
  out(`\nA simulated week: ${TICKETS_A_DAY} tickets a day, ${WEEK_SCREENS} screens connected`);
  const luot = await startLuot();
  let screens: Screens | null = null;
  try {
    const start = await memoryOf(luot.child);
    screens = await Screens.open(luot.url, WEEK_SCREENS, 'queue:snapshot');
    const firstAdmin = await adminAtCounter(luot.url);
    const kiosk = await Kiosk.pair(luot.url, firstAdmin);
    const heaps: number[] = [];
    const rss: number[] = [];
    for (let day = 1; day <= WEEK_DAYS; day++) {
      if (day > 1) await luot.child.request({ type: 'advance', ms: DAY_MS });
      const admin = day === 1 ? firstAdmin : await adminAtCounter(luot.url);
      await kiosk.fill(TICKETS_A_DAY, () => SERVICE);
      for (let i = 0; i < TICKETS_A_DAY; i++) {
        await act(admin, 'call-next');
        await act(admin, 'start');
        await act(admin, 'finish');
      }
      const memory = await memoryOf(luot.child);
      heaps.push(memory.heapUsed);
      rss.push(memory.rss);
      out(
        `    day ${day}: heap ${(memory.heapUsed / MiB).toFixed(1)} MiB, RSS ${(memory.rss / MiB).toFixed(0)} MiB`,
      );
    }
    const growth = heaps[WEEK_DAYS - 1]! / heaps[0]!;
    record({
      measure: `heap after GC after a simulated week (${WEEK_DAYS} days × ${TICKETS_A_DAY} tickets, clock jumped a day at a time): day 7 (day 1)`,
      figure: `${(heaps[WEEK_DAYS - 1]! / MiB).toFixed(1)} MiB (${(heaps[0]! / MiB).toFixed(1)} MiB); RSS ${(rss[WEEK_DAYS - 1]! / MiB).toFixed(0)} MiB`,
      floor: `at start ${(start.heapUsed / MiB).toFixed(1)} MiB`,
      ratio: times(growth),
      target: '≤ 1.10× day 1',
      ok: growth <= 1.1,
    });
  } finally {
    screens?.close();
    await luot.stop();
  }
}

/**
 * Start-up on the cached ten-year history (bench/history-cache.ts: seeded by the reports
 * bench, or here when missing) up to `/api/health` 200, and the database's size.
 */
export async function benchStartup(): Promise<void> {
  out('\nStart-up on ten years of history');
  const history = await cachedHistory(10, out);
  const size = fs.statSync(history.file).size;
  const luot = await startLuot(copyOf(history.file), AFTER_HISTORY);
  try {
    const health = await fetch(`${luot.url}/api/health`);
    const healthAt = performance.now();
    if (health.status !== 200) throw new Error(`/api/health: ${health.status}`);
    // The child starts at about `spawnedAt` (a little later: these are upper bounds).
    const fromProcess = healthAt - luot.child.spawnedAt;
    const fromStartServer = fromProcess - (luot.sinceProcessStartMs - luot.startMs);
    record({
      measure: `start-up on ten years (${(size / MiB).toFixed(0)} MiB database): startServer() → /api/health 200`,
      figure: ms(fromStartServer),
      floor: `process start → /api/health under tsx: ${ms(fromProcess)}`,
      target: '≤ 1000 ms',
      ok: fromStartServer <= 1000,
    });
    const memory = await memoryOf(luot.child);
    record({
      measure: 'server memory after start-up on ten years (after GC)',
      figure: `RSS ${(memory.rss / MiB).toFixed(0)} MiB, heap ${(memory.heapUsed / MiB).toFixed(0)} MiB`,
    });
    record({
      measure: 'disk: database per year of history (≈300,000 tickets a year)',
      figure: `${(size / 10 / MiB).toFixed(0)} MiB`,
    });
  } finally {
    await luot.stop();
  }
}
