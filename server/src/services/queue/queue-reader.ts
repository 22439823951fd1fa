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
import {
  overtakenShare,
  remainingMinutes,
  takenShare,
  TYPICAL_PAUSE_MINUTES,
} from '../../domain/estimate';
import { deskOf } from '../../domain/desk-rights';
import {
  minutesUntilCalled,
  turnsAhead,
  type ForecastDesk,
  type ForecastRules,
} from '../../domain/forecast';
import { isEligible, targetWaitsMs } from '../../domain/next-ticket';
import { desksAhead } from '../../domain/queue-position';
import type { WaitingEntry } from '../../domain/waiting-lists';
import { ServiceTimes } from './service-times';
import type { CounterRecord } from '../../storage/counter-repo';
import type { TicketRecord } from '../../domain/ticket';
import type { Repos } from '../../storage/repos';
import { printerStatusFor, type PrinterAudience } from '../printing/print-views';
import { toPublicCounter, toPublicTicket, type Audience } from './public-view';
import { toCounter, toService, toServiceGroup, toTicket, toWaitingCounts } from './queue-views';

/** Counts, for the counters held, those serving a service at a tier or a better one. */
function desksSharing(
  staffed: readonly CounterRecord[],
): (serviceId: number, tier: number) => number {
  const tiers = new Map<number, number[]>();
  for (const counter of staffed)
    for (const link of counter.services)
      tiers.set(link.serviceId, [...(tiers.get(link.serviceId) ?? []), link.tier]);
  return (serviceId, tier) => (tiers.get(serviceId) ?? []).filter((t) => t <= tier).length;
}

/**
 * How many calls a snapshot carries for the hall screen: enough that a display filtered
 * to one wing of a 40-counter centre still has its own last dozen.
 */
export const RECENT_CALLS = 30;

/** Read-side queries: what screens and the API show. Never writes. */
export class QueueReader {
  /** Today's service-time figures the estimate uses (the mover records finished visits). */
  readonly serviceTimes: ServiceTimes;

  constructor(
    private readonly repos: Repos,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly timeZone: () => string,
  ) {
    this.serviceTimes = new ServiceTimes(repos, clock, timeZone);
  }

