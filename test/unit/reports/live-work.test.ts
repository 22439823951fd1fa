import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { LiveWork, yieldToLiveWork } from '../../../server/src/services/reports/live-work';

const LIVE_WORK = path.join(__dirname, '../../../server/src/services/reports/live-work.ts');

/**
 * Ends one live request of `buffer`'s gauge from another thread after `afterMs`, through
 * the real `LiveWork.end` (as the main thread does while the report thread waits).
 */
function endFromAnotherThread(buffer: SharedArrayBuffer, afterMs: number): Worker {
  const code = `
require(${JSON.stringify(require.resolve('tsx/cjs'))});
const { workerData } = require('node:worker_threads');
const { LiveWork } = require(${JSON.stringify(LIVE_WORK)});
const live = new LiveWork(workerData.buffer);
setTimeout(() => live.end(), workerData.afterMs);
`;
  return new Worker(code, { eval: true, workerData: { buffer, afterMs } });
}

/** How long (ms) one pause blocks the calling thread. */
function timed(pause: () => Promise<void>): number {
  const start = performance.now();
  void pause();
  return performance.now() - start;
}

describe('LiveWork, the live-request gauge', () => {
  test('counts what begins and ends, in memory another thread can read', () => {
    const live = new LiveWork();
    live.begin();
    live.begin();
    expect(live.running).toBe(2);
    expect(new Int32Array(live.buffer)[0]).toBe(2);
    // Another thread's view of the same memory shares the count.
    new LiveWork(live.buffer).end();
    expect(live.running).toBe(1);
    live.end();
    expect(live.running).toBe(0);
  });
});

describe('yieldToLiveWork, the report thread stepping aside', () => {
  test('with nothing live, on a new gauge, it never waits', () => {
    const live = new LiveWork();
    let now = 0;
    const pause = yieldToLiveWork(live.buffer, { now: () => now, sliceMs: 4, yieldMs: 5_000 });
    const waited = [];
    for (let day = 0; day < 100; day++) {
      now += 10;
      waited.push(timed(pause));
    }
    expect(Math.max(...waited)).toBeLessThan(50);
  });

  test('with live work it keeps working until its slice is used', () => {
    const live = new LiveWork();
    live.begin();
    let now = 0;
    const pause = yieldToLiveWork(live.buffer, { now: () => now, sliceMs: 4, yieldMs: 5_000 });
    now = 3.9;
    expect(timed(pause)).toBeLessThan(50);
  });

  test('past its slice it waits until the last live request ends', async () => {
    const live = new LiveWork();
    live.begin();
    const pause = yieldToLiveWork(live.buffer, { sliceMs: 0, yieldMs: 20_000, staleMs: 20_000 });
    const ender = endFromAnotherThread(live.buffer, 300);
    const waited = timed(pause);
    await ender.terminate();
    expect(live.running).toBe(0);
    // Woken by the end (300 ms after the thread started), long before its 20 s limits.
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(10_000);
  });

  test('after the last live request it waits for a quiet spell, then goes on', () => {
    const live = new LiveWork();
    live.begin();
    live.end();
    const pause = yieldToLiveWork(live.buffer, { sliceMs: 0, quietMs: 200, yieldMs: 5_000 });
    const waited = timed(pause);
    expect(waited).toBeGreaterThanOrEqual(150);
    expect(waited).toBeLessThan(2_000);
    // Quiet long enough: the next pause goes straight on.
    expect(timed(pause)).toBeLessThan(50);
  });

  test('never steps aside longer than its limit at once', () => {
    const live = new LiveWork();
    live.begin();
    const pause = yieldToLiveWork(live.buffer, { sliceMs: 0, yieldMs: 150 });
    const waited = timed(pause);
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(2_000);
  });

  test('ignores a count nothing has begun or ended beside for a while (a lost request)', () => {
    const live = new LiveWork();
    live.begin();
    const pause = yieldToLiveWork(live.buffer, { sliceMs: 0, yieldMs: 5_000, staleMs: 150 });
    // Waits while the request is fresh, then no longer: the count is stale.
    const first = timed(pause);
    expect(first).toBeGreaterThanOrEqual(100);
    expect(first).toBeLessThan(2_000);
    expect(timed(pause)).toBeLessThan(50);
    // A request beginning makes the queue busy again.
    live.begin();
    expect(timed(pause)).toBeGreaterThanOrEqual(100);
  });

  test('steps aside at most its budget in all, so a flood of requests never times a report out', () => {
    const live = new LiveWork();
    const wall = Date.now();
    live.begin();
    // The queue stays fresh (activity stamped "now" for ever): only the budget ends the waits.
    const pause = yieldToLiveWork(live.buffer, {
      sliceMs: 0,
      yieldMs: 60,
      budgetMs: 150,
      staleMs: 60_000,
      wallNow: () => wall,
    });
    const waits = [timed(pause), timed(pause), timed(pause)];
    const total = waits.reduce((sum, ms) => sum + ms, 0);
    expect(total).toBeGreaterThanOrEqual(140);
    expect(total).toBeLessThan(2_000);
    // Budget spent: from now on the report runs at full speed.
    expect(timed(pause)).toBeLessThan(50);
  });
});
