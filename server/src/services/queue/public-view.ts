import type {
  Counter,
  PublicCounter,
  PublicTicket,
  Ticket,
  TrackedTicket,
} from '../../contract/entities';
import type { FeedEnvelope, PublicFeedEnvelope } from '../../contract/events';

/** Who a view is for: settled staff, or anyone else (screens, kiosks, visitors, newcomers). */
export type Audience = 'public' | 'staff';

/**
 * What anyone but staff see of a ticket, field by field: a field added to `Ticket` stays
 * staff's until it is named here (and in `PublicTicket`).
 */
export function toPublicTicket(ticket: Ticket): PublicTicket {
  return {
    id: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    priorityClass: ticket.priorityClass,
    status: ticket.status,
    day: ticket.day,
    counterId: ticket.counterId,
    issuedAt: ticket.issuedAt,
    calledAt: ticket.calledAt,
    servingAt: ticket.servingAt,
    finishedAt: ticket.finishedAt,
    recallCount: ticket.recallCount,
    front: ticket.front,
    targetCounterId: ticket.targetCounterId,
    originalServiceId: ticket.originalServiceId,
    transferCount: ticket.transferCount,
    note: null,
    closeReason: null,
    parkedAt: ticket.parkedAt,
  };
}

/**
 * What the holder of a ticket's tracking token (the visitor, on the tracking page) sees of
 * it: the public ticket and why it was cancelled. A transfer note stays staff's.
 */
export function toTrackedTicket(ticket: Ticket): TrackedTicket {
  return { ...toPublicTicket(ticket), closeReason: ticket.closeReason };
}

/** What anyone but staff see of a counter, field by field. */
export function toPublicCounter(counter: Counter): PublicCounter {
  return {
    id: counter.id,
    number: counter.number,
    name: counter.name,
    serviceIds: counter.serviceIds,
    tiers: counter.tiers,
    currentTicket: counter.currentTicket && toPublicTicket(counter.currentTicket),
    staff: counter.staff,
    status: counter.status,
    pauseReason: counter.pauseReason,
    statusSince: counter.statusSince,
    autoCall: counter.autoCall,
  };
}

/**
 * A feed event as anyone but staff get it, live or from `sync`: each payload built key by
 * key, so a field added to a staff payload stays staff's until it is named here. A
 * staff-only event (`ticket:rated`) becomes a payload-free `feed:skipped` of its seq.
 */
export function toPublicEnvelope(event: FeedEnvelope): PublicFeedEnvelope {
  switch (event.type) {
    case 'centre:updated':
      // The centre's settings are the same for everyone.
      return event;
    case 'catalogue:updated': {
      const { services, serviceGroups, counters, seq, at } = event.payload;
      return {
        type: event.type,
        payload: { services, serviceGroups, counters: counters.map(toPublicCounter), seq, at },
      };
    }
    case 'counter:updated': {
      const { counter, seq, at } = event.payload;
      return { type: event.type, payload: { counter: toPublicCounter(counter), seq, at } };
    }
    case 'ticket:called': {
      const { ticket, counter, waiting, recall, seq, at } = event.payload;
      return {
        type: event.type,
        payload: {
          ticket: toPublicTicket(ticket),
          counter: toPublicCounter(counter),
          waiting,
          recall,
          seq,
          at,
        },
      };
    }
    case 'ticket:rated':
    case 'feed:skipped': {
      // Staff's alone: anyone else gets its seq and time, so their feed has no gap.
      const { seq, at } = event.payload;
      return { type: 'feed:skipped', payload: { seq, at } };
    }
    default: {
      const { ticket, counter, waiting, seq, at } = event.payload;
      return {
        type: event.type,
        payload: {
          ticket: toPublicTicket(ticket),
          counter: counter && toPublicCounter(counter),
          waiting,
          seq,
          at,
        },
      };
    }
  }
}
