import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, IssueTicketResponse, ServerEvents } from '../../server/src/contract';
import { FEED_EVENT_NAMES, SERVER_EVENTS } from '../../server/src/contract/events';
import { SimClient, type RequestLog } from './http';
import type { Ledger } from './ledger';
import type { Timeline } from './scheduler';
import type { Visitor } from './workload';

/**
 * The paired kiosks: each visitor takes a ticket at their kiosk at their arrival instant,
 * over HTTP with the kiosk's device token and an idempotency key, as the kiosk page does.
 */
export class Kiosks {
  private readonly clients: SimClient[];

  constructor(
    url: string,
    tokens: readonly string[],
    log: RequestLog,
    private readonly ledger: Ledger,
  ) {
    this.clients = tokens.map((token) => new SimClient(url, log, token));
  }

  /** Puts the day's arrivals on the scheduler. */
  schedule(scheduler: Timeline, visitors: readonly Visitor[]): void {
    for (const visitor of visitors) scheduler.at(visitor.at, () => this.issue(visitor));
  }

  private async issue(visitor: Visitor): Promise<void> {
    const client = this.clients[visitor.kiosk % this.clients.length] as SimClient;
    const first = visitor.stages[0]?.serviceId as number;
    const answer = await client.post<IssueTicketResponse>(
      '/api/tickets',
      'POST /api/tickets',
      visitor.priorityClass === null
        ? { serviceId: first }
        : { serviceId: first, priorityClass: visitor.priorityClass },
      `sim-kiosk${visitor.kiosk + 1}-${visitor.day}-${visitor.index}`,
    );
    if (answer.status !== 201) {
      const code = answer.code ?? String(answer.status);
      this.ledger.issueRefusals.set(code, (this.ledger.issueRefusals.get(code) ?? 0) + 1);
      return;
    }
    const { ticket, ahead, estimatedWaitMinutes } = answer.body;
    this.ledger.issued(
      {
        id: ticket.id,
        day: visitor.day,
        serviceId: first,
        priorityClass: visitor.priorityClass,
        issuedAt: Date.parse(ticket.issuedAt),
        estimate: typeof estimatedWaitMinutes === 'number' ? estimatedWaitMinutes : null,
        ahead,
        firstCalledAt: null,
        status: 'waiting',
        stage: 0,
        transfers: 0,
        recalls: 0,
        rated: false,
      },
      visitor,
    );
  }
}

/**
 * A hall display on a paired device's socket, counting the calls it is shown. Follows the
 * feed by `seq` like display-ui: after a reconnection it asks `sync` for what it missed
 * and counts the calls in it; a call that came only as part of a snapshot (too far
 * behind) is counted in `snapshotResyncs` instead, and the run then fails its check.
 */
export class HallScreen {
  private readonly socket: Socket<ServerEvents, ClientEvents>;
  /** `seq` of every `ticket:called` received. */
  private readonly seen = new Set<number>();
  private lastSeq = 0;
  private connectedOnce = false;
  calls = 0;
  duplicates = 0;
  disconnects = 0;
  snapshotResyncs = 0;

  constructor(url: string, deviceToken: string) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, auth: { deviceToken } });
    const on = this.socket.on.bind(this.socket) as (
      event: string,
      listener: (payload: { seq: number }) => void,
    ) => void;
    for (const name of FEED_EVENT_NAMES) on(name, (event) => this.apply(name, event));
    this.socket.on('disconnect', () => {
      this.disconnects += 1;
    });
    this.socket.on('connect', () => {
      if (this.connectedOnce) void this.catchUp();
      this.connectedOnce = true;
    });
  }

  private apply(name: string, event: { seq: number }): void {
    if (event.seq <= this.lastSeq && this.seen.has(event.seq)) {
      this.duplicates += 1;
      return;
    }
    this.lastSeq = Math.max(this.lastSeq, event.seq);
    if (name !== SERVER_EVENTS.ticketCalled) return;
    this.calls += 1;
    this.seen.add(event.seq);
  }

  private async catchUp(): Promise<void> {
    const answer = await this.socket
      .timeout(10_000)
      .emitWithAck('sync', { sinceSeq: this.lastSeq })
      .catch(() => null);
    if (!answer || 'error' in answer) return;
    if (answer.data.kind === 'snapshot') {
      this.snapshotResyncs += 1;
      this.lastSeq = answer.data.snapshot.seq;
      return;
    }
    for (const envelope of answer.data.events)
      this.apply(envelope.type, envelope.payload as { seq: number });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /**
   * Resolves once the server has answered a packet sent now (after catching up if the
   * screen had to reconnect): every event emitted to it before has then arrived.
   */
  async settled(): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.connected().catch(() => undefined);
      const answer = await this.socket
        .timeout(10_000)
        .emitWithAck('sync', { sinceSeq: this.lastSeq })
        .catch(() => null);
      if (answer && 'data' in answer && answer.data.kind === 'events') {
        for (const envelope of answer.data.events)
          this.apply(envelope.type, envelope.payload as { seq: number });
        return;
      }
    }
  }

  close(): void {
    this.socket.close();
  }
}
