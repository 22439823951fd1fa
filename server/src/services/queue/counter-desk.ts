import type {
  CallTicketRequest,
  CounterAction,
  TicketResponse,
  TransferRequest,
} from '../../contract/http';
import {
  assertMayCall,
  assertMayOperate,
  assertStaffed,
  autoCallsNext,
  makeRoom,
} from '../../domain/counter';
import { deskOf } from '../../domain/desk-rights';
import { DomainError } from '../../domain/errors';
import { nextNormalStreak, targetWaitsMs } from '../../domain/next-ticket';
import { indexCursor } from '../../domain/waiting-lists';
import { serviceDay } from '../../domain/service-day';
import type { TicketRecord } from '../../domain/ticket';
import type { CounterRecord } from '../../storage/counter-repo';
import type { Repos } from '../../storage/repos';
import { assertMayHandleTicket, counterActor, holderIsLive, type Actor } from '../core/actor';
import type { CommandContext, CommandResult, CommandRunner } from '../core/command-runner';
import type { DayEnd } from './day-end';
import type { QueueReader } from './queue-reader';
import type { SettingsService } from '../admin/settings-service';
import type { TicketMover } from './ticket-mover';
import { toTicket } from './queue-views';

/** What the queue use cases are built from. */
export interface CounterDeskDeps {
  repos: Repos;
  reader: QueueReader;
  runner: CommandRunner;
  mover: TicketMover;
  settings: SettingsService;
  /** The centre's time zone now (read at each use). */
  timeZone: () => string;
  dayEnd: DayEnd;
}

/** What clerks do at a counter: call, recall, serve, park, transfer. */
export class CounterDesk {
  constructor(private readonly deps: CounterDeskDeps) {}

  /** One clerk action on the counter's current ticket (or calling the next one). */
  act(
    counterId: number,
    action: CounterAction,
    actor: Actor,
    idempotencyKey?: string,
  ): CommandResult<TicketResponse> {
    return this.atCounter(
      counterId,
      action,
      { action },
      actor,
      idempotencyKey,
      (counter, current, context) => {
        if (action === 'call-next')
          return { ticket: toTicket(this.callNext(counter, actor, current, context)) };
        const ticket = this.requireCurrent(counter, current);
        const { mover, settings } = this.deps;
        switch (action) {
          case 'recall':
            assertStaffed(counter, holderIsLive(this.deps.repos, counter, context.at));
            return {
              ticket: toTicket(
                mover.move(
                  ticket,
                  { kind: 'recall', limit: settings.current().recallLimit },
                  context,
                ),
              ),
            };
          case 'finish': {
            const done = mover.move(ticket, { kind: 'finish' }, context);
            const next = autoCallsNext(counter, holderIsLive(this.deps.repos, counter, context.at))
              ? this.tryCallNext(counter, actor, context)
              : null;
            return { ticket: toTicket(done), next: next && toTicket(next) };
          }
          default:
            return { ticket: toTicket(mover.move(ticket, { kind: action }, context)) };
        }
      },
    );
  }

  /** Calls one ticket out of order (waiting or parked), by id or by today's number. */
  callTicket(
    counterId: number,
    target: CallTicketRequest,
    actor: Actor,
    idempotencyKey?: string,
  ): CommandResult<TicketResponse> {
    return this.atCounter(
      counterId,
      'call',
      target,
      actor,
      idempotencyKey,
      (counter, current, context) => {
        assertMayCall(counter, holderIsLive(this.deps.repos, counter, context.at));
        const ticket = this.findTarget(target, context.at);
        // Checked before a ticket being served here is finished to make room: a refusal changes nothing.
        assertMayHandleTicket(actor, ticket, [counter]);
        this.makeRoomAt(current, context);
        return { ticket: toTicket(this.callAt(counter, ticket, actor, context)) };
      },
    );
  }

