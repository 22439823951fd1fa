import os from 'node:os';
import { localTime } from '../../server/src/domain/calendar';
import type { SimCentre } from './centre';
import type { HallScreen } from './devices';
import type { RequestLog } from './http';
import type { Ledger } from './ledger';
import type { SimulationOptions } from './run';
import { estimateError, max, mean, percentile, round, share, type EstimateError } from './stats';

const MINUTE = 60_000;
const SIGN_IN = 'POST /api/auth/login';

/** Waits of one service (by the service a ticket was issued for), in minutes. */
export interface ServiceFigures {
  code: string;
  name: string;
  targetWaitMinutes: number;
  issued: number;
  /** Called at least once. */
  called: number;
  served: number;
  noShow: number;
  /** Never called: still waiting when the day ended. */
  neverCalled: number;
  waitMeanMinutes: number | null;
  waitP90Minutes: number | null;
  waitMaxMinutes: number | null;
  /** Share of the called tickets called within the service's target wait. */
  withinTargetShare: number | null;
}

/** Latency of one route, wall-clock milliseconds at the client. */
export interface RouteFigures {
  route: string;
  requests: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Answers other than 2xx, by "status code". */
  refusals: Record<string, number>;
}

/** Everything `npm run simulate` reports (written as JSON beside the Markdown). */
export interface SimulationReport {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; node: string };
  options: Omit<SimulationOptions, 'log'>;
  centre: { services: number; counters: number; kiosks: number; displays: number; clerks: number };
  days: { day: string; arrivals: number; wallSeconds: number }[];
  wallSeconds: number;
  tickets: {
    arrivals: number;
    issued: number;
    refused: Record<string, number>;
    served: number;
    noShow: number;
    /** Still waiting when the day ended (they expire at the roll-over). */
    waitingAtClose: number;
    parkedAtClose: number;
    /** Called or being served when the day ended. */
    atDeskAtClose: number;
    transfers: number;
    calls: number;
    recalls: number;
    parks: number;
    parkedCalledBack: number;
    pauses: number;
    ratings: number;
    ratingsRefused: number;
  };
  services: ServiceFigures[];
  counters: {
    number: number;
    openMinutes: number;
    busyMinutes: number;
    utilisation: number | null;
    served: number;
  }[];
  /** Busy ÷ open time over every counter. */
  utilisation: number | null;
  estimator: { all: EstimateError; morning: EstimateError; missingEstimates: number };
  latency: { all: Omit<RouteFigures, 'route' | 'refusals'>; routes: RouteFigures[] };
  errors: {
    serverErrors: number;
    networkErrors: number;
    failures: string[];
    surprises: number;
    surpriseSamples: string[];
  };
  screens: {
    expectedCalls: number;
    received: number[];
    duplicates: number;
    /** Reconnections (each followed by a `sync` from the last seq seen). */
    disconnects: number;
    /** Catch-ups that came as a snapshot, missing the calls in between. */
    snapshotResyncs: number;
  };
  server: { rssMb: number; heapUsedMb: number; loopP99Ms: number; loopMaxMs: number };
  /** Why the run failed; empty when it passed. */
  failures: string[];
}

function latency(values: readonly number[]) {
  return {
    requests: values.length,
    p50Ms: round(percentile(values, 50), 1),
    p99Ms: round(percentile(values, 99), 1),
    maxMs: round(max(values), 1),
  };
}

