import type {
  Counter,
  PublicCounter,
  PublicStateSnapshot,
  PublicTicket,
  RecentCall,
  Service,
  ServiceGroup,
  StateSnapshot,
  Ticket,
  WaitingCounts,
} from '../../contract/entities';
import type { TicketCalled } from '../../contract/events';
import type { PublicPrinterStatus } from '../../contract/printing';
import { recentCallOf, SERVER_EVENTS } from '../../contract/events';
import { issuingHours, unavailableReason, type Unavailable } from '../../domain/availability';
import { DomainError } from '../../domain/errors';
import { serviceDay } from '../../domain/service-day';
import type { ServiceRecord } from '../../storage/service-repo';
import type { Clock } from '../core/clock';
import type { SettingsService } from '../admin/settings-service';
import { estimateWaitMinutes } from '../../domain/estimate';
import { targetWaitsMs, type WaitingCandidate } from '../../domain/next-ticket';
import { desksAhead, peopleAhead } from '../../domain/queue-position';
import type { CounterRecord } from '../../storage/counter-repo';
import type { TicketRecord } from '../../domain/ticket';
import type { Repos } from '../../storage/repos';
import { printerStatusFor, type PrinterAudience } from '../printing/print-views';
import { toPublicCounter, toPublicTicket, type Audience } from './public-view';
import { toCounter, toService, toServiceGroup, toTicket, toWaitingCounts } from './queue-views';

/**
 * How many calls a snapshot carries for the hall screen: enough that a display filtered
 * to one wing of a 40-counter centre still has its own last dozen.
 */
export const RECENT_CALLS = 30;

/** Read-side queries: what screens and the API show. Never writes. */
export class QueueReader {
  constructor(
    private readonly repos: Repos,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly timeZone: () => string,
  ) {}

  /** The kiosk's menu: each service's waiting count, and the estimate for a ticket taken now. */
  services(): Service[] {
    const counts = this.repos.tickets.waitingCounts();
    const now = this.clock.now();
    const counters = this.repos.counters.list();
    const listed = new Set(this.repos.serviceGroups.listActive().map((group) => group.id));
    return this.repos.services.listActive().map((record) => {
      // Under a group that is not listed (inactive, or its field is): at the top level.
      const service =
        record.groupId === null || listed.has(record.groupId)
          ? record
          : { ...record, groupId: null };
      // The estimate a normal ticket taken now would be printed with, counted the same way;
      // it would get the highest id so far, so it goes after tickets issued in the same ms.
      const newTicket = {
        id: Number.MAX_SAFE_INTEGER,
        serviceId: service.id,
        priorityClass: null,
        issuedAt: now,
      };
      return toService(
        service,
        counts.get(service.id) ?? 0,
        this.estimate(service.id, this.place(newTicket, counters)),
        this.unavailable(service, now),
        issuingHours(
          { settings: this.settings.current(), timeZone: this.timeZone(), service },
          now,
        ),
      );
    });
  }

  /**
   * The kiosk menu's active headings, fields first, each level by sort order. A group
   * under an inactive field is left out with it; a service under a group not listed shows
   * at the top level (`services` gives it no `groupId`).
   */
  serviceGroups(): ServiceGroup[] {
    return this.repos.serviceGroups.listActive().map(toServiceGroup);
  }

  /** Why the kiosk refuses tickets for the service at `now`, or null. */
  unavailable(service: ServiceRecord, now: number): Unavailable | null {
    const day = serviceDay(now, this.timeZone());
    return unavailableReason(
      {
        settings: this.settings.current(),
        timeZone: this.timeZone(),
        service,
        issuedToday: this.repos.tickets.issuedCount(service.id, day),
      },
      now,
    );
  }

  /** Every counter, as `audience` sees it. */
  counters(audience: 'staff'): Counter[];
  counters(audience: Audience): Counter[] | PublicCounter[];
  counters(audience: Audience): Counter[] | PublicCounter[] {
    const current = this.repos.tickets.currentByCounter();
    const counters = this.repos.counters
      .list()
      .map((counter) => toCounter(counter, current.get(counter.id)));
    return audience === 'staff' ? counters : counters.map(toPublicCounter);
  }

  counter(id: number): Counter {
    const record = this.repos.counters.get(id);
    if (!record) throw new DomainError('counter_not_found', `No counter ${id}`);
    return toCounter(record, this.repos.tickets.currentAt(id));
  }