  /** The kiosk's menu: each service's waiting count, and the estimate for a ticket taken now. */
  services(): Service[] {
    const counts = this.repos.tickets.waitingCounts();
    const now = this.clock.now();
    const counters = this.repos.counters.list();
    const active = this.repos.services.listActive();
    const rules = this.rules(now, active);
    const listed = new Set(this.repos.serviceGroups.listActive().map((group) => group.id));
    return active.map((record) => {
      // Under a group that is not listed (inactive, or its field is): at the top level.
      const service =
        record.groupId === null || listed.has(record.groupId)
          ? record
          : { ...record, groupId: null };
      // The estimate a normal ticket taken now would be printed with, counted the same way.
      return toService(
        service,
        counts.get(service.id) ?? 0,
        this.forecastNew(service.id, null, now, counters, rules).estimatedWaitMinutes,
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
   * by the queue rules (`turnsAhead`, the same ordering as call-next): the open counters
   * with a clerk, or when none is, every counter serving its service, or else one desk
   * serving only its service.
   */
  ahead(ticket: TicketRecord): number {
    if (ticket.status !== 'waiting') return 0;
    return this.forecast(ticket).ahead;
  }

  /** People ahead of a waiting ticket and the minutes until it is called. */
  forecast(ticket: TicketRecord): { ahead: number; estimatedWaitMinutes: number } {
    if (ticket.status !== 'waiting') return { ahead: 0, estimatedWaitMinutes: 0 };
    const now = this.clock.now();
    const entry = this.repos.tickets.waiting.get(ticket.id) ?? {
      id: ticket.id,
      serviceId: ticket.serviceId,
      priorityClass: ticket.priorityClass,
      issuedAt: ticket.issuedAt,
      front: ticket.front,
      targetCounterId: ticket.targetCounterId,
    };
    return this.forecastOf(
      entry,
      false,
      now,
      this.repos.counters.list(),
      this.rules(now, this.repos.services.listActive()),
    );
  }

  /**
   * The figures a ticket of `serviceId` issued now would get (the kiosk's menu, and the
   * issue itself, which records them before the ticket is inserted): it goes after every
   * waiting ticket of its list, as the newest.
   */
  forecastNew(
    serviceId: number,
    priorityClass: TicketRecord['priorityClass'],
    now = this.clock.now(),
    counters = this.repos.counters.list(),
    rules = this.rules(now, this.repos.services.listActive()),
  ): { ahead: number; estimatedWaitMinutes: number } {
    const entry: WaitingEntry = {
      id: Number.MAX_SAFE_INTEGER,
      serviceId,
      priorityClass,
      issuedAt: now,
      front: false,
      targetCounterId: null,
    };
    return this.forecastOf(entry, true, now, counters, rules);
  }

  private forecastOf(
    entry: WaitingEntry,
    isNew: boolean,
    now: number,
    counters: readonly CounterRecord[],
    rules: ForecastRules & { defaults: ReadonlyMap<number, number> },
  ): { ahead: number; estimatedWaitMinutes: number } {
    const lists = this.repos.tickets.waiting;
    const extra = isNew ? entry : null;
    const ahead = turnsAhead(entry, lists, desksAhead(entry, counters), rules, extra);
    const minutes = minutesUntilCalled(
      entry,
      lists,
      this.forecastDesks(entry, counters, now, rules),
      rules,
      extra,
    );
    return { ahead, estimatedWaitMinutes: Math.max(0, Math.round(minutes)) };
  }

  private rules(
    now: number,
    active: readonly { id: number; targetWaitMinutes: number; defaultServiceMinutes: number }[],
  ): ForecastRules & { defaults: ReadonlyMap<number, number> } {
    return {
      policy: this.settings.current().priorityPolicy,
      now,
      targetWaitMs: targetWaitsMs(active),
      defaults: new Map(active.map((service) => [service.id, service.defaultServiceMinutes])),
    };
  }

  /**
   * The counters of the forecast: every counter a clerk holds, open or paused (a paused one
   * is back after a typical pause), when one of them may call the ticket, each slowed by the
   * share of its time that tickets issued later will take ahead of this one (today's arrival
   * rates and the share of each service its clerk took today, `overtakenShare`); else every counter that may call it, as if open and free; else
   * one desk serving only its service.
   */
  private forecastDesks(
    entry: WaitingEntry,
    counters: readonly CounterRecord[],
    now: number,
    rules: ForecastRules & { defaults: ReadonlyMap<number, number> },
  ): ForecastDesk[] {
    const defaults = rules.defaults;
    const able = (counter: CounterRecord) => isEligible(entry, deskOf(counter).tiers, counter.id);
    const staffed = counters.filter(
      (counter) => counter.staffId !== null && counter.status !== 'closed',
    );
    const times = this.serviceTimes.visits();
    const visit = (staffId: number | null) => (serviceId: number) =>
      times(serviceId, staffId, defaults.get(serviceId) ?? 0);
    if (staffed.some(able)) {
      const rate = this.serviceTimes.arrivalRates();
      const sharing = desksSharing(staffed);
      const counts = this.serviceTimes.visitCounts();
      return staffed.map((counter) => {
        const visitMinutes = visit(counter.staffId);
        const desk = deskOf(counter);
        const shareOf = (serviceId: number, tier: number) => {
          const { own, all } = counts(serviceId, counter.staffId);
          return takenShare(own, all, sharing(serviceId, tier));
        };
        const share = (overdue: boolean) =>
          entry.targetCounterId === null && able(counter)
            ? overtakenShare({
                serviceId: entry.serviceId,
                priority: entry.priorityClass !== null,
                tiers: desk.tiers,
                policy: rules.policy,
                ratePerMinute: rate,
                visitMinutes,
                shareOf,
                overdue,
              })
            : 0;
        let freeInMinutes = 0;
        if (counter.status === 'paused') {
          const since = counter.statusSince ?? now;
          freeInMinutes = remainingMinutes(TYPICAL_PAUSE_MINUTES, (now - since) / 60_000);
        } else {
          const current = this.repos.tickets.currentAt(counter.id);
          if (current)
            freeInMinutes = remainingMinutes(
              visitMinutes(current.serviceId),
              (now - (current.calledAt ?? now)) / 60_000,
            );
        }
        return {
          ...desk,
          normalStreak: counter.normalStreak,
          freeInMinutes,
          visitMinutes,
          overtaken: share(false),
          overtakenWhenOverdue: share(true),
        };
      });
    }
    const open = counters.filter(able);
    if (open.length > 0)
      return open.map((counter) => ({
        ...deskOf(counter),
        normalStreak: counter.normalStreak,
        freeInMinutes: 0,
        visitMinutes: visit(null),
      }));
    return [
      {
        counterId: 0,
        tiers: new Map([[entry.serviceId, 1]]),
        normalStreak: 0,
        freeInMinutes: 0,
        visitMinutes: visit(null),
      },
    ];
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