/** Turns what the run counted into the report, and decides whether the run failed. */
export function summarise(input: {
  options: SimulationOptions;
  centre: SimCentre;
  ledger: Ledger;
  requestLog: RequestLog;
  schedulerErrors: readonly string[];
  screens: readonly HallScreen[];
  days: SimulationReport['days'];
  serverStats: SimulationReport['server'];
  wallSeconds: number;
  timeZone: string;
}): SimulationReport {
  const { ledger, centre, requestLog } = input;
  const tickets = [...ledger.tickets.values()];
  const count = (test: (t: (typeof tickets)[number]) => boolean) => tickets.filter(test).length;
  const wait = (t: (typeof tickets)[number]) => ((t.firstCalledAt as number) - t.issuedAt) / MINUTE;

  const services: ServiceFigures[] = centre.services.map((service) => {
    const own = tickets.filter((t) => t.serviceId === service.id);
    const waits = own.filter((t) => t.firstCalledAt !== null).map(wait);
    return {
      code: service.code,
      name: service.name,
      targetWaitMinutes: service.targetWaitMinutes,
      issued: own.length,
      called: waits.length,
      served: own.filter((t) => t.status === 'done').length,
      noShow: own.filter((t) => t.status === 'no_show').length,
      neverCalled: own.filter((t) => t.firstCalledAt === null).length,
      waitMeanMinutes: round(mean(waits)),
      waitP90Minutes: round(percentile(waits, 90)),
      waitMaxMinutes: round(max(waits)),
      withinTargetShare: round(
        share(waits, (w) => w <= service.targetWaitMinutes),
        3,
      ),
    };
  });

  const counters = [...ledger.counters.values()]
    .sort((a, b) => a.number - b.number)
    .map((c) => ({
      number: c.number,
      openMinutes: round(c.openMs / MINUTE) as number,
      busyMinutes: round(c.busyMs / MINUTE) as number,
      utilisation: c.openMs > 0 ? round(c.busyMs / c.openMs, 3) : null,
      served: c.served,
    }));
  let open = 0;
  let busy = 0;
  for (const c of ledger.counters.values()) {
    open += c.openMs;
    busy += c.busyMs;
  }

  // The morning: tickets issued in the day's first opening interval (before lunch).
  const noon = (t: (typeof tickets)[number]) =>
    localTime(t.issuedAt, input.timeZone).minuteOfDay < 12 * 60;
  const pairs = tickets
    .filter((t) => t.firstCalledAt !== null && t.estimate !== null)
    .map((t) => ({ estimate: t.estimate as number, real: wait(t), morning: noon(t) }));

  const routes: RouteFigures[] = [...requestLog.latencies.entries()]
    .filter(([route]) => route !== 'setup')
    .map(([route, values]) => ({
      route,
      ...latency(values),
      refusals: Object.fromEntries(requestLog.refusals.get(route) ?? []),
    }))
    .sort((a, b) => b.requests - a.requests);
  // Sign-ins hash a password with argon2 on purpose (hundreds of ms): kept out of the total.
  const all = routes
    .filter((r) => r.route !== SIGN_IN)
    .flatMap((r) => requestLog.latencies.get(r.route) ?? []);

  const received = input.screens.map((s) => s.calls);
  const report: SimulationReport = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '?',
      node: process.version,
    },
    options: { ...input.options, log: undefined } as SimulationReport['options'],
    centre: {
      services: centre.services.length,
      counters: centre.counters.length,
      kiosks: centre.kioskTokens.length,
      displays: centre.displayTokens.length,
      clerks: centre.clerks.size,
    },
    days: input.days,
    wallSeconds: round(input.wallSeconds) as number,
    tickets: {
      arrivals: input.days.reduce((sum, d) => sum + d.arrivals, 0),
      issued: tickets.length,
      refused: Object.fromEntries(ledger.issueRefusals),
      served: count((t) => t.status === 'done'),
      noShow: count((t) => t.status === 'no_show'),
      waitingAtClose: count((t) => t.status === 'waiting'),
      parkedAtClose: count((t) => t.status === 'parked'),
      atDeskAtClose: count((t) => t.status === 'called' || t.status === 'serving'),
      transfers: tickets.reduce((sum, t) => sum + t.transfers, 0),
      calls: ledger.calls,
      recalls: ledger.recalls,
      parks: ledger.parks,
      parkedCalledBack: ledger.returnsCalled,
      pauses: ledger.pauses,
      ratings: ledger.ratingsSent,
      ratingsRefused: ledger.ratingsRefused,
    },
    services,
    counters,
    utilisation: open > 0 ? round(busy / open, 3) : null,
    estimator: {
      all: estimateError(pairs),
      morning: estimateError(pairs.filter((p) => p.morning)),
      missingEstimates: count((t) => t.estimate === null),
    },
    latency: { all: latency(all), routes },
    errors: {
      serverErrors: requestLog.serverErrors,
      networkErrors: requestLog.networkErrors,
      failures: requestLog.failures,
      surprises: ledger.surpriseCount,
      surpriseSamples: ledger.surprises,
    },
    screens: {
      expectedCalls: ledger.calls,
      received,
      duplicates: input.screens.reduce((sum, s) => sum + s.duplicates, 0),
      disconnects: input.screens.reduce((sum, s) => sum + s.disconnects, 0),
      snapshotResyncs: input.screens.reduce((sum, s) => sum + s.snapshotResyncs, 0),
    },
    server: {
      rssMb: round(input.serverStats.rssMb) as number,
      heapUsedMb: round(input.serverStats.heapUsedMb) as number,
      loopP99Ms: round(input.serverStats.loopP99Ms) as number,
      loopMaxMs: round(input.serverStats.loopMaxMs) as number,
    },
    failures: [],
  };
  const failures = report.failures;
  if (requestLog.serverErrors > 0) failures.push(`${requestLog.serverErrors} answers were 5xx`);
  if (requestLog.networkErrors > 0)
    failures.push(`${requestLog.networkErrors} requests failed or timed out`);
  if (ledger.surpriseCount > 0)
    failures.push(`${ledger.surpriseCount} unexpected answers to clerks`);
  if (input.schedulerErrors.length > 0)
    failures.push(`simulator errors: ${input.schedulerErrors.slice(0, 3).join(' | ')}`);
  if (received.some((n) => n !== ledger.calls) || report.screens.duplicates > 0)
    failures.push(
      `hall screens saw ${received.join('/')} calls of ${ledger.calls}, ${report.screens.duplicates} twice`,
    );
  const t = report.tickets;
  if (t.served + t.noShow + t.waitingAtClose + t.parkedAtClose + t.atDeskAtClose !== t.issued)
    failures.push('ticket outcomes do not add up to the tickets issued');
  if (counters.reduce((sum, c) => sum + c.served, 0) !== t.served)
    failures.push('counters served a different number of tickets than were finished');
  return report;
}
