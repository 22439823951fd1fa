import type { Socket as NetSocket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DEFAULT_REALTIME_OPTIONS } from '../../server/src/realtime/realtime-options';
import { RecordingSocket } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';

/** The WebSocket under a socket.io-client connection, down to its TCP socket. */
interface NodeWebSocketTransport {
  name: string;
  ws: { _socket: NetSocket };
}

describe('Socket.IO heartbeat', () => {
  let server: TestServer | null = null;
  const sockets: RecordingSocket[] = [];

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await server?.stop();
    server = null;
  });

  test('a server started with the defaults advertises a heartbeat that notices a dead peer within 10 s', async () => {
    server = await startTestServer();

    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    const open = JSON.parse((await response.text()).slice(1)) as {
      pingInterval: number;
      pingTimeout: number;
    };

    expect(open.pingInterval).toBe(DEFAULT_REALTIME_OPTIONS.pingIntervalMs);
    expect(open.pingTimeout).toBe(DEFAULT_REALTIME_OPTIONS.pingTimeoutMs);
    // Both ends give up after pingInterval + pingTimeout without a ping or a pong.
    expect(open.pingInterval + open.pingTimeout).toBeLessThanOrEqual(10_000);
  });

  test('a screen whose network goes silent shows as disconnected after pingInterval + pingTimeout', async () => {
    server = await startTestServer({ realtime: { pingIntervalMs: 200, pingTimeoutMs: 200 } });
    const screen = new RecordingSocket(server.url, []);
    sockets.push(screen);
    await screen.waitFor(() => screen.snapshots.length > 0);
    const transport = screen.socket.io.engine.transport as unknown as NodeWebSocketTransport;
    expect(transport.name).toBe('websocket');
    const disconnected = new Promise<string>((resolve) =>
      screen.socket.once('disconnect', resolve),
    );

    // Nothing more arrives, as when a cable is pulled: no ping, so no pong either. (Pausing
    // the stream would not do: ws resumes it.)
    transport.ws._socket.removeAllListeners('data');
    const cut = performance.now();

    expect(await disconnected).toBe('ping timeout');
    expect(performance.now() - cut).toBeLessThan(10_000);
  });
});
