import { arrivalWeight } from '../scripts/history/calendar';

/**
 * Counters needed for a target wait, by Erlang's C formula (the M/M/c queue): arrivals in
 * the peak hour, Poisson at rate λ; service times exponential with mean 1/μ; c counters
 * serving one queue in arrival order; visitors who never leave. With offered load A = λ/μ
 * (Erlangs) and c > A:
 *
 *   C(c, A) = (A^c / c!) · c/(c − A) / ( Σ_{k=0}^{c−1} A^k / k!  +  (A^c / c!) · c/(c − A) )
 *   P(wait > t) = C(c, A) · e^{−(cμ − λ) t},    mean wait W_q = C(c, A) / (cμ − λ)
 *
 * (A. K. Erlang, 1917; e.g. Gross, Shortle, Thompson & Harris, "Fundamentals of Queueing
 * Theory", 4th ed., §2.3.) C is computed through Erlang B's recurrence, which stays exact
 * for large c: B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), C = c·B / (c − A·(1 − B)).
 *
 * The peak hour's share of a day's visits comes from the seeded histories' arrival profile
 * (scripts/history/calendar.ts: morning peak 8–10h, afternoon bump) over the default
 * weekday hours 7:30–11:30 and 13:30–17:00. `npx tsx bench/sizing.ts` prints the table of
 * docs/operations.md ("Sizing"); `npx tsx bench/sizing.ts 650 12 10` sizes one centre
 * (visits a day, mean service minutes, target wait minutes).
 */
const OPEN_SPANS = [
  { from: 7 * 60 + 30, to: 11 * 60 + 30 },
  { from: 13 * 60 + 30, to: 17 * 60 },
];
const SERVICE_LEVEL = 0.8;
const HIGH_SERVICE_LEVEL = 0.95;

/** The largest share of a day's arrivals in one hour (a sliding 60-minute window). */
export function peakHourShare(): number {
  const minutes = OPEN_SPANS.flatMap(({ from, to }) =>
    Array.from({ length: to - from }, (_, i) => from + i),
  );
  const weight = new Map(minutes.map((m) => [m, arrivalWeight(m)]));
  const total = [...weight.values()].reduce((sum, w) => sum + w, 0);
  let best = 0;
  for (const start of minutes) {
    let hour = 0;
    for (let m = start; m < start + 60; m++) hour += weight.get(m) ?? 0;
    best = Math.max(best, hour);
  }
  return best / total;
}

/** Erlang C: the probability an arrival waits at all, c counters, load A Erlangs (c > A). */
export function erlangC(c: number, load: number): number {
  if (c <= load) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (load * b) / (k + load * b);
  return (c * b) / (c - load * (1 - b));
}

export interface Staffing {
  counters: number;
  /** Mean wait, minutes. */
  meanWait: number;
  /** Share of visitors called within the target. */
  withinTarget: number;
  utilisation: number;
}

/** The wait c counters give at `perHour` arrivals and `serviceMin` minutes each. */
export function staffing(
  c: number,
  perHour: number,
  serviceMin: number,
  targetMin: number,
): Staffing {
  const lambda = perHour / 60; // a minute
  const mu = 1 / serviceMin;
  const load = lambda / mu;
  const pWait = erlangC(c, load);
  const drain = c * mu - lambda;
  return {
    counters: c,
    meanWait: drain > 0 ? pWait / drain : Infinity,
    withinTarget: drain > 0 ? 1 - pWait * Math.exp(-drain * targetMin) : 0,
    utilisation: load / c,
  };
}

/** The fewest counters that call `level` of the visitors within the target. */
export function countersFor(
  perHour: number,
  serviceMin: number,
  targetMin: number,
  level: number,
): Staffing {
  const load = (perHour * serviceMin) / 60;
  for (let c = Math.max(1, Math.floor(load) + 1); ; c++) {
    const s = staffing(c, perHour, serviceMin, targetMin);
    if (s.withinTarget >= level) return s;
  }
}

function table(visits: number[], services: number[], target: number): string {
  const share = peakHourShare();
  const lines = [
    `Peak hour: ${(share * 100).toFixed(1)} % of the day's visits. Target: called within ${target} min.`,
    '',
    `| Visits a day | Peak arrivals/h | Mean service | Load (Erlangs) | Counters, ${SERVICE_LEVEL * 100} % within ${target} min | their mean wait | within ${target} min | busy | Counters, ${HIGH_SERVICE_LEVEL * 100} % within ${target} min |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const perDay of visits) {
    const perHour = perDay * share;
    for (const serviceMin of services) {
      const s = countersFor(perHour, serviceMin, target, SERVICE_LEVEL);
      const high = countersFor(perHour, serviceMin, target, HIGH_SERVICE_LEVEL);
      lines.push(
        `| ${perDay.toLocaleString('en')} | ${perHour.toFixed(0)} | ${serviceMin} min | ` +
          `${((perHour * serviceMin) / 60).toFixed(1)} | ${s.counters} | ${s.meanWait.toFixed(1)} min | ` +
          `${(s.withinTarget * 100).toFixed(0)} % | ${(s.utilisation * 100).toFixed(0)} % | ${high.counters} |`,
      );
    }
  }
  return lines.join('\n');
}

if (require.main === module) {
  const [visits, service, target] = process.argv.slice(2).map(Number);
  process.stdout.write(
    `${
      visits && service
        ? table([visits], [service], target || 15)
        : table([200, 400, 800, 1600], [5, 10, 15], 15)
    }\n`,
  );
}
