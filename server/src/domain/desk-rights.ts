import { isEligible } from './next-ticket';
import type { TicketRecord } from './ticket';

/** A counter as far as a clerk's rights over tickets go: its id and its services' tiers. */
export interface Desk {
  counterId: number;
  /** Service id → tier: the services the counter serves. */
  tiers: ReadonlyMap<number, number>;
}

/**
 * True when a clerk sitting at `desk` may act on `ticket`. A waiting ticket belongs to
 * every counter that may call it (one of its services, or sent to it by name); any other
 * ticket — called, being served, parked or marked a no-show — belongs to the counter it
 * was called to, so only that counter may recall, park, return, re-queue or cancel it.
 * A clerk with no desk may act on no ticket. Supervisors and admins are not asked.
 */
export function deskMayHandle(
  ticket: Pick<TicketRecord, 'status' | 'serviceId' | 'counterId' | 'targetCounterId'>,
  desk: Desk | null,
): boolean {
  if (desk === null) return false;
  if (ticket.status === 'waiting') return isEligible(ticket, desk.tiers, desk.counterId);
  return ticket.counterId === desk.counterId;
}

/** A counter as a desk: its id and its services' tiers (service id → tier). */
export function deskOf(counter: {
  id: number;
  services: readonly { serviceId: number; tier: number }[];
}): Desk {
  return {
    counterId: counter.id,
    tiers: new Map(counter.services.map((link) => [link.serviceId, link.tier])),
  };
}
