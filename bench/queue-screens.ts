import { performance } from 'node:perf_hooks';
import type { ApiClient } from '../test/support/api-client';
import { BenchChild } from './bench-child';
import { ms, record, times } from './queue-rows';
import { Screens } from './screens';
import {
  act,
  adminAtCounter,
  cpuOf,
  Kiosk,
  median,
  memoryOf,
  out,
  percentile,
  SERVICE,
  sleep,
  startLuot,
  type LuotServer,
} from './queue-support';

const CALLS_50 = 100;
const CALLS_1000 = 30;
const KB = 1024;

/** Floor B: a bare Socket.IO server (floor-socketio.ts) that emits what it is posted. */
async function startFloorB() {
  const child = new BenchChild('floor-socketio.ts', []);
  const { url } = await child.next<{ url: string }>('ready');
  return { child, url };
}

/** Ends the call: the visitor is served and leaves (not timed), and the broadcasts settle. */
async function serve(admin: ApiClient): Promise<void> {
  await act(admin, 'start');
  await act(admin, 'finish');
  await sleep(100);
}

/** A call's HTTP request (call-next at counter 1) as a round of the screens. */
function luotCall(screens: Screens, admin: ApiClient): Promise<number[]> {
  return screens.round(async () => void (await act(admin, 'call-next')));
}

