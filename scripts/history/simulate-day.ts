import { formatTicketNumber, numberInRange } from '../../server/src/domain/numbering';
import { arrivalWeight, withCutoff, type Span } from './calendar';
import { planPauses, rate, type PlannedPause } from './behaviour';
import {
  CANCEL_REASON,
  SHARES,
  type CentreModel,
  type DayInput,
  type DayResult,
  type SimPause,
  type SimShift,
  type SimTicket,
} from './model';
import { seededRandom, type Random } from './random';

const MINUTE = 60_000;
/** After closing, a counter serves whom it has waiting for at most this long. */
const OVERTIME_MS = 30 * MINUTE;

interface Waiting {
  ticket: SimTicket;
  /** When the visitor gives up (cancelled), or Infinity. */
  cancelAt: number;
  /** When it entered the queue it is in (issue, or the transfer). */
  queuedAt: number;
}

/** One service's queue: transferred-in tickets first, then priority, then the rest. */
class ServiceQueue {
  readonly lists: [Waiting[], Waiting[], Waiting[]] = [[], [], []];
  readonly heads = [0, 0, 0];

  /** The first live ticket of list `k` at `t`; the visitors gone by then are cancelled. */
  head(k: number, t: number): Waiting | undefined {
    const list = this.lists[k] as Waiting[];
    let head = this.heads[k] as number;
    while (head < list.length) {
      const waiting = list[head] as Waiting;
      if (waiting.cancelAt > t) break;
      const ticket = waiting.ticket;
      ticket.status = 'cancelled';
      ticket.finishedAt = waiting.cancelAt;
      ticket.closeReason = CANCEL_REASON;
      head += 1;
    }
    this.heads[k] = head;
    return list[head];
  }

  remaining(): Waiting[] {
    return this.lists.flatMap((list, k) => list.slice(this.heads[k]));
  }
}

interface CounterState {
  id: number;
  tiers: number[][];
  serves: Set<number>;
  clerks: [number, number];
  freeAt: number;
  window: number;
  windowStart: number;
  lastBusy: number;
  pauses: PlannedPause[];
  done: boolean;
}

/**
 * Simulates one working day forward over the counters: visitors arrive by the day's
 * profile, each counter calls the next ticket of its best tier (transferred-in first, then
 * priority, then by issue time) whenever it is free, serves it for a log-normal time
 * around the service's mean, takes its pauses, and stops after closing once its queues
 * are empty. Waits follow from the counters' pace, not from a random draw.
 */
