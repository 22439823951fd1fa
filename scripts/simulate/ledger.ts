import type { Visitor } from './workload';

/** What became of one ticket, as the simulator saw it in the server's answers. */
export interface TicketRecord {
  id: number;
  day: string;
  /** The service it was issued for. */
  serviceId: number;
  priorityClass: string | null;
  /** Server clock, epoch ms. */
  issuedAt: number;
  /** `estimatedWaitMinutes` of the issue answer; null when it had none. */
  estimate: number | null;
  ahead: number;
  /** Server clock of the first call, epoch ms. */
  firstCalledAt: number | null;
  status: 'waiting' | 'called' | 'serving' | 'parked' | 'done' | 'no_show';
  /** Index of the visitor's stage (1 after a transfer). */
  stage: number;
  transfers: number;
  recalls: number;
  rated: boolean;
}

/** A counter's time, from the simulator's clock at each answer. */
export interface CounterRecord {
  id: number;
  number: number;
  openMs: number;
  busyMs: number;
  served: number;
  openSince: number | null;
  busySince: number | null;
}

/** Everything the run counts, shared by the kiosks, the clerks and the screens. */
export class Ledger {
  readonly tickets = new Map<number, TicketRecord>();
  readonly counters = new Map<number, CounterRecord>();
  readonly issueRefusals = new Map<string, number>();
  /** Successful calls, first calls and recalls (each one a `ticket:called` on the screens). */
  calls = 0;
  recalls = 0;
  parks = 0;
  returnsCalled = 0;
  pauses = 0;
  ratingsSent = 0;
  ratingsRefused = 0;
  /** Answers the simulator did not expect (a 409 where the state says otherwise…). */
  readonly surprises: string[] = [];
  surpriseCount = 0;
  private readonly visitors = new Map<number, Visitor>();
  private readonly visitorWaiters = new Map<number, ((visitor: Visitor) => void)[]>();

  /** A ticket the kiosk was given, and who holds it. */
  issued(record: TicketRecord, visitor: Visitor): void {
    this.tickets.set(record.id, record);
    this.visitors.set(record.id, visitor);
    for (const wake of this.visitorWaiters.get(record.id) ?? []) wake(visitor);
    this.visitorWaiters.delete(record.id);
  }

  /**
   * The visitor holding a ticket. A call can be answered before the issue's answer reaches
   * the kiosk (two connections), so this waits for it.
   */
  visitorOf(ticketId: number): Promise<Visitor> {
    const visitor = this.visitors.get(ticketId);
    if (visitor) return Promise.resolve(visitor);
    return new Promise((resolve) => {
      const list = this.visitorWaiters.get(ticketId) ?? [];
      list.push(resolve);
      this.visitorWaiters.set(ticketId, list);
    });
  }

  ticket(id: number): TicketRecord {
    const record = this.tickets.get(id);
    if (!record) throw new Error(`ticket ${id} was never issued by the simulator`);
    return record;
  }

  counter(id: number): CounterRecord {
    const record = this.counters.get(id);
    if (!record) throw new Error(`unknown counter ${id}`);
    return record;
  }

  surprise(text: string): void {
    this.surpriseCount += 1;
    if (this.surprises.length < 20) this.surprises.push(text);
  }

  /** The counter became open (signed in and opened, or resumed) at `now`. */
  opened(counterId: number, now: number): void {
    const c = this.counter(counterId);
    c.openSince ??= now;
  }

  /** The counter stopped being open (paused, signed out) at `now`. */
  closed(counterId: number, now: number): void {
    const c = this.counter(counterId);
    if (c.openSince !== null) c.openMs += now - c.openSince;
    c.openSince = null;
  }

  busy(counterId: number, now: number): void {
    const c = this.counter(counterId);
    c.busySince ??= now;
  }

  free(counterId: number, now: number): void {
    const c = this.counter(counterId);
    if (c.busySince !== null) c.busyMs += now - c.busySince;
    c.busySince = null;
  }
}
