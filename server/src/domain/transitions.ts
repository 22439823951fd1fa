import type { TicketStatus } from '../contract/entities';
import { DomainError } from './errors';
import type { TicketRecord } from './ticket';

/** What a clerk can do to a ticket. */
export type TicketCommand =
  | { kind: 'call'; counterId: number; staffId: number | null }
  | { kind: 'recall' }
  | { kind: 'start' }
  | { kind: 'finish' }
  | { kind: 'no-show' };

const ALLOWED_FROM: Record<TicketCommand['kind'], readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  'no-show': ['called'],
};

/** True when `command` may be applied to a ticket in `status`. */
export function canApply(status: TicketStatus, command: TicketCommand['kind']): boolean {
  return ALLOWED_FROM[command].includes(status);
}

/**
 * The ticket after `command` at `now`. Pure: returns a new record or throws
 * `invalid_transition` for a command its status does not allow.
 */
export function applyTicketCommand(
  ticket: TicketRecord,
  command: TicketCommand,
  now: number,
): TicketRecord {
  if (!canApply(ticket.status, command.kind)) {
    throw new DomainError(
      'invalid_transition',
      `Cannot ${command.kind} ticket ${ticket.number} while it is ${ticket.status}`,
    );
  }
  switch (command.kind) {
    case 'call':
      return {
        ...ticket,
        status: 'called',
        counterId: command.counterId,
        staffId: command.staffId,
        calledAt: now,
      };
    case 'recall':
      return { ...ticket, recallCount: ticket.recallCount + 1 };
    case 'start':
      return { ...ticket, status: 'serving', servingAt: now };
    case 'finish':
      return { ...ticket, status: 'done', finishedAt: now };
    case 'no-show':
      return { ...ticket, status: 'no_show', finishedAt: now };
  }
}
