import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, IssueTicketResponse, ServerEvents } from '../../server/src/contract';
import { SERVER_EVENTS } from '../../server/src/contract/events';
import { SimClient, type RequestLog } from './http';
import type { Ledger } from './ledger';
import type { Scheduler } from './scheduler';
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
  schedule(scheduler: Scheduler, visitors: readonly Visitor[]): void {
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

/** A hall display on a paired device's socket, counting the calls it is shown. */
export class HallScreen {
  private readonly socket: Socket<ServerEvents, ClientEvents>;
  /** `seq` of every `ticket:called` received. */
  private readonly seen = new Set<number>();
  calls = 0;
  duplicates = 0;
  disconnects = 0;

  constructor(url: string, deviceToken: string) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, auth: { deviceToken } });
    this.socket.on(SERVER_EVENTS.ticketCalled, (event) => {
      if (this.seen.has(event.seq)) this.duplicates += 1;
      else this.calls += 1;
      this.seen.add(event.seq);
    });
    this.socket.on('disconnect', () => {
      this.disconnects += 1;
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /**
   * Resolves once the server has answered a packet sent now: every event emitted to this
   * screen before has then arrived (one connection keeps its packets in order).
   */
  async settled(): Promise<void> {
    await this.socket.timeout(10_000).emitWithAck('sync', { sinceSeq: Number.MAX_SAFE_INTEGER });
  }

  close(): void {
    this.socket.close();
  }
}
