import type { CentreSettings } from '../../server/src/contract/settings';
import { arrivalWeight, toSpans, withCutoff, type Span } from '../history/calendar';
import { planPauses, type PlannedPause } from '../history/behaviour';
import { seededRandom, type Random } from '../history/random';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Visitors on an ordinary weekday at load 1 (DOMAIN.md: 750–800 visits). */
export const ARRIVALS_PER_DAY = 800;

/** Shares of the arrivals' behaviours (issue 13: ≈10 % priority, ≈5 % no-show, ≈3 % transfer). */
export const SHARES = {
  priority: 0.1,
  noShow: 0.05,
  /** Visitors slow to come to the desk: called again (recalled) once or twice. */
  slow: 0.07,
  transfer: 0.03,
  /** Visitors who step away mid-service (parked) and come back. */
  park: 0.02,
  rated: 0.6,
} as const;

/** The priority classes' shares among priority visitors, by code (others share 0.1). */
const PRIORITY_MIX: Readonly<Record<string, number>> = {
  elderly: 0.55,
  disabled: 0.12,
  pregnant: 0.12,
  merit: 0.11,
  child: 0.1,
};

/** A service as the workload sees it. */
export interface WorkloadService {
  id: number;
  code: string;
  name: string;
  /** Mean service minutes: the centre's default for the service. */
  minutes: number;
  targetWaitMinutes: number;
  /** Relative share of the arrivals. */
  weight: number;
  /** Where a transfer from it goes. */
  transferTo: number;
}

/** One queue a visitor goes through: the service and how long the clerk takes. */
export interface Stage {
  serviceId: number;
  serviceMs: number;
}

/** A visitor, everything about them drawn before the day starts. */
export interface Visitor {
  /** Index in the day's arrivals. */
  index: number;
  day: string;
  /** Simulated epoch ms of arrival at the kiosk. */
  at: number;
  kiosk: number;
  priorityClass: string | null;
  /** Time from the call to the desk; Infinity for a no-show. */
  walkMs: number;
  /** The first stage, and a second one when the clerk transfers the visitor. */
  stages: Stage[];
  /** Share of the first stage's service after which the clerk transfers (with 2 stages). */
  transferAfter: number;
  /** Steps away after this share of the service, for `awayMs`. */
  park: { after: number; awayMs: number } | null;
  rates: boolean;
  /** The visitor's own stream, for choices made later (the rating). */
  random: Random;
}

/** A clerk's day at one counter. */
export interface ClerkPlan {
  /** Opening intervals (simulated epoch ms) the clerk works, in order. */
  spans: { from: number; to: number }[];
  /** When the clerk reaches the desk before each interval. */
  arrivals: number[];
  pauses: PlannedPause[];
}

/** A day to simulate. */
export interface DayWorkload {
  day: string;
  midnight: number;
  /** Opening intervals (minutes of the day), cut at `until`. */
  spans: Span[];
  visitors: Visitor[];
  clerks: Map<number, ClerkPlan>;
}

/** Draws a Poisson count (normal approximation above 50). */
function poisson(mean: number, random: Random): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random.next(); p > limit; p *= random.next()) k += 1;
  return k;
}

/**
 * The day's visitors: a non-homogeneous Poisson process whose rate follows the arrival
 * profile of `seed:history` (morning peak 8–10h, lunch dip, afternoon bump), inside the
 * opening intervals minus the kiosk cut-off (and a minute's margin, so that a request in
 * flight at the cut-off is not refused), with `ARRIVALS_PER_DAY × load` expected.
 */