export function simulateDay(model: CentreModel, input: DayInput, random: Random): DayResult {
  const at = (minute: number) => input.dayStart + minute * MINUTE;
  const byId = new Map(model.services.map((service) => [service.id, service]));
  const queues = new Map(model.services.map((service) => [service.id, new ServiceQueue()]));

  // Service times are scaled so that an ordinary day's load fills the counters to
  // SHARES.utilisation: a busy day queues longer, a quiet one less.
  const openMinutes = input.spans.reduce((sum, span) => sum + span.to - span.from, 0);
  const totalWeight = model.services.reduce((sum, s) => sum + s.weight, 0);
  const meanMinutes =
    model.services.reduce((sum, s) => sum + s.weight * (s.minutes + 1), 0) / totalWeight;
  const capacity = model.counters.length * openMinutes * SHARES.utilisation;
  const scale = Math.min(1, capacity / (input.expectedArrivals * meanMinutes));

  const { tickets, sequences } = issueTickets(model, input, random);
  const arrivals = tickets;
  const transfers: { readyAt: number; waiting: Waiting }[] = [];
  const pauses: SimPause[] = [];
  const shifts: SimShift[] = [];
  let next = 0;

  const counters: CounterState[] = model.counters.map((counter) => {
    const substitute = (clerk: number) =>
      model.spareClerks.length > 0 && random.chance(0.05)
        ? (model.spareClerks[random.int(model.spareClerks.length)] as number)
        : clerk;
    return {
      id: counter.id,
      tiers: counter.tiers,
      serves: new Set(counter.tiers.flat()),
      clerks: [substitute(counter.clerks[0]), substitute(counter.clerks[1])],
      freeAt: 0,
      window: -1,
      windowStart: 0,
      lastBusy: 0,
      pauses: [],
      done: false,
    };
  });
  const clerkOf = (c: CounterState) => c.clerks[Math.min(c.window, 1)] as number;
  const openWindow = (c: CounterState, index: number) => {
    const span = input.spans[index];
    if (!span) {
      c.done = true;
      return;
    }
    c.window = index;
    c.windowStart = at(span.from) + random.int(4 * MINUTE);
    c.freeAt = c.windowStart;
    c.lastBusy = c.windowStart;
    c.pauses = planPauses(span, input.spans.length, model.pauseReasons, random).map((p) => ({
      ...p,
      at: at(p.at),
    }));
  };
  const closeWindow = (c: CounterState) => {
    const span = input.spans[c.window] as Span;
    const endedAt = Math.max(at(span.to), c.lastBusy);
    shifts.push({ counterId: c.id, staffId: clerkOf(c), startedAt: c.windowStart, endedAt });
    openWindow(c, c.window + 1);
  };
  for (const c of counters) openWindow(c, 0);

  const admit = (t: number) => {
    while (next < arrivals.length && (arrivals[next] as SimTicket).issuedAt <= t) {
      const ticket = arrivals[next] as SimTicket;
      const patience = random.chance(SHARES.impatient) ? (15 + random.int(60)) * MINUTE : Infinity;
      const waiting = { ticket, cancelAt: ticket.issuedAt + patience, queuedAt: ticket.issuedAt };
      (queues.get(ticket.serviceId) as ServiceQueue).lists[ticket.priorityClass ? 1 : 2].push(
        waiting,
      );
      next += 1;
    }
    for (let i = transfers.length - 1; i >= 0; i--) {
      const transfer = transfers[i] as { readyAt: number; waiting: Waiting };
      if (transfer.readyAt > t) continue;
      transfers.splice(i, 1);
      const queue = queues.get(transfer.waiting.ticket.serviceId) as ServiceQueue;
      queue.lists[0].push(transfer.waiting);
    }
  };
  const pick = (c: CounterState, t: number): Waiting | undefined => {
    for (const tier of c.tiers) {
      let best: { queue: ServiceQueue; k: number; waiting: Waiting } | undefined;
      for (const serviceId of tier) {
        const queue = queues.get(serviceId) as ServiceQueue;
        for (let k = 0; k < 3; k++) {
          const waiting = queue.head(k, t);
          if (!waiting) continue;
          if (!best || k < best.k || (k === best.k && waiting.queuedAt < best.waiting.queuedAt))
            best = { queue, k, waiting };
          break;
        }
      }
      if (best) {
        best.queue.heads[best.k] = (best.queue.heads[best.k] as number) + 1;
        return best.waiting;
      }
    }
    return undefined;
  };
  /** The next moment something may change for this counter: an arrival it serves, a transfer, a pause. */
  const nextWake = (c: CounterState): number => {
    let wake = Infinity;
    for (let i = next; i < arrivals.length; i++) {
      const ticket = arrivals[i] as SimTicket;
      if (c.serves.has(ticket.serviceId)) {
        wake = ticket.issuedAt;
        break;
      }
    }
    for (const transfer of transfers) wake = Math.min(wake, transfer.readyAt);
    const pause = c.pauses[0];
    if (pause) wake = Math.min(wake, pause.at);
    return wake;
  };

  for (;;) {
    let c: CounterState | undefined;
    for (const candidate of counters)
      if (!candidate.done && (!c || candidate.freeAt < c.freeAt)) c = candidate;
    if (!c) break;
    const t = c.freeAt;
    const span = input.spans[c.window] as Span;
    const closing = at(span.to);
    admit(t);
    if (t >= closing + OVERTIME_MS) {
      closeWindow(c);
      continue;
    }
    const pause = c.pauses[0];
    if (pause && pause.at <= t && t < closing) {
      c.pauses.shift();
      const endedAt = Math.min(t + pause.minutes * MINUTE, closing);
      pauses.push({
        counterId: c.id,
        staffId: clerkOf(c),
        reason: pause.reason,
        startedAt: t,
        endedAt,
      });
      c.freeAt = endedAt;
      continue;
    }
    const waiting = pick(c, t);
    if (!waiting) {
      // After closing with nobody left, the clerk's spell ends; before, they wait at the desk.
      if (t >= closing) closeWindow(c);
      else c.freeAt = Math.min(Math.max(nextWake(c), t + 1000), closing);
      continue;
    }
    c.freeAt = serve(c, waiting, t);
    c.lastBusy = c.freeAt;
  }

  function serve(c: CounterState, waiting: Waiting, t: number): number {
    const ticket = waiting.ticket;
    const service = byId.get(ticket.serviceId);
    if (!service) throw new Error(`Unknown service ${ticket.serviceId}`);
    ticket.status = 'called';
    ticket.counterId = c.id;
    ticket.staffId = clerkOf(c);
    ticket.calledAt = t;
    ticket.recallCount = 0;
    const gap = random.logNormalMean(20_000, 0.5);
    if (random.chance(SHARES.noShow)) {
      ticket.recallCount = 1 + random.int(model.recallLimit);
      ticket.status = 'no_show';
      ticket.finishedAt =
        t + Math.round((ticket.recallCount + 1) * random.logNormalMean(60_000, 0.3));
      return ticket.finishedAt + gap;
    }
    const walk = Math.max(5_000, random.logNormalMean(45_000, 0.6));
    if (walk > 90_000) ticket.recallCount = 1;
    ticket.servingAt = Math.round(t + walk);
    const minutes = Math.max(0.5, random.logNormalMean(service.minutes * scale, 0.5));
    const others =
      ticket.transferCount === 0 && random.chance(SHARES.transfer)
        ? model.services.filter((s) => s.id !== service.id)
        : [];
    if (others.length > 0) {
      const target = others[random.weighted(others.map((s) => s.weight))] as (typeof others)[0];
      const handedOver = Math.round(ticket.servingAt + minutes * 0.4 * MINUTE);
      ticket.firstCall = {
        counterId: c.id,
        staffId: clerkOf(c),
        calledAt: t,
        transferredAt: handedOver,
      };
      ticket.transferCount = 1;
      ticket.serviceId = target.id;
      ticket.status = 'waiting';
      ticket.counterId = null;
      ticket.staffId = null;
      ticket.calledAt = null;
      ticket.servingAt = null;
      ticket.recallCount = 0;
      transfers.push({ readyAt: handedOver, waiting: { ...waiting, queuedAt: handedOver } });
      return handedOver + gap;
    }
    ticket.status = 'done';
    ticket.finishedAt = Math.round(ticket.servingAt + minutes * MINUTE);
    if (model.rating.enabled && random.chance(SHARES.rated)) {
      const waitMinutes = ((ticket.firstCall?.calledAt ?? t) - ticket.issuedAt) / MINUTE;
      ticket.rating = rate(model.rating, waitMinutes / service.targetWaitMinutes, random);
      ticket.rating.ratedAt = ticket.finishedAt + Math.round(random.logNormalMean(20_000, 0.6));
    }
    return ticket.finishedAt + gap;
  }

  // Still waiting when the day ends: the day end expires them after midnight.
  const leftovers = [
    ...[...queues.values()].flatMap((queue) => queue.remaining()),
    ...transfers.map((transfer) => transfer.waiting),
  ];
  const lastClose = at((input.spans[input.spans.length - 1] as Span).to);
  for (const waiting of leftovers) {
    const ticket = waiting.ticket;
    if (waiting.cancelAt <= lastClose) {
      ticket.status = 'cancelled';
      ticket.finishedAt = waiting.cancelAt;
      ticket.closeReason = CANCEL_REASON;
    } else {
      ticket.status = 'expired';
      ticket.finishedAt = input.nextDayStart + MINUTE + random.int(4 * MINUTE);
    }
  }
  // A stream of its own (seeded from the day's, after everything else was drawn), so the
  // estimates leave the day's story as it was.
  recordEstimates(tickets, lastClose, seededRandom(random.token(12)));
  return { tickets, pauses, shifts, sequences };
}

