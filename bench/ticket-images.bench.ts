import { performance } from 'node:perf_hooks';
import { ApiClient } from '../test/support/api-client';
import { addStaff, sessionCookie } from '../test/component/security/support';
import { startTestServer, type TestServer } from '../test/support/test-server';

/**
 * `GET /api/health` latency while staff browsers fetch ticket pictures (`print.png`) in
 * 8 loops, as a ratio to the same probe on an idle server in this process (the floor).
 * The pictures are drawn in the render thread, so the ratio should stay near 1; drawn on
 * the main thread it was in the hundreds. Loopback only; bounded rounds.
 */
const LOOPS = 8;
const IMAGES_PER_LOOP = 6;
const IDLE_PROBES = 200;

/** Wall time of one request, in ms. */
async function timed(url: string, headers: Record<string, string> = {}): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return performance.now() - start;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function healthUnderImages(server: TestServer, cookies: string[], path: string) {
  let loading = true;
  const loops = Array.from({ length: LOOPS }, async (_, i) => {
    for (let n = 0; n < IMAGES_PER_LOOP; n++) await timed(path, { cookie: cookies[i % 4]! });
  });
  const health: number[] = [];
  const probe = (async () => {
    while (loading) health.push(await timed(`${server.url}/api/health`));
  })();
  await Promise.all(loops);
  loading = false;
  await probe;
  return health;
}

async function main(): Promise<void> {
  const server = await startTestServer();
  try {
    const issued = await new ApiClient(server.url).post<{ ticket: { id: number } }>(
      '/api/tickets',
      { serviceId: 1 },
    );
    const path = `${server.url}/api/tickets/${issued.body.ticket.id}/print.png`;
    // Four clerks: 8 loops × 6 pictures stay under each one's limit of 30 a minute.
    const cookies = await Promise.all(
      ['b1', 'b2', 'b3', 'b4'].map(async (name) =>
        sessionCookie(server, await addStaff(server, name, 'clerk')),
      ),
    );
    await timed(path, { cookie: cookies[0]! }); // warm the render thread's fonts
    const idle: number[] = [];
    for (let i = 0; i < IDLE_PROBES; i++) idle.push(await timed(`${server.url}/api/health`));
    const loaded = await healthUnderImages(server, cookies, path);
    const floor = median(idle);
    const underLoad = median(loaded);
    process.stdout.write(
      `GET /api/health, idle (floor)                              median ${floor.toFixed(2)} ms\n` +
        `GET /api/health, ${LOOPS} loops fetching print.png             median ` +
        `${underLoad.toFixed(2)} ms  (×${(underLoad / floor).toFixed(1)} the floor, ` +
        `max ${Math.max(...loaded).toFixed(1)} ms, ${loaded.length} probes)\n`,
    );
  } finally {
    await server.stop();
  }
}

void main();
