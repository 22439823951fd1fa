import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ApiClient } from '../test/support/api-client';
import { startFakePrinter } from '../test/support/fake-printer';
import { ManualClock, startTestServer } from '../test/support/test-server';

/**
 * `POST /api/tickets` latency with no printer, and with a default printer that
 * prints every ticket: printing is queued after the commit and the ticket is drawn in
 * a worker thread, so the two medians should match, and so should the event loop's
 * delay (server and client share this process). Loopback only; bounded rounds.
 */
const ROUNDS = 300;

interface Measured {
  times: number[];
  /** Event-loop delay over the rounds, ms: 99th percentile and worst. */
  loopP99: number;
  loopMax: number;
}

async function measure(withPrinter: boolean, gapMs: number): Promise<Measured> {
  const clock = new ManualClock();
  const server = await startTestServer({ clock });
  const printer = withPrinter ? await startFakePrinter('ok') : null;
  try {
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    if (printer) {
      const added = await admin.post('/api/printers', {
        name: 'Máy in sảnh',
        target: `tcp://127.0.0.1:${printer.port}`,
        isDefault: true,
      });
      if (added.status !== 201) throw new Error(`printer not added: ${added.status}`);
    }
    const kiosk = new ApiClient(server.url);
    const times: number[] = [];
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      // The open kiosk policy allows 30 tickets a minute per address: space them on the test clock.
      clock.advance(2_500);
      const response = await kiosk.post(
        '/api/tickets',
        { serviceId: 1 + (i % 9) },
        {
          'Idempotency-Key': randomUUID(),
        },
      );
      times.push(performance.now() - start);
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      if (response.status === 429) throw new Error('rate limited: raise the limit for the bench');
    }
    // Let the last prints finish inside the window.
    await new Promise((resolve) => setTimeout(resolve, 200));
    loop.disable();
    return { times, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
  } finally {
    await printer?.close();
    await server.stop();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function main(): Promise<void> {
  // Back to back (the worst case: each print overlaps the next request), then one ticket
  // every 50 ms (still hundreds of times a centre's pace).
  for (const gapMs of [0, 50]) {
    for (const withPrinter of [false, true]) {
      const measured = await measure(withPrinter, gapMs);
      const times = measured.times.sort((a, b) => a - b);
      const label =
        `POST /api/tickets, ${withPrinter ? 'printing to a TCP printer' : 'no printer'}, ` +
        (gapMs === 0 ? 'back to back' : `every ${gapMs} ms`);
      process.stdout.write(
        `${label.padEnd(64)} median ${percentile(times, 0.5).toFixed(2)} ms  ` +
          `p90 ${percentile(times, 0.9).toFixed(2)} ms  ` +
          `event-loop delay p99 ${measured.loopP99.toFixed(1)} ms, max ${measured.loopMax.toFixed(1)} ms\n`,
      );
    }
  }
}

void main();