  /** Sends the counter's current ticket to another service and/or a named counter. */
  transfer(
    counterId: number,
    target: TransferRequest,
    actor: Actor,
    idempotencyKey?: string,
  ): CommandResult<TicketResponse> {
    return this.atCounter(
      counterId,
      'transfer',
      target,
      actor,
      idempotencyKey,
      (counter, current, context) => {
        const ticket = this.requireCurrent(counter, current);
        const { repos, settings, mover } = this.deps;
        if (target.serviceId === undefined && target.counterId === undefined) {
          throw new DomainError('validation_failed', 'Transfer needs a service or a counter');
        }
        const service =
          target.serviceId !== undefined ? repos.services.get(target.serviceId) : undefined;
        if (target.serviceId !== undefined && (!service || !service.active)) {
          throw new DomainError('service_not_found', `No service ${target.serviceId}`);
        }
        if (target.counterId !== undefined && !repos.counters.get(target.counterId)) {
          throw new DomainError('counter_not_found', `No counter ${target.counterId}`);
        }
        const moved = mover.move(
          ticket,
          {
            kind: 'transfer',
            serviceId: service?.id ?? ticket.serviceId,
            targetCounterId: target.counterId ?? null,
            note: target.note?.normalize('NFC') ?? null,
            toFront: settings.current().transferToFront,
          },
          context,
        );
        return { ticket: toTicket(moved) };
      },
    );
  }

  private atCounter<T>(
    counterId: number,
    action: string,
    body: unknown,
    actor: Actor,
    idempotencyKey: string | undefined,
    run: (counter: CounterRecord, current: TicketRecord | undefined, context: CommandContext) => T,
  ): CommandResult<T> {
    // Keys are per staff member, so one clerk's key never replays another's result.
    const scope = `counter:${action}:staff:${actor.staffId}`;
    return this.deps.runner.run(
      { scope, idempotencyKey, request: { counterId, body } },
      (context) => {
        this.deps.dayEnd.expireEarlierDays(context);
        const counter = this.deps.repos.counters.get(counterId);
        if (!counter) throw new DomainError('counter_not_found', `No counter ${counterId}`);
        assertMayOperate(counterActor(actor), counter);
        return run(counter, this.deps.repos.tickets.currentAt(counterId), context);
      },
    );
  }

  private requireCurrent(counter: CounterRecord, current: TicketRecord | undefined): TicketRecord {
    if (!current)
      throw new DomainError('no_current_ticket', `Counter ${counter.number} has no ticket`);
    return current;
  }

  /** Finishes the ticket being served here so another can be called (`makeRoom`). */
  private makeRoomAt(current: TicketRecord | undefined, context: CommandContext): void {
    const served = makeRoom(current);
    if (served) this.deps.mover.move(served, { kind: 'finish' }, context);
  }

  private callNext(
    counter: CounterRecord,
    actor: Actor,
    current: TicketRecord | undefined,
    context: CommandContext,
  ): TicketRecord {
    assertMayCall(counter, holderIsLive(this.deps.repos, counter, context.at));
    this.makeRoomAt(current, context);
    const next = this.tryCallNext(counter, actor, context);
    if (!next) throw new DomainError('queue_empty', 'Nobody is waiting for this counter');
    return next;
  }

  /** Calls the ticket the rules choose for the counter, or returns null when nobody waits. */
  private tryCallNext(
    counter: CounterRecord,
    actor: Actor,
    context: CommandContext,
  ): TicketRecord | null {
    const { repos, settings } = this.deps;
    const { tiers } = deskOf(counter);
    // The head of the counter's call order, from the in-memory lists of waiting tickets:
    // a comparison per service it serves, whatever the length of the queue.
    const head = indexCursor(repos.tickets.waiting, tiers, {
      counterId: counter.id,
      policy: settings.current().priorityPolicy,
      normalStreak: counter.normalStreak,
      now: context.at,
      targetWaitMs: targetWaitsMs(repos.services.listActive()),
    })();
    const next = head && repos.tickets.get(head.id);
    if (!next) return null;
    return this.callAt(counter, next, actor, context);
  }

  /** Calls a ticket to the counter, keeping the counter's interleave count. */
  private callAt(
    counter: CounterRecord,
    ticket: TicketRecord,
    actor: Actor,
    context: CommandContext,
  ): TicketRecord {
    this.deps.repos.counters.setNormalStreak(
      counter.id,
      nextNormalStreak(counter.normalStreak, ticket),
    );
    return this.deps.mover.move(
      ticket,
      { kind: 'call', counterId: counter.id, staffId: actor.staffId },
      context,
    );
  }

  private findTarget(target: CallTicketRequest, now: number): TicketRecord {
    const { tickets } = this.deps.repos;
    const ticket =
      'ticketId' in target
        ? tickets.get(target.ticketId)
        : tickets.openByNumber(
            target.number.trim().toUpperCase(),
            serviceDay(now, this.deps.timeZone()),
          );
    if (!ticket) throw new DomainError('ticket_not_found', 'No such ticket waiting today');
    return ticket;
  }
}
