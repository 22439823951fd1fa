import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientEvents, ServerEvents, SyncResult } from '../../server/src/contract';
import type { RealtimeOptions } from '../../server/src/realtime/realtime-options';
import { ApiClient } from '../support/api-client';
import { RecordingSocket } from '../support/socket-client';
import { ManualClock, startTestServer, type TestServer } from '../support/test-server';

const DKKD = 1;

function sync(client: RecordingSocket, sinceSeq: number): Promise<Ack<SyncResult>> {
  return client.socket.timeout(10_000).emitWithAck('sync', { sinceSeq });
}

/** The part of engine.io-client's polling transport a test uses to stop reading. */
interface PausablePolling {
  name: string;
  pause(onPause: () => void): void;
  // engine.io-client keeps the call that polls again private.
  _poll(): void;
}

describe('Socket.IO flood limits', () => {
  let server: TestServer;
  let clock: ManualClock;
  const sockets: { close(): void }[] = [];
  const connect = async () => {
    const socket = new RecordingSocket(server.url, ['ticket:issued']);
    sockets.push(socket);
    await socket.waitFor(() => socket.snapshots.length > 0);
    return socket;
  };

  const start = async (maxUnsentBytes?: number, realtime: Partial<RealtimeOptions> = {}) => {
    clock = new ManualClock();
    server = await startTestServer({
      clock,
      realtime: { ...realtime, ...(maxUnsentBytes !== undefined && { maxUnsentBytes }) },
    });
  };

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await server.stop();
  });

  test('refuses a burst of syncs past the limit with rate_limited and keeps health fast', async () => {
    await start();
    // 500 events behind: each answer is the full replay, the largest a sync can send.
    const { issuer } = server.server.application;
    for (let i = 0; i < 501; i++) issuer.issueTicket({ serviceId: DKKD });
    const screen = await connect();
    const health = new ApiClient(server.url);

    const answers = Array.from({ length: 200 }, () => sync(screen, 1));
    const healthy = await health.get<{ status: string }>('/api/health');
    const settled = await Promise.all(answers);

    const served = settled.filter((answer) => 'data' in answer);
    const refused = settled.filter((answer) => 'error' in answer);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(served.length).toBeLessThanOrEqual(5);
    expect(refused).toHaveLength(200 - served.length);
    for (const answer of refused) {
      expect('error' in answer && answer.error.code).toBe('rate_limited');
    }
    // Unlimited, 200 such answers kept /api/health waiting 1.4–2.1 s (measured, not timed
    // here: the count above is what holds the server's work down).
    expect(healthy.status).toBe(200);
    expect(screen.socket.connected).toBe(true);
  });

  test('answers syncs again once the window has passed', async () => {
    await start();
    const screen = await connect();
    const seq = screen.snapshots[0]?.seq ?? 0;
    for (let i = 0; i < 5; i++) expect('data' in (await sync(screen, seq))).toBe(true);
    const refused = await sync(screen, seq);
    expect('error' in refused && refused.error.code).toBe('rate_limited');

    clock.advance(10_000);

    expect(await sync(screen, seq)).toEqual({ data: { kind: 'events', events: [], printers: [] } });
  });

  test('limits each socket on its own', async () => {
    await start();
    const first = await connect();
    const second = await connect();
    const seq = first.snapshots[0]?.seq ?? 0;
    for (let i = 0; i < 5; i++) await sync(first, seq);
    expect('error' in (await sync(first, seq))).toBe(true);

    expect('data' in (await sync(second, seq))).toBe(true);
  });

  test('shares one budget among all the sockets of an address', async () => {
    await start();
    // 40 sockets from 127.0.0.1, each within its own 5: together they get the address's 30.
    const screens = await Promise.all(Array.from({ length: 40 }, () => connect()));
    const seq = screens[0]?.snapshots[0]?.seq ?? 0;

    const answers = await Promise.all(
      screens.flatMap((screen) => Array.from({ length: 5 }, () => sync(screen, seq))),
    );

    const served = answers.filter((answer) => 'data' in answer);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(served.length).toBeLessThanOrEqual(30);
    for (const answer of answers.filter((a) => 'error' in a)) {
      expect('error' in answer && answer.error.code).toBe('rate_limited');
    }
    clock.advance(10_000);
    expect('data' in (await sync(screens[0]!, seq))).toBe(true);
  });

  test('drops a socket that stops reading once its unsent backlog passes the bound', async () => {
    await start(64 * 1024);
    const reader = await connect();
    const stalled: Socket<ServerEvents, ClientEvents> = io(server.url, {
      transports: ['polling'],
      forceNew: true,
      reconnection: false,
    });
    sockets.push(stalled);
    await new Promise<void>((resolve) => stalled.once('queue:snapshot', () => resolve()));
    let received = 0;
    stalled.on('ticket:issued', () => (received += 1));
    const { issuer } = server.server.application;
    // Stop polling: the pause completes once the pending poll brings the next event.
    const transport = stalled.io.engine.transport as unknown as PausablePolling;
    expect(transport.name).toBe('polling');
    const paused = new Promise<void>((resolve) => transport.pause(resolve));
    issuer.issueTicket({ serviceId: DKKD });
    await paused;
    const disconnected = new Promise<string>((resolve) => stalled.once('disconnect', resolve));

    // About 1.5 kB each: 300 events are several times the 64 KiB bound. In batches the
    // reading screen keeps up with, so only the stalled one builds a backlog.
    for (let batch = 1; batch <= 30; batch++) {
      for (let i = 0; i < 10; i++) issuer.issueTicket({ serviceId: DKKD });
      await reader.waitFor(() => reader.received.length === 1 + batch * 10);
    }
    // Polling again finds the session gone instead of 300 queued events.
    transport._poll();

    expect(await disconnected).toBe('transport error');
    expect(received).toBeLessThanOrEqual(1);
    expect(reader.socket.connected).toBe(true);
  });
});
