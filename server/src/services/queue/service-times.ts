import {
  ARRIVAL_WINDOW_MINUTES,
  arrivalSpanMinutes,
  PRIOR_TURNAROUND_MINUTES,
  shrunkMean,
  visitMinutes,
  type VisitTally,
} from '../../domain/estimate';
import { serviceDay } from '../../domain/service-day';
import type { TicketRecord } from '../../domain/ticket';
import { ForecastReads, type Arrival } from '../../storage/forecast-reads';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';

/** Read again from SQL at least this often, whatever was recorded meanwhile (ms). */
const REFRESH_MS = 5 * 60_000;

const add = (tally: VisitTally | undefined, more: VisitTally): VisitTally => ({
  visits: (tally?.visits ?? 0) + more.visits,
  serviceMs: (tally?.serviceMs ?? 0) + more.serviceMs,
  walkMs: (tally?.walkMs ?? 0) + more.walkMs,
});

const WINDOW_MS = ARRIVAL_WINDOW_MINUTES * 60_000;
const arrivalKey = (serviceId: number, priority: boolean) => `${serviceId}:${priority ? 'p' : 'n'}`;

/**
 * Today's figures for the estimate: per service, and per service and clerk, the finished
 * visits' count, service and walk times; and the tickets issued in the last
 * `ARRIVAL_WINDOW_MINUTES` per service and group (priority or not). Read from SQL once per
 * service day and every few minutes, and kept up to date in between as tickets finish
 * (`recordFinish`) and as new ones are inserted (read by id, the new rows only), so the issue
 * path never reads the day's history.
 */
export class ServiceTimes {
  private day: string | null = null;
  private readAt = 0;
  private readonly byService = new Map<number, VisitTally>();
  private readonly byClerk = new Map<string, VisitTally>();
  private readonly reads: ForecastReads;
  /** The window's arrivals, oldest first, and their count per service and group. */
  private recent: Arrival[] = [];
  private recentFrom = 0;
  private readonly counts = new Map<string, number>();
  private lastId = 0;
  private firstIssuedAt: number | null = null;
  private turnaroundMinutes = PRIOR_TURNAROUND_MINUTES;

  constructor(
    private readonly repos: Repos,
    private readonly clock: Clock,
    private readonly timeZone: () => string,
  ) {
    this.reads = new ForecastReads(repos.db);
  }

  /**
   * Expected minutes of one visit of a service at a counter held by `staffId`, the clerk's
   * turnaround to the next call included (today's mean, shrunk toward
   * `PRIOR_TURNAROUND_MINUTES`), as a function read once per forecast (the day's figures
   * checked once, each pair worked out once).
   */
  visits(): (serviceId: number, staffId: number | null, defaultServiceMinutes: number) => number {
    this.fresh();
    const known = new Map<string, number>();
    return (serviceId, staffId, defaultServiceMinutes) => {
      const key = `${serviceId}:${staffId ?? ''}`;
      let minutes = known.get(key);
      if (minutes === undefined) {
        minutes =
          visitMinutes(
            this.byService.get(serviceId),
            staffId === null ? undefined : this.byClerk.get(`${serviceId}:${staffId}`),
            defaultServiceMinutes,
          ) + this.turnaroundMinutes;
        known.set(key, minutes);
      }
      return minutes;
    };
  }

  /**
   * Today's finished visits of a service: by the clerk `staffId`, and by everyone (the
   * share of its tickets a clerk takes, `takenShare`), as a function read once per forecast.
   */
  visitCounts(): (serviceId: number, staffId: number | null) => { own: number; all: number } {
    this.fresh();
    return (serviceId, staffId) => ({
      own: staffId === null ? 0 : (this.byClerk.get(`${serviceId}:${staffId}`)?.visits ?? 0),
      all: this.byService.get(serviceId)?.visits ?? 0,
    });
  }

  /**
   * Tickets of a service (priority or not) issued per minute over the last
   * `ARRIVAL_WINDOW_MINUTES` (`arrivalSpanMinutes` early in the day), as a function read
   * once per forecast.
   */
  arrivalRates(): (serviceId: number, priority: boolean) => number {
    this.fresh();
    const now = this.clock.now();
    this.catchUp(now);
    const span = arrivalSpanMinutes(now, this.firstIssuedAt);
    return (serviceId, priority) => (this.counts.get(arrivalKey(serviceId, priority)) ?? 0) / span;
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
    this.recent = [];
    this.recentFrom = 0;
    this.counts.clear();
    const turnaround = this.reads.turnaround(day);
    this.turnaroundMinutes = shrunkMean(
      turnaround.calls,
      turnaround.calls > 0 ? turnaround.totalMs / turnaround.calls / 60_000 : 0,
      PRIOR_TURNAROUND_MINUTES,
    );
    this.lastId = this.reads.lastId();
    const { arrivals, firstIssuedAt } = this.reads.since(day, now - WINDOW_MS);
    this.firstIssuedAt = firstIssuedAt;
    arrivals.forEach((arrival) => this.addArrival(arrival));
    this.day = day;
    this.readAt = now;
  }

  /** Adds the tickets inserted since the last look and drops those out of the window. */
  private catchUp(now: number): void {
    if (this.day === null) return;
    for (const arrival of this.reads.after(this.day, this.lastId)) {
      this.lastId = Math.max(this.lastId, arrival.id);
      this.firstIssuedAt ??= arrival.issuedAt;
      this.addArrival(arrival);
    }
    while (this.recentFrom < this.recent.length) {
      const oldest = this.recent[this.recentFrom] as Arrival;
      if (oldest.issuedAt >= now - WINDOW_MS) break;
      const key = arrivalKey(oldest.serviceId, oldest.priority);
      this.counts.set(key, (this.counts.get(key) ?? 1) - 1);
      this.recentFrom += 1;
    }
    if (this.recentFrom > 1024 && this.recentFrom * 2 > this.recent.length) {
      this.recent = this.recent.slice(this.recentFrom);
      this.recentFrom = 0;
    }
  }

  private addArrival(arrival: Arrival): void {
    this.lastId = Math.max(this.lastId, arrival.id);
    this.recent.push(arrival);
    const key = arrivalKey(arrival.serviceId, arrival.priority);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}
