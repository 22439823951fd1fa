import type {
  CentreInfo,
  Counter,
  FeedEnvelope,
  RecentCall,
  StateSnapshot,
  Ticket,
  WaitingCounts,
} from '@luot/contract';
import { recentCallOf } from './contract';
import { serviceDayOf } from './format';

/** How many calls the state keeps: as many as the server's snapshot carries. */
export const RECENT_CALLS_KEPT = 30;

function withWaiting(services: StateSnapshot['services'], waiting: WaitingCounts) {
  return services.map((service) => {
    const count = waiting[String(service.id)];
    return count === undefined || count === service.waiting
      ? service
      : { ...service, waiting: count };
  });
}

function withCounter(counters: Counter[], counter: Counter): Counter[] {
  const index = counters.findIndex((c) => c.id === counter.id);
  if (index === -1) return [...counters, counter].sort((a, b) => a.number - b.number);
  return counters.map((c, i) => (i === index ? counter : c));
}

/**
 * Keeps every counter that shows the ticket in step with it: a ticket that is no
 * longer called or served (finished, parked, transferred, cancelled, expired…) leaves
 * its counter. This also covers an event whose counter is missing or stale.
 */
function withTicket(counters: Counter[], ticket: Ticket): Counter[] {
  const active =
    (ticket.status === 'called' || ticket.status === 'serving') && ticket.counterId !== null;
  let changed = false;
  const next = counters.map((c) => {
    if (c.currentTicket?.id !== ticket.id) return c;
    const current = active && ticket.counterId === c.id ? ticket : null;
    if (current === c.currentTicket) return c;
    changed = true;
    return { ...c, currentTicket: current };
  });
  return changed ? next : counters;
}

/**
 * The state without the calls of service days before the one `now` falls on (in the
 * centre's zone): the hall screen starts each day empty, as the server's snapshot does.
 * The same object when there is nothing to drop.
 */
export function withCallsOfDay(state: StateSnapshot, now: number): StateSnapshot {
  if (!Number.isFinite(now) || state.recentCalls.length === 0) return state;
  const zone = state.centre.timeZone;
  const today = serviceDayOf(now, zone);
  const calls = state.recentCalls.filter(
    (call) => serviceDayOf(Date.parse(call.calledAt), zone) >= today,
  );
  return calls.length === state.recentCalls.length ? state : { ...state, recentCalls: calls };
}

/**
 * The state after one feed event: a pure function returning a new snapshot and
 * leaving its input untouched. Like the server's snapshot, every call (recalls
 * included) is its own line of `recentCalls`, newest first; an event of a new service day
 * drops the calls of the days before.
 */
export function applyEvent(state: StateSnapshot, envelope: FeedEnvelope): StateSnapshot {
  return withCallsOfDay(applyOne(state, envelope), Date.parse(envelope.payload.at));
}

function applyOne(state: StateSnapshot, envelope: FeedEnvelope): StateSnapshot {
  const seq = envelope.payload.seq;
  if (envelope.type === 'centre:updated') {
    // Events recorded before a field was sent (the zone, the public URL, the logo, the
    // voice…) lack it: keep the state's.
    const sent: Partial<CentreInfo> = envelope.payload.centre;
    const centre: CentreInfo = { ...state.centre, ...sent };
    return { ...state, seq, centre };
  }
  if (envelope.type === 'ticket:rated' || envelope.type === 'feed:skipped') {
    // A rating changes no queue state (staff screens get it for their own lists); anyone
    // else gets `feed:skipped` in its place, which only moves the seq on.
    return { ...state, seq };
  }
  if (envelope.type === 'catalogue:updated') {
    // The whole active catalogue after an admin's change: it replaces the state's lists.
    const { services, serviceGroups, counters } = envelope.payload;
    return { ...state, seq, services, serviceGroups, counters };
  }
  if (envelope.type === 'counter:updated') {
    return { ...state, seq, counters: withCounter(state.counters, envelope.payload.counter) };
  }
  if (envelope.type === 'ticket:called') {
    return {
      ...state,
      seq,
      services: withWaiting(state.services, envelope.payload.waiting),
      counters: withCounter(state.counters, envelope.payload.counter),
      recentCalls: [
        recentCallOf(envelope.payload, envelope.payload.at),
        ...state.recentCalls,
      ].slice(0, RECENT_CALLS_KEPT),
    };
  }
  // Every other feed event (issued, started, finished, no-show, expired, parked, returned,
  // transferred, requeued, cancelled) is a change to one ticket, with the counter it was
  // at when it had one.
  const { counter, ticket, waiting } = envelope.payload;
  const counters = counter ? withCounter(state.counters, counter) : state.counters;
  return {
    ...state,
    seq,
    services: withWaiting(state.services, waiting),
    counters: withTicket(counters, ticket),
  };
}

/** Services a counter serves, in its own tier order. */
export function servicesOfCounter(state: StateSnapshot, counter: Counter) {
  return counter.serviceIds.flatMap((id) => state.services.filter((s) => s.id === id));
}

/** Tickets waiting for any of a counter's services. */
export function waitingForCounter(state: StateSnapshot, counter: Counter): number {
  return servicesOfCounter(state, counter).reduce((sum, s) => sum + s.waiting, 0);
}

/** Calls newest first with each ticket only once, at its latest call (a recall moves it up). */
export function distinctCalls(calls: RecentCall[]): RecentCall[] {
  const seen = new Set<number>();
  return calls.filter((call) => {
    if (seen.has(call.ticketId)) return false;
    seen.add(call.ticketId);
    return true;
  });
}
