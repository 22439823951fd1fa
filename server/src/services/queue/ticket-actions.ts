import type { Ticket, TicketStatus } from '../../contract/entities';
import type { TicketListName } from '../../contract/schemas';
import type { CounterDayResponse, TicketResponse } from '../../contract/http';
import { DomainError } from '../../domain/errors';
import { serviceDay } from '../../domain/service-day';
import type { TicketRecord } from '../../domain/ticket';
import type { TicketCommand } from '../../domain/transitions';
import type { Repos } from '../../storage/repos';
import { assertMayHandleTicket, type Actor } from '../core/actor';
import type { Clock } from '../core/clock';
import type { CommandResult, CommandRunner } from '../core/command-runner';
import type { DayEnd } from './day-end';
import type { TicketMover } from './ticket-mover';
import { toTicket } from './queue-views';

/** The states of today's tickets each list a clerk can ask for holds. */
const TICKET_LISTS: Record<TicketListName, readonly TicketStatus[]> = {
  waiting: ['waiting'],
  parked: ['parked'],
  'no-show': ['no_show'],
  done: ['done'],
};

/** What ticket use cases are built from. */
export interface TicketActionsDeps {
  repos: Repos;
  runner: CommandRunner;
  mover: TicketMover;
  dayEnd: DayEnd;
  clock: Clock;
  /** The centre's time zone now (read at each use). */
  timeZone: () => string;
}

/** Actions on a ticket away from any counter, and the clerk's lists. */
export class TicketActions {
  constructor(private readonly deps: TicketActionsDeps) {}

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

  /** Today's tickets of one list, oldest first; only one counter's when `counterId` is set. */
  list(list: TicketListName, counterId?: number): Ticket[] {
    const day = serviceDay(this.deps.clock.now(), this.deps.timeZone());
    return this.deps.repos.tickets.listByStatus(day, TICKET_LISTS[list], counterId).map(toTicket);
  }

  /**
   * What a counter finished on the current service day, counted by the database: the
   * console's day figures, right however many tickets that is (the lists stop at 200).
   */
  counterDay(counterId: number): CounterDayResponse {
    if (!this.deps.repos.counters.getAny(counterId)) {
      throw new DomainError('counter_not_found', `No counter ${counterId}`);
    }
    const day = serviceDay(this.deps.clock.now(), this.deps.timeZone());
    return { counterId, day, ...this.deps.repos.tickets.counterDayFigures(day, counterId) };
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
    if (ticket.day !== serviceDay(now, this.deps.timeZone())) {
      throw new DomainError(
        'invalid_transition',
        `Ticket ${ticket.number} belongs to ${ticket.day}`,
      );
    }
  }
}
