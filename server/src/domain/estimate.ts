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
