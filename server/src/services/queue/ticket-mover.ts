import type { TicketChangeEventName } from '../../contract/events';
import type { TicketRecord } from '../../domain/ticket';
import { applyTicketCommand, type TicketCommand } from '../../domain/transitions';
import type { Repos } from '../../storage/repos';
import type { CommandContext } from '../core/command-runner';
import type { QueueReader } from './queue-reader';
import { toTicket } from './queue-views';

/** The feed event each ticket command is announced as. */
const EVENT_OF: Record<Exclude<TicketCommand['kind'], 'call' | 'recall'>, TicketChangeEventName> = {
  start: 'ticket:started',
  finish: 'ticket:finished',
  'no-show': 'ticket:no-show',
  park: 'ticket:parked',
  unpark: 'ticket:returned',
  transfer: 'ticket:transferred',
  requeue: 'ticket:requeued',
  cancel: 'ticket:cancelled',
  expire: 'ticket:expired',
};

/**
 * Applies a domain transition to a stored ticket: decides (pure), writes the
 * row and records the event, all inside the caller's command transaction.
 */
export class TicketMover {
  constructor(
    private readonly repos: Repos,
    private readonly reader: QueueReader,
  ) {}

  move(ticket: TicketRecord, command: TicketCommand, context: CommandContext): TicketRecord {
    const changed = applyTicketCommand(ticket, command, context.at);
    this.repos.tickets.update(changed);
    if (command.kind === 'finish') this.reader.serviceTimes.recordFinish(changed);
    // The counter the ticket was at before, or is at now, shows the change.
    const counterId = changed.counterId ?? ticket.counterId;
    const counter = counterId !== null ? this.reader.counter(counterId) : null;
    const base = { ticket: toTicket(changed), counter, waiting: this.reader.waiting() };
    if (command.kind === 'call' || command.kind === 'recall') {
      if (!counter) throw new Error(`Called ticket ${changed.id} has no counter`);
      context.emit('ticket:called', { ...base, counter, recall: command.kind === 'recall' });
    } else {
      context.emit(EVENT_OF[command.kind], base);
    }
    return changed;
  }
}
