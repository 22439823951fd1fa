import { visitMinutes, type VisitTally } from '../../domain/estimate';
import { serviceDay } from '../../domain/service-day';
import type { TicketRecord } from '../../domain/ticket';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';

/** Read again from SQL at least this often, whatever was recorded meanwhile (ms). */
const REFRESH_MS = 5 * 60_000;

const add = (tally: VisitTally | undefined, more: VisitTally): VisitTally => ({
  visits: (tally?.visits ?? 0) + more.visits,
  serviceMs: (tally?.serviceMs ?? 0) + more.serviceMs,
  walkMs: (tally?.walkMs ?? 0) + more.walkMs,
});

/**
 * Today's service-time figures for the estimate: per service, and per service and clerk,
 * the finished visits' count, service and walk times. Read from SQL once per service day and
 * every few minutes, and kept up to date in between as tickets finish (`recordFinish`), so
 * the issue path never reads the day's history.
 */
export class ServiceTimes {
  private day: string | null = null;
  private readAt = 0;
  private readonly byService = new Map<number, VisitTally>();
  private readonly byClerk = new Map<string, VisitTally>();

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    private readonly timeZone: () => string,
  ) {}

  /**
   * Expected minutes of one visit of a service at a counter held by `staffId`, as a function
   * read once per forecast (the day's figures checked once, each pair worked out once).
   */
  visits(): (serviceId: number, staffId: number | null, defaultServiceMinutes: number) => number {
    this.fresh();
    const known = new Map<string, number>();
    return (serviceId, staffId, defaultServiceMinutes) => {
      const key = `${serviceId}:${staffId ?? ''}`;
      let minutes = known.get(key);
      if (minutes === undefined) {
        minutes = visitMinutes(
          this.byService.get(serviceId),
          staffId === null ? undefined : this.byClerk.get(`${serviceId}:${staffId}`),
          defaultServiceMinutes,
        );
        known.set(key, minutes);
      }
      return minutes;
    };
  }

  /** A ticket just finished (in a command): its visit counts from now on. */
  recordFinish(ticket: TicketRecord): void {
    if (ticket.status !== 'done' || ticket.servingAt === null || ticket.finishedAt === null) return;
    if (this.day !== ticket.day) return;
    const tally: VisitTally = {
      visits: 1,
      serviceMs: Math.max(0, ticket.finishedAt - ticket.servingAt),
      walkMs: Math.max(0, ticket.servingAt - (ticket.calledAt ?? ticket.servingAt)),
    };
    this.byService.set(ticket.serviceId, add(this.byService.get(ticket.serviceId), tally));
    if (ticket.staffId !== null) {
      const key = `${ticket.serviceId}:${ticket.staffId}`;
      this.byClerk.set(key, add(this.byClerk.get(key), tally));
    }
  }

  private fresh(): void {
    const now = this.clock.now();
    const day = serviceDay(now, this.timeZone());
    if (day === this.day && now - this.readAt < REFRESH_MS && now >= this.readAt) return;
    this.byService.clear();
    this.byClerk.clear();
    for (const row of this.repos.tickets.dayVisitTallies(day)) {
      this.byService.set(row.serviceId, add(this.byService.get(row.serviceId), row));
      if (row.staffId !== null) this.byClerk.set(`${row.serviceId}:${row.staffId}`, row);
    }
    this.day = day;
    this.readAt = now;
  }
}