export function dayWorkload(
  options: {
    seed: string;
    day: string;
    weekday: number;
    midnight: number;
    load: number;
    kiosks: number;
    untilMinute: number;
    counterIds: readonly number[];
  },
  settings: CentreSettings,
  services: readonly WorkloadService[],
): DayWorkload {
  const { seed, day, midnight } = options;
  const spans = toSpans(settings.openingHours[String(options.weekday)] ?? [])
    .map((span) => ({ from: span.from, to: Math.min(span.to, options.untilMinute) }))
    .filter((span) => span.to > span.from);
  const issuing = withCutoff(spans, settings.cutoffMinutes + 1);
  const minutes: number[] = [];
  const mass: number[] = [];
  let total = 0;
  for (const span of issuing)
    for (let m = span.from; m < span.to; m++) {
      total += arrivalWeight(m);
      minutes.push(m);
      mass.push(total);
    }
  // The whole day's expected count, of which the cut day (`until`) gets its share.
  let dayMass = 0;
  for (const span of withCutoff(
    toSpans(settings.openingHours[String(options.weekday)] ?? []),
    settings.cutoffMinutes + 1,
  ))
    for (let m = span.from; m < span.to; m++) dayMass += arrivalWeight(m);
  const random = seededRandom(`${seed}:${day}:arrivals`);
  const count =
    dayMass > 0 ? poisson((ARRIVALS_PER_DAY * options.load * total) / dayMass, random) : 0;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = random.next() * total;
    let lo = 0;
    let hi = mass.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((mass[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    times.push(midnight + (minutes[lo] as number) * MINUTE + Math.floor(random.next() * MINUTE));
  }
  times.sort((a, b) => a - b);
  const visitors = times.map((at, index) =>
    drawVisitor(seededRandom(`${seed}:${day}:visitor:${index}`), {
      index,
      day,
      at,
      kiosks: options.kiosks,
      services,
      priorityClasses: settings.priorityClasses.map((c) => c.code),
    }),
  );
  const clerks = new Map<number, ClerkPlan>();
  for (const counterId of options.counterIds) {
    const clerkRandom = seededRandom(`${seed}:${day}:clerk:${counterId}`);
    const at = (minute: number) => midnight + minute * MINUTE;
    clerks.set(counterId, {
      spans: spans.map((span) => ({ from: at(span.from), to: at(span.to) })),
      // Clerks reach the desk in the last minutes before opening, a few a little late.
      arrivals: spans.map(
        (span) => at(span.from) + Math.round((clerkRandom.next() * 7 - 5) * MINUTE),
      ),
      pauses: spans
        .flatMap((span) =>
          planPauses(span, spans.length, settings.pauseReasons, clerkRandom).map((pause) => ({
            ...pause,
            at: at(pause.at),
          })),
        )
        .sort((a, b) => a.at - b.at),
    });
  }
  return { day, midnight, spans, visitors, clerks };
}

function drawVisitor(
  random: Random,
  context: {
    index: number;
    day: string;
    at: number;
    kiosks: number;
    services: readonly WorkloadService[];
    priorityClasses: readonly string[];
  },
): Visitor {
  const { services, priorityClasses } = context;
  const service = services[random.weighted(services.map((s) => s.weight))] as WorkloadService;
  const priorityClass =
    priorityClasses.length > 0 && random.chance(SHARES.priority)
      ? (priorityClasses[
          random.weighted(priorityClasses.map((code) => PRIORITY_MIX[code] ?? 0.1))
        ] as string)
      : null;
  const serviceMs = (s: WorkloadService) =>
    Math.max(30 * SECOND, Math.round(random.logNormalMean(s.minutes * MINUTE, 0.5)));
  const roll = random.next();
  const noShow = roll < SHARES.noShow;
  const slow = !noShow && roll < SHARES.noShow + SHARES.slow;
  const walkMs = noShow
    ? Infinity
    : slow
      ? Math.round(75 * SECOND + random.next() * 95 * SECOND)
      : Math.round(
          Math.min(55 * SECOND, Math.max(8 * SECOND, random.logNormalMean(30 * SECOND, 0.45))),
        );
  const stages: Stage[] = [{ serviceId: service.id, serviceMs: serviceMs(service) }];
  const outcome = random.next();
  let park: Visitor['park'] = null;
  if (!noShow && outcome < SHARES.transfer) {
    const target = services.find((s) => s.id === service.transferTo) ?? service;
    stages.push({ serviceId: target.id, serviceMs: serviceMs(target) });
  } else if (!noShow && outcome < SHARES.transfer + SHARES.park) {
    park = {
      after: 0.3 + 0.3 * random.next(),
      awayMs: Math.round((4 + 16 * random.next()) * MINUTE),
    };
  }
  return {
    index: context.index,
    day: context.day,
    at: context.at,
    kiosk: context.index % context.kiosks,
    priorityClass,
    walkMs,
    stages,
    transferAfter: 0.25 + 0.35 * random.next(),
    park,
    rates: random.chance(SHARES.rated),
    random,
  };
}