  /** One ticket, as `audience` sees it. */
  ticket(id: number, audience: Audience): Ticket | PublicTicket {
    const record = this.repos.tickets.get(id);
    if (!record) throw new DomainError('ticket_not_found', `No ticket ${id}`);
    const ticket = toTicket(record);
    return audience === 'staff' ? ticket : toPublicTicket(ticket);
  }

  waiting(): WaitingCounts {
    const ids = this.repos.services.listActive().map((service) => service.id);
    return toWaitingCounts(ids, this.repos.tickets.waitingCounts());
  }

  /**
   * Tickets called before this waiting one if the counters that may call it take turns
   * by the queue rules (`peopleAhead`, the same ordering as call-next): the open counters
   * with a clerk, or when none is, every counter serving its service, or else one desk
   * serving only its service.
   */
  ahead(ticket: TicketRecord): number {
    if (ticket.status !== 'waiting') return 0;
    return this.place(ticket, this.repos.counters.list());
  }

  /** `ahead` for a waiting ticket, stored or about to be. */
  private place(ticket: WaitingCandidate, counters: readonly CounterRecord[]): number {
    const desks = desksAhead(ticket, counters);
    const byId = new Map<number, WaitingCandidate>([[ticket.id, ticket]]);
    const serviceIds = new Set(desks.flatMap((desk) => [...desk.tiers.keys()]));
    for (const waiting of this.repos.tickets.waitingFor([...serviceIds]))
      byId.set(waiting.id, waiting);
    // Tickets sent to one of these counters by name, whatever their service.
    for (const desk of desks)
      for (const waiting of this.repos.tickets.waitingFor([], desk.counterId))
        byId.set(waiting.id, waiting);
    return peopleAhead(ticket, [...byId.values()], desks, {
      policy: this.settings.current().priorityPolicy,
      now: this.clock.now(),
      targetWaitMs: targetWaitsMs(this.repos.services.listActive()),
    });
  }

  /** Estimated minutes of wait for a ticket with `ahead` tickets before it. */
  estimate(serviceId: number, ahead: number): number {
    const service = this.repos.services.get(serviceId);
    const mean =
      this.repos.tickets.meanServiceMinutes(serviceId) ?? service?.defaultServiceMinutes ?? 0;
    return estimateWaitMinutes(ahead, mean, this.repos.counters.staffedCountFor(serviceId));
  }

  /**
   * The latest calls of the current service day, newest first: the hall screen starts
   * each morning empty. Being newest first, today's calls are all ahead of any older one.
   */
  recentCalls(limit = RECENT_CALLS): RecentCall[] {
    const zone = this.timeZone();
    const today = serviceDay(this.clock.now(), zone);
    return this.repos.events
      .latestOfType(SERVER_EVENTS.ticketCalled, limit)
      .filter((event) => serviceDay(event.at, zone) === today)
      .map((event) => {
        const payload = event.payload as unknown as Omit<TicketCalled, 'seq' | 'at'>;
        return recentCallOf(payload, new Date(event.at).toISOString());
      });
  }

  /**
   * Active printers with their last known state (the `printers` table's `last_status`):
   * the state alone, or for `staff` also why.
   */
  printers(audience: PrinterAudience = 'public'): PublicPrinterStatus[] {
    return this.repos.printers
      .list()
      .filter((printer) => printer.active)
      .map((printer) => printerStatusFor(printer, audience));
  }

  /**
   * Everything a screen needs, consistent as of one seq: the reads run
   * synchronously on the one connection, so no write can fall between them. Counters
   * and printers come in their public form unless `audience` is `staff`.
   */
  snapshot(audience: 'staff'): StateSnapshot;
  snapshot(audience?: Audience): StateSnapshot | PublicStateSnapshot;
  snapshot(audience: Audience = 'public'): StateSnapshot | PublicStateSnapshot {
    return {
      seq: this.repos.events.lastSeq(),
      centre: this.settings.centreInfo(),
      services: this.services(),
      serviceGroups: this.serviceGroups(),
      counters: this.counters(audience),
      recentCalls: this.recentCalls(),
      printers: this.printers(audience),
      serverTime: new Date(this.clock.now()).toISOString(),
    };
  }
}
