import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { ApiClient } from '../test/support/api-client';
import { BenchChild } from './bench-child';
import { ms, record, times } from './queue-rows';
import {
  act,
  adminAtCounter,
  expectStatus,
  Kiosk,
  mean,
  out,
  PASSWORD,
  percentile,
  SERVICE,
  startLuot,
} from './queue-support';

/** Floor A: the bare `node:http` + one-INSERT server (floor-http-sqlite.ts) in its child. */
export interface FloorA {
  url: string;
  stop(): Promise<void>;
}

export async function startFloorA(): Promise<FloorA> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luot-floor-a-'));
  const child = new BenchChild('floor-http-sqlite.ts', [dir]);
  const { url } = await child.next<{ url: string }>('ready');
  return {
    url,
    stop: async () => {
      await child.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const SATURATE = { connections: 10, duration: 10 };

/** Tickets answered 2xx per second, 10 connections for 10 s, each request its own key. */
async function saturate(
  url: string,
  authorization?: string,
): Promise<{ rate: number; answered: number }> {
  let n = 0;
  const result = await autocannon({
    url,
    ...SATURATE,
    requests: [
      {
        method: 'POST',
        path: '/api/tickets',
        setupRequest: (request) => ({
          ...request,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
            ...(authorization ? { authorization } : {}),
          },
          body: JSON.stringify({ serviceId: 1 + (n++ % 9) }),
        }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    out(`    (${url}: ${result.non2xx} non-2xx, ${result.errors} errors)`);
  return {
    rate: result['2xx'] / (result.duration || SATURATE.duration),
    answered: result['2xx'],
  };
}

/**
 * `POST /api/tickets` from a paired kiosk on a fresh database against floor A, both
 * driven by autocannon from this process: floor, Luot, floor again (the faster of the two
 * floor runs is the floor).
 */
export async function benchThroughput(floor: FloorA): Promise<void> {
  out('\nPOST /api/tickets, 10 connections, 10 s (autocannon)');
  const floor1 = (await saturate(floor.url)).rate;
  const luot = await startLuot();
  let rate: number;
  let queued: number;
  try {
    const admin = new ApiClient(luot.url);
    await admin.login('admin', PASSWORD);
    const kiosk = await Kiosk.pair(luot.url, admin);
    ({ rate, answered: queued } = await saturate(luot.url, kiosk.authorization));
  } finally {
    await luot.stop();
  }
  const floor2 = (await saturate(floor.url)).rate;
  // The faster of the two: a floor is what the bare server can do; the slower run is noise.
  const floorRate = Math.max(floor1, floor2);
  record({
    measure: `POST /api/tickets, paired kiosk, fresh database, 10 connections × 10 s (queue 0 → ${queued})`,
    figure: `${rate.toFixed(0)} req/s`,
    floor: `${floorRate.toFixed(0)} req/s (${floor1.toFixed(0)}, ${floor2.toFixed(0)})`,
    ratio: times(rate / floorRate),
    target: '≥ 0.6×',
    ok: rate / floorRate >= 0.6,
  });
  record({
    measure: 'same, beside mrf345/FQM (Flask + SQLite, one process)',
    figure: 'not measured: FQM is not installed on this machine',
    target: '≥ 10× FQM',
  });
}

const COST_LEVELS = [50, 1000, 2000, 5000];
const COST_ROUNDS = 100;

/**
 * One request at a time on a fresh server: with N waiting in service 1, rounds of issue
 * (timed) → call-next at counter 1 (timed) → start → finish, so the queue stays at N.
 */
export async function benchCostGrowth(floor: FloorA): Promise<void> {
  out('\nCost growth: one request at a time, N waiting in the service');
  // The floor one request at a time, for scale.
  const bare = new ApiClient(floor.url);
  const bareTimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const start = performance.now();
    expectStatus(await bare.post('/api/tickets', { serviceId: 1 }), 201, 'floor');
    bareTimes.push(performance.now() - start);
  }
  const luot = await startLuot();
  const issue = new Map<number, number>();
  const call = new Map<number, number>();
  try {
    const admin = await adminAtCounter(luot.url);
    const kiosk = await Kiosk.pair(luot.url, admin);
    let waiting = 0;
    for (const level of COST_LEVELS) {
      const seedStart = performance.now();
      await kiosk.fill(level - waiting, () => SERVICE);
      waiting = level;
      const seeded = performance.now() - seedStart;
      const issues: number[] = [];
      const calls: number[] = [];
      for (let round = 0; round < COST_ROUNDS + 5; round++) {
        const issued = await kiosk.issue(SERVICE);
        const called = await act(admin, 'call-next');
        await act(admin, 'start');
        await act(admin, 'finish');
        if (round < 5) continue; // warm-up
        issues.push(issued.ms);
        calls.push(called);
      }
      issue.set(level, mean(issues));
      call.set(level, mean(calls));
      record({
        measure: `cost with ${level.toLocaleString('en')} waiting in the service (mean of ${COST_ROUNDS}; seeded in ${(seeded / 1000).toFixed(1)} s)`,
        figure: `issue ${ms(mean(issues))} (p99 ${ms(percentile(issues, 0.99))}), call-next ${ms(mean(calls))} (p99 ${ms(percentile(calls, 0.99))})`,
        floor: `bare INSERT ${ms(mean(bareTimes))}`,
      });
    }
  } finally {
    await luot.stop();
  }
  const first = COST_LEVELS[0]!;
  const last = COST_LEVELS[COST_LEVELS.length - 1]!;
  for (const [name, costs] of [
    ['issue', issue],
    ['call-next', call],
  ] as const) {
    const ratio = costs.get(last)! / costs.get(first)!;
    record({
      measure: `${name} cost growth, ${last.toLocaleString('en')} ÷ ${first} waiting`,
      figure: ms(costs.get(last)!),
      floor: `${ms(costs.get(first)!)} at ${first}`,
      ratio: times(ratio),
      target: '≤ 1.5×',
      ok: ratio <= 1.5,
    });
  }
}

const PACE_PER_S = 50;
const PACE_WINDOWS = 20;
const PACE_WAITING = 200;

/** Issues at 50/s for one second, open loop; answers each latency and the ticket ids. */
async function pacedWindow(
  issue: () => Promise<{ id: number }>,
): Promise<{ latencies: number[]; ids: number[] }> {
  const interval = 1000 / PACE_PER_S;
  const start = performance.now();
  const latencies: number[] = [];
  const ids: number[] = [];
  const pending: Promise<void>[] = [];
  for (let i = 0; i < PACE_PER_S; i++) {
    const due = start + i * interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const sent = performance.now();
    pending.push(
      issue().then(({ id }) => {
        latencies.push(performance.now() - sent);
        ids.push(id);
      }),
    );
  }
  await Promise.all(pending);
  return { latencies, ids };
}

/**
 * Ticket issue paced at 50/s with 200 waiting (spread over the nine services): one-second
 * windows against Luot and floor A in turn; after each Luot window its 50 tickets are
 * cancelled (not timed), so every window starts with 200 waiting and ends with 250.
 */
export async function benchPaced(floor: FloorA): Promise<void> {
  out(`\nIssue paced at ${PACE_PER_S}/s, ${PACE_WAITING} waiting`);
  const luot = await startLuot();
  try {
    const admin = new ApiClient(luot.url);
    await admin.login('admin', PASSWORD);
    const kiosk = await Kiosk.pair(luot.url, admin);
    await kiosk.fill(PACE_WAITING, (i) => 1 + (i % 9));
    const bare = new ApiClient(floor.url);
    let n = 0;
    const luotLatencies: number[] = [];
    const floorLatencies: number[] = [];
    for (let w = 0; w < PACE_WINDOWS; w++) {
      const window = await pacedWindow(() => kiosk.issue(1 + (n++ % 9)));
      luotLatencies.push(...window.latencies);
      for (const id of window.ids)
        expectStatus(
          await admin.post(`/api/tickets/${id}/cancel`, { reason: 'bench' }),
          200,
          'cancel',
        );
      const bareWindow = await pacedWindow(async () => {
        const response = await bare.post<{ ticket: { id: number } }>('/api/tickets', {
          serviceId: 1,
        });
        return { id: response.body.ticket.id };
      });
      floorLatencies.push(...bareWindow.latencies);
    }
    const p99 = percentile(luotLatencies, 0.99);
    const floorP99 = percentile(floorLatencies, 0.99);
    record({
      measure: `issue paced ${PACE_PER_S}/s, ${PACE_WAITING}–${PACE_WAITING + PACE_PER_S} waiting (n ${luotLatencies.length}): p99 (p50, max)`,
      figure: `${ms(p99)} (${ms(percentile(luotLatencies, 0.5))}, ${ms(Math.max(...luotLatencies))})`,
      floor: `${ms(floorP99)} (${ms(percentile(floorLatencies, 0.5))}, ${ms(Math.max(...floorLatencies))})`,
      ratio: times(p99 / floorP99),
      target: 'p99 ≤ 10 ms',
      ok: p99 <= 10,
    });
  } finally {
    await luot.stop();
  }
}