function floorCall(screens: Screens, url: string, payload: string): Promise<number[]> {
  return screens.round(async () => {
    const response = await fetch(`${url}/emit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    if (response.status !== 204) throw new Error(`floor emit: ${response.status}`);
  });
}

const clientCpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * Calls to 50 and then 1,000 hall screens (socket.io-client in this process; the servers in
 * their own), Luot and floor B in turn, from the call's HTTP request to each screen's
 * `ticket:called`; the servers' memory per connected screen; CPU time on each side.
 */
export async function benchScreens(): Promise<void> {
  out('\nCalls to hall screens (server and floor B in their own processes, screens here)');
  const luot: LuotServer = await startLuot();
  const floor = await startFloorB();
  const open: Screens[] = [];
  try {
    const admin = await adminAtCounter(luot.url);
    const kiosk = await Kiosk.pair(luot.url, admin);
    await kiosk.fill(CALLS_50 + CALLS_1000 + 20, () => SERVICE);

    // 50 screens.
    const luot50 = await Screens.open(luot.url, 50, 'queue:snapshot');
    const floor50 = await Screens.open(floor.url, 50, 'connect');
    open.push(luot50, floor50);
    const luotLatencies: number[] = [];
    const floorLatencies: number[] = [];
    luotLatencies.push(...(await luotCall(luot50, admin)));
    await serve(admin);
    const payload = JSON.stringify(luot50.lastPayload);
    luotLatencies.length = 0; // the first call warms up
    for (let i = 0; i < CALLS_50; i++) {
      luotLatencies.push(...(await luotCall(luot50, admin)));
      await serve(admin);
      floorLatencies.push(...(await floorCall(floor50, floor.url, payload)));
    }
    const p99 = percentile(luotLatencies, 0.99);
    const floorP99 = percentile(floorLatencies, 0.99);
    record({
      measure: `call → 50 screens: p99 of ${luotLatencies.length} receipts (p50), ${payload.length}-byte payload`,
      figure: `${ms(p99)} (${ms(percentile(luotLatencies, 0.5))})`,
      floor: `${ms(floorP99)} (${ms(percentile(floorLatencies, 0.5))})`,
      ratio: times(p99 / floorP99),
      target: 'p99 ≤ 15 ms',
      ok: p99 <= 15,
    });
    luot50.close();
    floor50.close();
    await sleep(500);

    // 1,000 screens: memory, then calls.
    const luotBefore = await memoryOf(luot.child);
    const floorBefore = await memoryOf(floor.child);
    const connectStart = performance.now();
    const luot1000 = await Screens.open(luot.url, 1000, 'queue:snapshot');
    const connectMs = performance.now() - connectStart;
    const floor1000 = await Screens.open(floor.url, 1000, 'connect');
    open.push(luot1000, floor1000);
    await sleep(1000);
    const luotAfter = await memoryOf(luot.child);
    const floorAfter = await memoryOf(floor.child);
    const per = (after: number, before: number) => (after - before) / 1000 / KB;
    const rssPer = per(luotAfter.rss, luotBefore.rss);
    const floorRssPer = per(floorAfter.rss, floorBefore.rss);
    record({
      measure: `memory per connected screen, 1,000 screens (server RSS delta ÷ 1,000, after GC; connected in ${(connectMs / 1000).toFixed(1)} s)`,
      figure: `RSS ${rssPer.toFixed(1)} KB, heap ${per(luotAfter.heapUsed, luotBefore.heapUsed).toFixed(1)} KB`,
      floor: `RSS ${floorRssPer.toFixed(1)} KB, heap ${per(floorAfter.heapUsed, floorBefore.heapUsed).toFixed(1)} KB`,
      ratio: times(rssPer / floorRssPer),
      target: '≤ 60 KB each',
      ok: rssPer <= 60,
    });
    record({
      measure: 'server memory with 1,000 screens (after GC)',
      figure: `RSS ${(luotAfter.rss / KB / KB).toFixed(0)} MiB, heap ${(luotAfter.heapUsed / KB / KB).toFixed(0)} MiB`,
      floor: `RSS ${(floorAfter.rss / KB / KB).toFixed(0)} MiB, heap ${(floorAfter.heapUsed / KB / KB).toFixed(0)} MiB`,
    });

    const luotLast: number[] = [];
    const floorLast: number[] = [];
    const luotAll: number[] = [];
    let luotClientCpu = 0;
    let floorClientCpu = 0;
    await cpuOf(luot.child);
    await cpuOf(floor.child);
    let luotServerCpu = 0;
    let floorServerCpu = 0;
    for (let i = 0; i < CALLS_1000; i++) {
      let cpu = process.cpuUsage();
      const latencies = await luotCall(luot1000, admin);
      luotClientCpu += clientCpuMs(cpu);
      luotServerCpu += (await cpuOf(luot.child)).cpuMs;
      luotAll.push(...latencies);
      luotLast.push(Math.max(...latencies));
      await serve(admin);
      await sleep(200);
      await cpuOf(floor.child);
      cpu = process.cpuUsage();
      floorLast.push(Math.max(...(await floorCall(floor1000, floor.url, payload))));
      floorClientCpu += clientCpuMs(cpu);
      floorServerCpu += (await cpuOf(floor.child)).cpuMs;
      await sleep(200);
      await cpuOf(luot.child);
    }
    const last = median(luotLast);
    const floorLastMedian = median(floorLast);
    record({
      measure: `call → 1,000 screens, last receipt: median of ${CALLS_1000} calls (fastest–slowest)`,
      figure: `${ms(last)} (${ms(Math.min(...luotLast))}–${ms(Math.max(...luotLast))})`,
      floor: `${ms(floorLastMedian)} (${ms(Math.min(...floorLast))}–${ms(Math.max(...floorLast))})`,
      ratio: times(last / floorLastMedian),
      target: '≤ 1.5×',
      ok: last / floorLastMedian <= 1.5,
    });
    const p99All = percentile(luotAll, 0.99);
    record({
      measure: `call → 1,000 screens: p99 of ${luotAll.length.toLocaleString('en')} receipts`,
      figure: ms(p99All),
      target: 'p99 ≤ 150 ms',
      ok: p99All <= 150,
    });
    record({
      measure:
        'CPU per call to 1,000 screens: server process (call + its broadcast) / screens process (1,000 receipts)',
      figure: `${ms(luotServerCpu / CALLS_1000)} / ${ms(luotClientCpu / CALLS_1000)}`,
      floor: `${ms(floorServerCpu / CALLS_1000)} / ${ms(floorClientCpu / CALLS_1000)}`,
    });
    if (luot1000.dropped + floor1000.dropped > 0)
      out(`    (screens dropped: Luot ${luot1000.dropped}, floor ${floor1000.dropped})`);
  } finally {
    for (const screens of open) screens.close();
    await luot.stop();
    await floor.child.stop();
  }
}