/**
 * The estimate each ticket was printed with: what the forward simulation says its wait
 * came to (issue → first call; for one never called, until it left or the centre closed),
 * blurred as a good estimator errs: a relative error of about 15 % and an absolute one of
 * about two minutes, rounded to whole minutes, never below zero.
 */
function recordEstimates(tickets: SimTicket[], lastClose: number, random: Random): void {
  for (const ticket of tickets) {
    const end =
      ticket.firstCall?.calledAt ??
      ticket.calledAt ??
      Math.min(ticket.finishedAt ?? lastClose, lastClose);
    const wait = Math.max(0, end - ticket.issuedAt) / MINUTE;
    const blurred = wait * random.logNormalMean(1, 0.15) + 2 * random.normal();
    ticket.estimateMinutes = Math.max(0, Math.round(blurred));
  }
}

/** The day's visitors, in order of arrival, numbered per service as the kiosk does. */
function issueTickets(
  model: CentreModel,
  input: DayInput,
  random: Random,
): { tickets: SimTicket[]; sequences: Map<number, number> } {
  const at = (minute: number) => input.dayStart + minute * MINUTE;
  // Arrival minutes are drawn by the profile over the minutes the kiosk issues at all.
  const loosest = Math.min(...model.services.map((s) => s.cutoffMinutes));
  const minutes: number[] = [];
  const cumulative: number[] = [];
  let mass = 0;
  for (const span of withCutoff(input.spans, loosest)) {
    for (let m = span.from; m < span.to; m++) {
      mass += arrivalWeight(m);
      minutes.push(m);
      cumulative.push(mass);
    }
  }
  const weights = model.services.map((s) => s.weight);
  const drawn: { at: number; service: number }[] = [];
  for (let i = 0; i < input.arrivals && mass > 0; i++) {
    const r = random.next() * mass;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    drawn.push({
      at: at(minutes[lo] as number) + random.int(MINUTE),
      service: random.weighted(weights),
    });
  }
  drawn.sort((a, b) => a.at - b.at);
  const issued = new Map<number, number>();
  const tickets: SimTicket[] = [];
  const issuing = new Map(
    model.services.map((s) => [s.id, withCutoff(input.spans, s.cutoffMinutes)]),
  );
  const dayDigits = input.day.replaceAll('-', '');
  const classWeights = model.priorityClasses.map((_, i) => (i === 0 ? 3 : 1));
  for (const arrival of drawn) {
    const service = model.services[arrival.service] as CentreModel['services'][0];
    const minute = (arrival.at - input.dayStart) / MINUTE;
    // The kiosk refuses a service after its own cut-off, and past its cap or range.
    if (!(issuing.get(service.id) ?? []).some((s) => minute >= s.from && minute < s.to)) continue;
    const sequence = (issued.get(service.id) ?? 0) + 1;
    if (service.dailyCap !== null && sequence > service.dailyCap) continue;
    const n = numberInRange(service.range, sequence);
    if (n === null) continue;
    issued.set(service.id, sequence);
    const priority =
      model.priorityClasses.length > 0 && random.chance(SHARES.priority)
        ? (model.priorityClasses[random.weighted(classWeights)] ?? null)
        : null;
    tickets.push({
      serviceId: service.id,
      originalServiceId: service.id,
      sequence,
      number: formatTicketNumber(service.prefix, n),
      priorityClass: priority,
      status: 'waiting',
      counterId: null,
      staffId: null,
      issuedAt: arrival.at,
      calledAt: null,
      servingAt: null,
      finishedAt: null,
      recallCount: 0,
      transferCount: 0,
      targetWaitMinutes: service.targetWaitMinutes,
      estimateMinutes: null,
      firstCall: null,
      closeReason: null,
      trackingToken: `H${dayDigits}${random.token(16)}`,
      rating: null,
    });
  }
  return { tickets, sequences: issued };
}
