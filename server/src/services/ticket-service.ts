import type { Ticket } from '../contract/entities';
import type { TicketResponse, TrackResponse } from '../contract/http';
import { DomainError } from '../domain/errors';
import { serviceDay } from '../domain/service-day';
import type { TicketRecord } from '../domain/ticket';
import type { TicketCommand } from '../domain/transitions';
import type { Repos } from '../storage/repos';
import { assertMayHandleTicket, type Actor } from './actor';
import type { Clock } from './clock';
import type { CommandResult, CommandRunner } from './command-runner';
import type { DayEnd } from './day-end';
import type { QueueReader } from './queue-reader';
import type { SettingsService } from './settings-service';
import type { TicketMover } from './ticket-mover';
import { toTicket } from './views';

/** Lists a clerk can ask for: today's tickets in these states. */
export const TICKET_LISTS = {
  waiting: ['waiting'],
  parked: ['parked'],
  'no-show': ['no_show'],
} as const;
export type TicketList = keyof typeof TICKET_LISTS;

/** What ticket use cases are built from. */
export interface TicketServiceDeps {
  repos: Repos;
  reader: QueueReader;
  runner: CommandRunner;
  mover: TicketMover;
  dayEnd: DayEnd;
  settings: SettingsService;
  clock: Clock;
  timeZone: string;
}

/** Actions on a ticket away from any counter, the clerk's lists, and the visitor's tracking view. */
export class TicketService {
  constructor(private readonly deps: TicketServiceDeps) {}

  /** A parked ticket goes back to the head of its queue. */
  returnParked(id: number, actor: Actor, key?: string): CommandResult<TicketResponse> {
    return this.change(id, 'return', { kind: 'unpark' }, actor, key);
  }

  /** A no-show who turned up late goes back into the queue (same day only). */
  requeue(id: number, actor: Actor, key?: string): CommandResult<TicketResponse> {
    return this.change(id, 'requeue', { kind: 'requeue' }, actor, key);
  }

  /** Cancels a waiting, called or parked ticket with a reason. */
  cancel(id: number, reason: string, actor: Actor, key?: string): CommandResult<TicketResponse> {
    return this.change(
      id,
      'cancel',
      { kind: 'cancel', reason: reason.normalize('NFC') },
      actor,
      key,
    );
  }

  /** Today's tickets of one list, oldest first. */
  list(list: TicketList): Ticket[] {
    const day = serviceDay(this.deps.clock.now(), this.deps.timeZone);
    return this.deps.repos.tickets.listByStatus(day, TICKET_LISTS[list]).map(toTicket);
  }

  /** What the QR code on a ticket opens: status, people ahead and the estimate, live. */
  track(token: string): TrackResponse {
    const { repos, reader, settings } = this.deps;
    const ticket = repos.tickets.byToken(token);
    if (!ticket) throw new DomainError('ticket_not_found', 'No ticket for this token');
    const service = repos.services.get(ticket.serviceId);
    const counter =
      ticket.counterId !== null && (ticket.status === 'called' || ticket.status === 'serving')
        ? repos.counters.get(ticket.counterId)
        : undefined;
    const ahead = reader.ahead(ticket);
    return {
      ticket: toTicket(ticket),
      service: { id: ticket.serviceId, name: service?.name ?? '', nameEn: service?.nameEn ?? '' },
      counter: counter ? { id: counter.id, number: counter.number, name: counter.name } : null,
      ahead,
      estimatedWaitMinutes:
        ticket.status === 'waiting' ? reader.estimate(ticket.serviceId, ahead) : 0,
      centreName: settings.current().centreName,
      timeZone: settings.centreInfo().timeZone,
    };
  }

  private change(
    id: number,
    action: string,
    command: TicketCommand,
    actor: Actor,
    idempotencyKey: string | undefined,
  ): CommandResult<TicketResponse> {
    const scope = `ticket:${action}:staff:${actor.staffId}`;
    const request = { id, command };
    return this.deps.runner.run({ scope, idempotencyKey, request }, (context) => {
      this.deps.dayEnd.expireEarlierDays(context);
      const ticket = this.deps.repos.tickets.get(id);
      if (!ticket) throw new DomainError('ticket_not_found', `No ticket ${id}`);
      const desks = this.deps.repos.counters.list().filter((c) => c.staffId === actor.staffId);
      assertMayHandleTicket(actor, ticket, desks);
      this.assertToday(ticket, context.at);
      return { ticket: toTicket(this.deps.mover.move(ticket, command, context)) };
    });
  }

  private assertToday(ticket: TicketRecord, now: number): void {
    if (ticket.day !== serviceDay(now, this.deps.timeZone)) {
      throw new DomainError(
        'invalid_transition',
        `Ticket ${ticket.number} belongs to ${ticket.day}`,
      );
    }
  }
}
