import { can } from '../../auth/permissions';
import type { Role } from '../../contract/entities';
import type { CounterActor } from '../../domain/counter';
import { deskMayHandle, deskOf } from '../../domain/desk-rights';
import { DomainError } from '../../domain/errors';
import type { TicketRecord } from '../../domain/ticket';
import type { CounterRecord } from '../../storage/counter-repo';
import type { Repos } from '../../storage/repos';

/** Who is acting: a signed-in staff member. */
export interface Actor {
  staffId: number;
  role: Role;
}

/** The actor as the counter rules (domain/counter.ts) see them. */
export function counterActor(actor: Actor): CounterActor {
  return { staffId: actor.staffId, managesFloor: mayManageFloor(actor) };
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

/** True when the actor may release a counter someone else holds. */
export function mayManageFloor(actor: Actor): boolean {
  return can(actor.role, 'counter:manage-floor');
}

/** True when the counter's holder has a live session: someone is at the desk. */
export function holderIsLive(repos: Repos, counter: CounterRecord, at: number): boolean {
  return counter.staffId !== null && repos.staff.hasLiveSession(counter.staffId, at);
}
