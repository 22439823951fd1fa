import { can } from '../../auth/permissions';
import type { Role } from '../../contract/entities';
import { deskMayHandle, type Desk } from '../../domain/desk-rights';
import { DomainError } from '../../domain/errors';
import type { TicketRecord } from '../../domain/ticket';
import type { CounterRecord } from '../../storage/counter-repo';

/** Who is acting: a signed-in staff member. */
export interface Actor {
  staffId: number;
  role: Role;
}

/** A clerk operates only the counter they have taken; supervisors and admins any. */
export function assertMayOperate(actor: Actor, counter: CounterRecord): void {
  if (mayManageFloor(actor)) return;
  if (counter.staffId !== actor.staffId) {
    throw new DomainError('not_your_counter', `Counter ${counter.number} is not yours`);
  }
}

/**
 * A clerk acts on a ticket only from a counter the ticket belongs to (`deskMayHandle`):
 * `desks` are the counters the clerk holds, or the one they are acting at. Supervisors
 * and admins act on any ticket.
 */
export function assertMayHandleTicket(
  actor: Actor,
  ticket: TicketRecord,
  desks: readonly CounterRecord[],
): void {
  if (mayManageFloor(actor)) return;
  if (!desks.some((counter) => deskMayHandle(ticket, deskOf(counter)))) {
    throw new DomainError(
      'not_your_counter',
      `Ticket ${ticket.number} belongs to another counter's queue`,
    );
  }
}

/** The counter as a desk: its id and services' tiers. */
export function deskOf(counter: CounterRecord): Desk {
  return {
    counterId: counter.id,
    tiers: new Map(counter.services.map((link) => [link.serviceId, link.tier])),
  };
}

/** True when the actor may release a counter someone else holds. */
export function mayManageFloor(actor: Actor): boolean {
  return can(actor.role, 'counter:manage-floor');
}
