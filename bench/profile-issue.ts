import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ApiClient } from '../test/support/api-client';
import { staffCounters } from '../test/support/staffing';
import { ManualClock, startTestServer } from '../test/support/test-server';

/**
 * Where the issue and call paths spend their time as the queue grows (issue 13): the real
 * server in this process (file database, WAL, `synchronous=FULL`), a paired kiosk, N
 * waiting tickets of one service seeded straight into the database, then `POST
 * /api/tickets` one request at a time and `call-next` at a counter serving that service.
 * Run it under the profiler to see which functions grow with N:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-issue.ts
 *
 * Prints the median and 99th percentile of each at N = 50, 1,000 and 5,000.
 */
const ROUNDS = 300;
const SIZES = (process.env.SIZES ?? '50,1000,5000').split(',').map(Number);

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function pairKiosk(url: string, admin: ApiClient): Promise<string> {
  const device = new ApiClient(url);
  const request = await device.post<{ requestId: string; code: string }>(
    '/api/devices/pair-requests',
    { kind: 'kiosk' },
  );
  await admin.post('/api/devices/pair', { code: request.body.code, name: 'Kiosk bench' });
  const poll = await device.get<{ token: string }>(
    `/api/devices/pair-requests/${request.body.requestId}`,
  );
  return poll.body.token;
}

async function measure(waiting: number): Promise<string> {
  const clock = new ManualClock();
  const server = await startTestServer({ clock });
  try {
    const admin = new ApiClient(server.url);
    await admin.login(server.adminUsername, server.adminPassword);
    const token = await pairKiosk(server.url, admin);
    const { repos } = server.server.application;
    // Counter 1 serves service 1 in the demo centre; a duty clerk holds it (with ALL=1, every
    // counter is held and the queue is spread over the nine services, as in a busy centre).
    const all = process.env.ALL === '1';
    staffCounters(server, all ? undefined : [1]);
    const day = new Date(clock.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const seed = repos.db.raw.prepare(
      `INSERT INTO tickets (service_id, day, sequence, number, status, issued_at, recall_count,
         tracking_token, front, original_service_id, transfer_count)
       VALUES (?, ?, ?, ?, 'waiting', ?, 0, ?, 0, ?, 0)`,
    );
    repos.db.raw.transaction(() => {
      for (let i = 0; i < waiting; i++)
        seed.run(
          all ? 1 + (i % 9) : 1,
          day,
          100_000 + i,
          `Z${100_000 + i}`,
          clock.now() - 60_000 + i,
          randomUUID(),
          all ? 1 + (i % 9) : 1,
        );
    })();
    const issueTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      clock.advance(10);
      const start = performance.now();
      const response = await new ApiClient(server.url).request('POST', '/api/tickets', {
        body: { serviceId: 1 },
        headers: { authorization: `Device ${token}`, 'idempotency-key': randomUUID() },
      });
      issueTimes.push(performance.now() - start);
      if (response.status !== 201) throw new Error(`issue: ${response.status}`);
    }
    const callTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      clock.advance(10);
      const start = performance.now();
      const response = await admin.post(
        '/api/counters/1/call-next',
        {},
        {
          'Idempotency-Key': randomUUID(),
        },
      );
      callTimes.push(performance.now() - start);
      if (response.status !== 200)
        throw new Error(`call-next: ${response.status} ${JSON.stringify(response.body)}`);
      // Served: the next call-next finishes it first, as a clerk's "next" does.
      await admin.post('/api/counters/1/start', {});
    }
    issueTimes.sort((a, b) => a - b);
    callTimes.sort((a, b) => a - b);
    return (
      `${String(waiting).padStart(5)} waiting  issue median ${percentile(issueTimes, 0.5).toFixed(2)} ms` +
      ` p99 ${percentile(issueTimes, 0.99).toFixed(2)} ms   call-next median ` +
      `${percentile(callTimes, 0.5).toFixed(2)} ms p99 ${percentile(callTimes, 0.99).toFixed(2)} ms`
    );
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  for (const size of SIZES) process.stdout.write(`${await measure(size)}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
