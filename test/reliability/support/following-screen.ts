import { io, type Socket } from 'socket.io-client';
import {
  FEED_EVENT_NAMES,
  type Ack,
  type ClientEvents,
  type FeedEnvelope,
  type ServerEvents,
  type StateSnapshot,
  type SyncResult,
} from '../../../server/src/contract';
import { QueueFeed } from '../../../ui-shared/src/queue-feed';

/** How a screen reconnects: fast, so a test's faults heal in well under a second. */
export interface ScreenOptions {
  /** A loopback source address (127.0.0.x): each screen its own, as in a centre. */
  localAddress?: string;
}

/**
 * A hall screen as the real ones follow the feed: a reconnecting socket.io-client and the
 * screens' own QueueFeed (ui-shared), wired as use-queue-state.ts wires them (snapshot on
 * connect, every feed event, a `sync` from the last seq on every (re)connect). Counts how
 * many times each seq was applied, to prove every call is shown exactly once.
 */
export class FollowingScreen {
  readonly socket: Socket<ServerEvents, ClientEvents>;
  readonly feed: QueueFeed;
  /** How many times each seq was applied (onEvent), by seq. */
  readonly applied = new Map<number, number>();
  /** The seqs of the `ticket:called` events applied, in order. */
  readonly calls: number[] = [];
  /** The seq of the first snapshot: events after it must all be applied once. */
  firstSeq: number | null = null;
  /** Why the state was replaced whole after the first snapshot (seq jumps), for failures. */
  readonly snapshotsTaken: string[] = [];
  private closed = false;
  private lastApplied = -1;

  constructor(
    readonly url: string,
    options: ScreenOptions = {},
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 300,
      ...(options.localAddress !== undefined && { localAddress: options.localAddress }),
    } as Parameters<typeof io>[1]);
    this.feed = new QueueFeed(
      (sinceSeq) => this.sync(sinceSeq),
      {
        onState: (state) => {
          if (
            this.firstSeq !== null &&
            state.seq > this.lastApplied + 1 &&
            !this.applied.has(state.seq)
          )
            this.snapshotsTaken.push(`${this.lastApplied} -> ${state.seq}`);
          this.firstSeq ??= state.seq;
          this.lastApplied = state.seq;
        },
        onEvent: (envelope) => this.record(envelope),
      },
      {
        fetchSnapshot: () => this.fetchState(),
        retryDelaysMs: [100, 250, 500, 1_000],
      },
    );
    this.socket.on('queue:snapshot', (snapshot) => this.feed.receiveSnapshot(snapshot));
    for (const type of FEED_EVENT_NAMES) {
      const on = this.socket.on.bind(this.socket) as (
        event: string,
        listener: (payload: FeedEnvelope['payload']) => void,
      ) => void;
      on(type, (payload) => this.feed.receiveEvent({ type, payload } as FeedEnvelope));
    }
    this.socket.on('connect', () => void this.feed.reconnected());
  }

  /** The last seq applied, or -1 before the first snapshot. */
  get seq(): number {
    return this.feed.lastSeq ?? -1;
  }

  /** Drops the connection as a cut cable would (the client reconnects by itself). */
  dropConnection(): void {
    // The engine's transport closes as on a network error, so Socket.IO reconnects.
    (this.socket.io.engine as unknown as { close(): void } | undefined)?.close();
  }

  close(): void {
    this.closed = true;
    this.feed.dispose();
    this.socket.close();
  }

  private record(envelope: FeedEnvelope): void {
    const seq = envelope.payload.seq;
    this.applied.set(seq, (this.applied.get(seq) ?? 0) + 1);
    if (envelope.type === 'ticket:called') this.calls.push(seq);
  }

  private async sync(sinceSeq: number): Promise<SyncResult> {
    if (this.closed) throw new Error('closed');
    const result = (await this.socket
      .timeout(5_000)
      .emitWithAck('sync', { sinceSeq })) as Ack<SyncResult>;
    if ('error' in result) throw new Error(result.error.code);
    return result.data;
  }

  private async fetchState(): Promise<StateSnapshot> {
    const response = await fetch(`${this.url}/api/state`, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`GET /api/state: ${response.status}`);
    return (await response.json()) as StateSnapshot;
  }
}

/**
 * What a screen shows that must match the server: the seq, the recent calls, the waiting
 * counts and each counter's ticket. (The snapshot's server time and printers move on
 * their own.)
 */
export function shownState(state: StateSnapshot): unknown {
  return {
    seq: state.seq,
    recentCalls: state.recentCalls,
    waiting: state.services.map((service) => [service.id, service.waiting]),
    counters: state.counters.map((counter) => [
      counter.id,
      counter.status,
      counter.currentTicket?.id ?? null,
      counter.currentTicket?.status ?? null,
    ]),
  };
}

/** A PRNG from a 32-bit seed (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: RELIABILITY_SEED when set (to replay a failure), else a new one. */
export function runSeed(): number {
  const fromEnv = process.env.RELIABILITY_SEED;
  return fromEnv !== undefined && fromEnv !== ''
    ? Number(fromEnv) >>> 0
    : Math.floor(Math.random() * 2 ** 32);
}
