import type { Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents } from '../../server/src/contract';
import { FEED_EVENT_NAMES, SERVER_EVENTS } from '../../server/src/contract/events';

/** How long the stepped clock waits for a feed event before it reports it lost. */
const SETTLE_TIMEOUT_MS = 10_000;

/**
 * The last feed `seq` each watched socket has received (from its snapshot and from every
 * feed event, `feed:skipped` included: every socket receives every seq), so the stepped
 * clock can wait until the events the server emitted so far have reached the actors
 * before it moves on. A waiter resumes in a microtask, so after the actors' own listeners
 * of the same event have run.
 */
export class FeedWatch {
  private readonly seqs = new Map<Socket<ServerEvents, ClientEvents>, number>();
  private target = 0;
  private wake: (() => void) | null = null;

  /** Follows a socket (before the actor adds its listeners); forgotten when it disconnects. */
  watch(socket: Socket<ServerEvents, ClientEvents>): void {
    this.seqs.set(socket, 0);
    const seen = (seq: number) => {
      if (!this.seqs.has(socket) || seq <= (this.seqs.get(socket) as number)) return;
      this.seqs.set(socket, seq);
      if (this.wake && this.caughtUp()) this.wake();
    };
    socket.on(SERVER_EVENTS.snapshot, (snapshot) => seen(snapshot.seq));
    const on = socket.on.bind(socket) as (
      event: string,
      listener: (p: { seq: number }) => void,
    ) => void;
    for (const name of FEED_EVENT_NAMES) on(name, (event) => seen(event.seq));
    socket.on('disconnect', () => this.forget(socket));
  }

  forget(socket: Socket<ServerEvents, ClientEvents>): void {
    this.seqs.delete(socket);
    if (this.wake && this.caughtUp()) this.wake();
  }

  private caughtUp(): boolean {
    for (const seq of this.seqs.values()) if (seq < this.target) return false;
    return true;
  }

  /** Resolves once every watched socket has received `seq`; rejects after ten seconds. */
  until(seq: number): Promise<void> {
    this.target = seq;
    if (this.caughtUp()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.wake = null;
        const behind = [...this.seqs.values()].filter((s) => s < seq).length;
        reject(new Error(`${behind} sockets never received feed event ${seq}`));
      }, SETTLE_TIMEOUT_MS);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
