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
    live.end();
    live.end();
    expect(live.running).toBe(0);
  });
});

describe('yieldToLiveWork, the report thread stepping aside', () => {
  test('with nothing live it never waits', () => {
    const live = new LiveWork();
    let now = Date.now() + 60_000;
    const pause = yieldToLiveWork(live.buffer, () => now, { sliceMs: 4, yieldMs: 5_000 });
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
    let now = Date.now();
    const pause = yieldToLiveWork(live.buffer, () => now, { sliceMs: 4, yieldMs: 5_000 });
    now += 3.9;
    expect(timed(pause)).toBeLessThan(50);
  });

  test('past its slice it waits until the last live request ends', async () => {
    const live = new LiveWork();
    live.begin();
    const pause = yieldToLiveWork(live.buffer, Date.now, { sliceMs: 0, yieldMs: 10_000 });
    const ender = endFromAnotherThread(live.buffer, 300);
    const waited = timed(pause);
    await ender.terminate();
    expect(live.running).toBe(0);
    // Woken by the end (300 ms), long before its 10 s limit.
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(5_000);
  });

  test('after the last live request it waits for a quiet spell, then goes on', () => {
    const live = new LiveWork();
    live.begin();
    live.end();
    const pause = yieldToLiveWork(live.buffer, Date.now, {
      sliceMs: 0,
      quietMs: 200,
      yieldMs: 5_000,
    });
    const waited = timed(pause);
    expect(waited).toBeGreaterThanOrEqual(150);
    expect(waited).toBeLessThan(2_000);
    // Quiet long enough: the next pause goes straight on.
    expect(timed(pause)).toBeLessThan(50);
  });

  test('never steps aside longer than its limit, so a report under load still ends', () => {
    const live = new LiveWork();
    live.begin();
    const pause = yieldToLiveWork(live.buffer, Date.now, { sliceMs: 0, yieldMs: 150 });
    const waited = timed(pause);
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(2_000);
  });
});
