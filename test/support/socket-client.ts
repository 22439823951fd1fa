import { io, type Socket } from 'socket.io-client';
import type {
  ClientEvents,
  FeedEnvelope,
  FeedEventName,
  ServerEvents,
  StateSnapshot,
} from '../../server/src/contract';

/** Server events outside the feed that a RecordingSocket can record. */
export type NoticeEventName = 'printer:status' | 'printer:removed' | 'print-job:updated';

/** A real socket.io-client that records every feed event it receives, in order. */
export class RecordingSocket {
  readonly socket: Socket<ServerEvents, ClientEvents>;
  readonly received: FeedEnvelope[] = [];
  snapshots: StateSnapshot[] = [];
  /** Live notices (not feed events) asked for with `notices`, in order. */
  readonly notices: { type: NoticeEventName; payload: unknown }[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    url: string,
    feedEvents: readonly FeedEventName[],
    notices: readonly NoticeEventName[] = [],
  ) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    for (const type of notices) {
      const on = this.socket.on.bind(this.socket) as (
        event: string,
        listener: (payload: unknown) => void,
      ) => void;
      on(type, (payload) => {
        this.notices.push({ type, payload });
        this.notify();
      });
    }
    this.socket.on('queue:snapshot', (snapshot) => {
      this.snapshots.push(snapshot);
      this.notify();
    });
    for (const type of feedEvents) {
      const on = this.socket.on.bind(this.socket) as (
        event: string,
        listener: (payload: never) => void,
      ) => void;
      on(type, (payload) => {
        this.received.push({ type, payload } as FeedEnvelope);
        this.notify();
      });
    }
  }

  /** Resolves once `predicate` holds, or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('timed out waiting for socket events')),
        timeoutMs,
      );
      const check = () => {
        if (predicate()) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve();
        }
      };
      this.waiters.push(check);
    });
  }

  /**
   * Resolves once the server has answered a packet sent now. Socket.IO keeps one
   * connection's packets in order, so everything the server emitted to this socket before
   * it read the packet has been recorded by then: the barrier to wait on before asserting
   * that something did not arrive. (A `sync` is the packet; its answer, even a refusal,
   * is the barrier, so it is not looked at.)
   */
  async roundTrip(): Promise<void> {
    await this.socket.timeout(5000).emitWithAck('sync', { sinceSeq: 0 });
  }

  close(): void {
    this.socket.close();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
