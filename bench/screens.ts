import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

/**
 * Hall screens for the queue bench: plain socket.io-client sockets over WebSocket (as
 * display-ui opens them), all in the bench's process, which is not the server's. Each call
 * is one round: `round(send)` notes the instant before `send` (the HTTP request of the
 * call), then resolves with every screen's latency to its first `ticket:called` of the
 * round. Rounds run one at a time; a round that does not reach every screen in 10 s fails.
 */
export class Screens {
  private readonly sockets: Socket[] = [];
  private current: {
    sentAt: number;
    seen: Set<Socket>;
    latencies: number[];
    wake: () => void;
  } | null = null;
  /** The last `ticket:called` payload a screen received (to replay on the floor). */
  lastPayload: unknown = null;
  dropped = 0;

  private constructor() {}

  /** Opens `count` screens on `url`, 100 at a time, each ready once it got its first packet. */
  static async open(url: string, count: number, readyEvent: string): Promise<Screens> {
    const screens = new Screens();
    for (let batch = 0; batch < count; batch += 100) {
      const opened = Array.from({ length: Math.min(100, count - batch) }, () => {
        const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
        screens.sockets.push(socket);
        socket.on('disconnect', () => (screens.dropped += 1));
        socket.on('ticket:called', (payload: unknown) => screens.received(socket, payload));
        return new Promise<void>((resolve, reject) => {
          socket.once(readyEvent, () => resolve());
          socket.once('connect_error', reject);
          socket.once('disconnect', (reason) =>
            reject(new Error(`screen disconnected: ${reason}`)),
          );
        });
      });
      await Promise.all(opened);
    }
    return screens;
  }

  get count(): number {
    return this.sockets.length;
  }

  private received(socket: Socket, payload: unknown): void {
    const round = this.current;
    this.lastPayload = payload;
    if (!round || round.seen.has(socket)) return;
    round.seen.add(socket);
    round.latencies.push(performance.now() - round.sentAt);
    if (round.seen.size === this.sockets.length) round.wake();
  }

  /** One call: runs `send` and resolves with each screen's latency (ms) from just before it. */
  async round(send: () => Promise<void>): Promise<number[]> {
    if (this.current) throw new Error('one round at a time');
    let wake = () => {};
    const done = new Promise<void>((resolve) => (wake = resolve));
    const round = { sentAt: performance.now(), seen: new Set<Socket>(), latencies: [], wake };
    this.current = round;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.all([
        send(),
        Promise.race([
          done,
          new Promise<void>((_, reject) => {
            timer = setTimeout(
              () =>
                reject(
                  new Error(`call reached ${round.seen.size} of ${this.sockets.length} screens`),
                ),
              10_000,
            );
          }),
        ]),
      ]);
      return round.latencies;
    } finally {
      clearTimeout(timer);
      this.current = null;
    }
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
    this.sockets.length = 0;
  }
}
