import type { PriorityPolicy } from '../contract/settings';

/** Minutes assumed per visit when a service has no history yet and no default. */
export const DEFAULT_SERVICE_MINUTES = 5;

/**
 * How many visits' worth of weight the prior (the service's `defaultServiceMinutes`) keeps
 * against today's finished visits: with n visits today the figure is
 * (n × today's mean + PRIOR_VISITS × prior) / (n + PRIOR_VISITS).
 */
export const PRIOR_VISITS = 5;

/** A clerk's own figure replaces the service's once they finished this many of it today. */
export const CLERK_MIN_VISITS = 10;

/** Walk from the hall to the desk (called → serving) assumed before the day has data. */
export const PRIOR_WALK_MINUTES = 0.5;

/**
 * The clerk's turnaround from a visit's end to the next call (reaction, a recall's wait)
 * assumed before the day has data; today's mean is shrunk toward it like the visits.
 */
export const PRIOR_TURNAROUND_MINUTES = 0.1;

/** A paused counter is assumed back this long after its pause began. */
export const TYPICAL_PAUSE_MINUTES = 10;

/** The least a visit or pause still in progress is assumed to go on, in minutes. */
export const MIN_REMAINING_MINUTES = 0.5;

/** What a day's finished visits of one service (and one clerk) add up to. */
export interface VisitTally {
  visits: number;
  serviceMs: number;
  walkMs: number;
}

/** `today`'s mean shrunk toward `prior`, weighted `PRIOR_VISITS` visits. */
export function shrunkMean(visits: number, meanToday: number, prior: number): number {
  const n = Math.max(0, visits);
  return (n * (n > 0 ? meanToday : 0) + PRIOR_VISITS * prior) / (n + PRIOR_VISITS);
}

/**
 * Expected minutes of one visit of a service (walk to the desk and service), from today's
 * tallies: the service's, shrunk toward its default, and the clerk's own when they finished
 * `CLERK_MIN_VISITS` of it today, shrunk toward the service's.
 */
export function visitMinutes(
  service: VisitTally | undefined,
  clerk: VisitTally | undefined,
  defaultServiceMinutes: number,
): number {
  const prior = defaultServiceMinutes > 0 ? defaultServiceMinutes : DEFAULT_SERVICE_MINUTES;
  const n = service?.visits ?? 0;
  const serviceMean = shrunkMean(n, n > 0 ? (service?.serviceMs ?? 0) / n / 60_000 : 0, prior);
  const walk = shrunkMean(n, n > 0 ? (service?.walkMs ?? 0) / n / 60_000 : 0, PRIOR_WALK_MINUTES);
  if (clerk && clerk.visits >= CLERK_MIN_VISITS) {
    const own = clerk.serviceMs / clerk.visits / 60_000;
    const ownWalk = clerk.walkMs / clerk.visits / 60_000;
    return shrunkMean(clerk.visits, own, serviceMean) + shrunkMean(clerk.visits, ownWalk, walk);
  }
  return serviceMean + walk;
}

/** Minutes a visit or pause expected to last `expected` still has after `elapsed`. */
export function remainingMinutes(expected: number, elapsed: number): number {
  return Math.max(MIN_REMAINING_MINUTES, expected - Math.max(0, elapsed));
}

/** Arrival rates count the tickets issued this many minutes back. */
export const ARRIVAL_WINDOW_MINUTES = 30;

/**
 * Early in the day the rates divide by at least this many minutes, so that the first few
 * tickets do not read as a rush (before there is data, nobody is expected to overtake).
 */
export const MIN_ARRIVAL_SPAN_MINUTES = 10;

/** The most of a desk's time that later arrivals are assumed to take. */
export const MAX_OVERTAKEN_SHARE = 0.85;

/**
 * Minutes the arrival counts of the last `ARRIVAL_WINDOW_MINUTES` are divided by: the
 * window, or the time since the day's first ticket when shorter, but at least
 * `MIN_ARRIVAL_SPAN_MINUTES`.
 */
export function arrivalSpanMinutes(now: number, firstIssuedAt: number | null): number {
  const since = firstIssuedAt === null ? 0 : (now - firstIssuedAt) / 60_000;
  return Math.min(ARRIVAL_WINDOW_MINUTES, Math.max(MIN_ARRIVAL_SPAN_MINUTES, since));
}

/** What the share of a desk's time taken by later arrivals depends on. */
export interface OvertakingInput {
  /** The ticket forecast: its service and whether it is a priority ticket. */
  serviceId: number;
  priority: boolean;
  /** The desk's services (service id → tier). */
  tiers: ReadonlyMap<number, number>;
  policy: PriorityPolicy;
  /** Tickets of a service (priority or not) issued per minute lately. */
  ratePerMinute(serviceId: number, priority: boolean): number;
  /** Minutes of one visit of a service at this desk. */
  visitMinutes(serviceId: number): number;
  /** The share of the service's later tickets (at this desk's tier for it) this desk takes. */
  shareOf(serviceId: number, tier: number): number;
  /**
   * The ticket is past its service's target wait, so promoted to the desk's best tier
   * (docs/queue-rules.md): no service ranks better any more.
   */
  overdue?: boolean;
}

/**
 * The share of a desk's time that tickets issued after `serviceId`'s ticket will take
 * before the desk reaches it (0 when the desk cannot call it): the call order puts later
 * arrivals ahead when they are priority tickets and it is not (strict policy; under
 * `interleave` at most one call in every + 1), or when their service ranks at a better
 * tier at this desk (once the ticket is `overdue`, promoted to the desk's best tier, only
 * priority tickets still go ahead). Each such service's work, arrivals a minute × its visit
 * minutes, counts for the share of its tickets this desk takes (`takenShare`). A desk with
 * share ρ reaches the ticket after 1 / (1 − ρ) times the work ahead of it (the delay of a
 * low-priority customer behind a stream of higher-priority work).
 */
export function overtakenShare(input: OvertakingInput): number {
  const own = input.tiers.get(input.serviceId);
  if (own === undefined) return 0;
  const tier = input.overdue === true ? Math.min(own, ...input.tiers.values()) : own;
  let priority = 0;
  let better = 0;
  for (const [serviceId, otherTier] of input.tiers) {
    const work = input.visitMinutes(serviceId) * input.shareOf(serviceId, otherTier);
    if (!input.priority) {
      priority += input.ratePerMinute(serviceId, true) * work;
      if (otherTier < tier) better += input.ratePerMinute(serviceId, false) * work;
    } else if (otherTier < tier) better += input.ratePerMinute(serviceId, true) * work;
  }
  if (input.policy.mode === 'interleave')
    priority = Math.min(priority, 1 / (input.policy.every + 1));
  return Math.min(MAX_OVERTAKEN_SHARE, priority + better);
}

/**
 * The share of a service's tickets a desk takes: the share of today's finished visits of
 * the service its clerk made, shrunk toward an even split among the `desksSharing` desks
 * held that serve it at this desk's tier or better, with the weight of `PRIOR_VISITS`:
 * (own + PRIOR_VISITS / desksSharing) / (all + PRIOR_VISITS). A desk that serves the
 * service second takes fewer of its tickets than one serving it first, and today shows how
 * many.
 */
export function takenShare(ownVisits: number, allVisits: number, desksSharing: number): number {
  const even = 1 / Math.max(1, desksSharing);
  const own = Math.min(Math.max(0, ownVisits), Math.max(0, allVisits));
  return (own + PRIOR_VISITS * even) / (Math.max(0, allVisits) + PRIOR_VISITS);
}
