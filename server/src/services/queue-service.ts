import { randomBytes } from 'node:crypto';
import type { PriorityClass } from '../contract/entities';
import type { CounterAction, IssueTicketResponse, TicketResponse } from '../contract/http';
import { DomainError } from '../domain/errors';
import { chooseNextTicket } from '../domain/next-ticket';
import { formatTicketNumber } from '../domain/numbering';
import { serviceDay } from '../domain/service-day';
import type { TicketRecord } from '../domain/ticket';
import { applyTicketCommand, type TicketCommand } from '../domain/transitions';
import type { Repos } from '../storage/repos';
import type { CommandContext, CommandResult, CommandRunner } from './command-runner';
import type { QueueReader } from './queue-reader';
import { toTicket } from './views';
import type { Actor } from './actor';
import { assertMayOperate } from './actor';

/** Settings the queue needs from the centre's configuration. */
export interface QueueSettings {
  timeZone: string;
}

/** Makes the unguessable token a visitor's QR code carries. */
export type TokenFactory = () => string;

/** 128 random bits, URL-safe. */
export const randomToken: TokenFactory = () => randomBytes(16).toString('base64url');

/** The use cases of the queue: issuing tickets and what clerks do at a counter. */
export class QueueService {
  constructor(
    private readonly repos: Repos,
    private readonly reader: QueueReader,
    private readonly runner: CommandRunner,
    private readonly settings: QueueSettings,
    private readonly newToken: TokenFactory = randomToken,
  ) {}

  /** Issues a ticket; it is committed before this returns. */
  issueTicket(
    input: { serviceId: number; priorityClass?: PriorityClass | null | undefined },
    idempotencyKey?: string,
  ): CommandResult<IssueTicketResponse> {
    const request = { serviceId: input.serviceId, priorityClass: input.priorityClass ?? null };
    return this.runner.run({ scope: 'ticket:issue', idempotencyKey, request }, (context) => {
      this.expireEarlierDays(context);
      const service = this.repos.services.get(request.serviceId);
      if (!service || !service.active) {
        throw new DomainError('service_not_found', `No service ${request.serviceId}`);
      }
      const day = serviceDay(context.at, this.settings.timeZone);
      const sequence = this.repos.tickets.allocateSequence(service.id, day);
      const ticket = this.repos.tickets.insert({
        serviceId: service.id,
        day,
        sequence,
        number: formatTicketNumber(service.prefix, sequence),
        priorityClass: request.priorityClass,
        status: 'waiting',
        counterId: null,
        staffId: null,
        issuedAt: context.at,
        calledAt: null,
        servingAt: null,
        finishedAt: null,
        recallCount: 0,
        trackingToken: this.newToken(),
        front: false,
        targetCounterId: null,
        originalServiceId: service.id,
        transferCount: 0,
        note: null,
        closeReason: null,
      });
      const ahead = this.reader.ahead(ticket);
      context.emit('ticket:issued', {
        ticket: toTicket(ticket),
        counter: null,
        waiting: this.reader.waiting(),
      });
      return {
        ticket: toTicket(ticket),
        ahead,
        estimatedWaitMinutes: this.reader.estimate(service.id, ahead),
      };
    });
  }

  /**
   * Ends the service days that are over: tickets still open from an earlier day
   * expire, so numbering restarts cleanly. Runs at start, on a timer, and
   * inside every command, so no stale ticket is ever called.
   */
  rollOver(): number {
    return this.runner.run({ scope: 'day:roll-over', request: null }, (context) =>
      this.expireEarlierDays(context),
    ).value;
  }

  private expireEarlierDays(context: CommandContext): number {
    const today = serviceDay(context.at, this.settings.timeZone);
    const stale = this.repos.tickets.openBefore(today);
    for (const ticket of stale) this.transition(ticket, { kind: 'expire' }, context);
    return stale.length;
  }

  /** One clerk action at a counter: call next, recall, start, finish or no-show. */
  act(
    counterId: number,
    action: CounterAction,
    actor: Actor,
    idempotencyKey?: string,
  ): CommandResult<TicketResponse> {
    const request = { counterId, action };
    // Keys are per staff member, so one clerk's key never replays another's result.
    const scope = `counter:${action}:staff:${actor.staffId}`;
    return this.runner.run({ scope, idempotencyKey, request }, (context) => {
      this.expireEarlierDays(context);
      const counter = this.repos.counters.get(counterId);
      if (!counter) throw new DomainError('counter_not_found', `No counter ${counterId}`);
      assertMayOperate(actor, counter);
      const current = this.repos.tickets.currentAt(counterId);
      if (action === 'call-next')
        return { ticket: toTicket(this.callNext(counterId, actor, current, context)) };
      if (!current)
        throw new DomainError('no_current_ticket', `Counter ${counter.number} has no ticket`);
      const command: TicketCommand = action === 'recall' ? { kind: 'recall' } : { kind: action };
      const ticket = this.transition(current, command, context);
      return { ticket: toTicket(ticket) };
    });
  }

  private callNext(
    counterId: number,
    actor: Actor,
    current: TicketRecord | undefined,
    context: CommandContext,
  ): TicketRecord {
    if (current?.status === 'called') {
      throw new DomainError(
        'counter_busy',
        `Ticket ${current.number} is still called at this counter`,
      );
    }
    if (current?.status === 'serving') this.transition(current, { kind: 'finish' }, context);
    const counter = this.repos.counters.get(counterId);
    const tiers = new Map(counter?.services.map((link) => [link.serviceId, link.tier]));
    const next = chooseNextTicket(this.repos.tickets.waitingFor([...tiers.keys()]), tiers);
    if (!next) throw new DomainError('queue_empty', 'Nobody is waiting for this counter');
    return this.transition(next, { kind: 'call', counterId, staffId: actor.staffId }, context);
  }

  private transition(
    ticket: TicketRecord,
    command: TicketCommand,
    context: CommandContext,
  ): TicketRecord {
    const changed = applyTicketCommand(ticket, command, context.at);
    this.repos.tickets.update(changed);
    const counter = changed.counterId !== null ? this.reader.counter(changed.counterId) : null;
    const base = { ticket: toTicket(changed), counter, waiting: this.reader.waiting() };
    switch (command.kind) {
      case 'call':
      case 'recall':
        if (!counter) throw new Error(`Called ticket ${changed.id} has no counter`);
        context.emit('ticket:called', { ...base, counter, recall: command.kind === 'recall' });
        break;
      case 'start':
        context.emit('ticket:started', base);
        break;
      case 'finish':
        context.emit('ticket:finished', base);
        break;
      case 'no-show':
        context.emit('ticket:no-show', base);
        break;
      case 'expire':
        context.emit('ticket:expired', base);
        break;
      default:
        throw new Error(`No event for ${command.kind}`);
    }
    return changed;
  }

  /** A ticket by id. */
  getTicket(id: number): TicketRecord {
    const ticket = this.repos.tickets.get(id);
    if (!ticket) throw new DomainError('ticket_not_found', `No ticket ${id}`);
    return ticket;
  }
}
