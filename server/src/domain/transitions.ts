import type { TicketStatus } from '../contract/entities';
import { DomainError } from './errors';
import { OPEN_STATUSES, type TicketRecord } from './ticket';

/** What can happen to a ticket. */
export type TicketCommand =
  | { kind: 'call'; counterId: number; staffId: number | null }
  | { kind: 'recall'; limit?: number }
  | { kind: 'start' }
  | { kind: 'finish' }
  | { kind: 'no-show' }
  | { kind: 'park' }
  | { kind: 'unpark' }
  | {
      kind: 'transfer';
      serviceId: number;
      targetCounterId: number | null;
      note: string | null;
      toFront: boolean;
    }
  | { kind: 'requeue' }
  | { kind: 'cancel'; reason: string }
  | { kind: 'expire' };

const ALLOWED_FROM: Record<TicketCommand['kind'], readonly TicketStatus[]> = {
  call: ['waiting', 'parked'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  'no-show': ['called'],
  park: ['called', 'serving'],
  unpark: ['parked'],
  transfer: ['called', 'serving'],
  requeue: ['no_show'],
  cancel: ['waiting', 'called', 'parked'],
  // The day end expires every ticket still open (ticket-repo's openBefore).
  expire: OPEN_STATUSES,
};

/** True when `command` may be applied to a ticket in `status`. */
export function canApply(status: TicketStatus, command: TicketCommand['kind']): boolean {
  return ALLOWED_FROM[command].includes(status);
}

/** Back in a queue, away from any counter. */
const backInQueue = (ticket: TicketRecord): TicketRecord => ({
  ...ticket,
  status: 'waiting',
  counterId: null,
  staffId: null,
  calledAt: null,
  servingAt: null,
  recallCount: 0,
});

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
        servingAt: null,
        recallCount: 0,
        front: false,
        targetCounterId: null,
      };
    case 'recall':
      if (command.limit !== undefined && ticket.recallCount >= command.limit) {
        throw new DomainError(
          'recall_limit_reached',
          `Ticket ${ticket.number} was recalled ${ticket.recallCount} times`,
        );
      }
      return { ...ticket, recallCount: ticket.recallCount + 1 };
    case 'start':
      return { ...ticket, status: 'serving', servingAt: now };
    case 'finish':
      return { ...ticket, status: 'done', finishedAt: now };
    case 'no-show':
      return { ...ticket, status: 'no_show', finishedAt: now };
    case 'park':
      return { ...ticket, status: 'parked', parkedAt: now };
    case 'unpark':
      return { ...backInQueue(ticket), front: true };
    case 'transfer':
      return {
        ...backInQueue(ticket),
        serviceId: command.serviceId,
        targetCounterId: command.targetCounterId,
        front: command.toFront,
        transferCount: ticket.transferCount + 1,
        note: command.note,
      };
    case 'requeue':
      return { ...backInQueue(ticket), finishedAt: null };
    case 'cancel':
      return { ...ticket, status: 'cancelled', finishedAt: now, closeReason: command.reason };
    case 'expire':
      return { ...ticket, status: 'expired', finishedAt: now };
  }
}
