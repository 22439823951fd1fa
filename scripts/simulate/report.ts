import type { EstimateError } from './stats';
import type { SimulationReport } from './summary';

const pct = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)} %`);
const num = (value: number | null, unit = '') => (value === null ? '–' : `${value}${unit}`);

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

function errorRow(label: string, e: EstimateError): (string | number)[] {
  return [
    label,
    e.tickets,
    num(e.maeMinutes, ' min'),
    pct(e.within5Share),
    num(e.biasMinutes, ' min'),
    num(e.p90AbsMinutes, ' min'),
  ];
}

/** The report as Markdown (bench/SIMULATION.md by default). */
export function renderMarkdown(reports: readonly SimulationReport[]): string {
  const lines: string[] = [
    '# Simulated days (`npm run simulate`)',
    '',
    'Written by `scripts/simulate.ts`; how to run it and read it: [docs/simulation.md](../docs/simulation.md).',
    '',
  ];
  for (const r of reports) lines.push(...renderOne(r), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderOne(r: SimulationReport): string[] {
  const o = r.options;
  const t = r.tickets;
  const lines = [
    `## Load ${o.load}× — seed \`${o.seed}\`, ${o.days} day(s) from ${o.start}${o.until === '24:00' ? '' : ` until ${o.until}`}, ${o.clock === 'stepped' ? 'stepped clock' : `accelerated clock, speed ${o.speed}×`}`,
    '',
    `${r.generatedAt} · ${r.machine.cpus} × ${r.machine.cpuModel} · Node ${r.machine.node} · ` +
      `${r.wallSeconds} s wall (days: ${r.days.map((d) => `${d.day} ${d.wallSeconds.toFixed(0)} s`).join(', ')}) · ` +
      `${r.centre.services} services, ${r.centre.counters} counters and clerks, ${r.centre.kiosks} kiosks, ${r.centre.displays} hall screens`,
    '',
    ...(o.note ? [o.note, ''] : []),
    r.failures.length === 0
      ? '**Result: passed** (no 5xx, no lost call, counts add up).'
      : `**Result: FAILED** — ${r.failures.join('; ')}`,
    '',
    '### Tickets',
    '',
    ...table(
      [
        'Arrivals',
        'Issued',
        'Refused',
        'Served',
        'No-show',
        'Waiting at close',
        'Parked / at desk at close',
        'Transfers',
        'Recalls',
        'Parked (called back)',
        'Pauses',
        'Ratings',
      ],
      [
        [
          t.arrivals,
          t.issued,
          Object.entries(t.refused)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || '0',
          t.served,
          t.noShow,
          t.waitingAtClose,
          `${t.parkedAtClose} / ${t.atDeskAtClose}`,
          t.transfers,
          t.recalls,
          `${t.parks} (${t.parkedCalledBack})`,
          t.pauses,
          `${t.ratings}${t.ratingsRefused > 0 ? ` (+${t.ratingsRefused} refused)` : ''}`,
        ],
      ],
    ),
    '',
    '### Waits per service (issue → first call)',
    '',
    ...table(
      [
        'Service',
        'Issued',
        'Served',
        'No-show',
        'Never called',
        'Mean',
        'p90',
        'Max',
        'Within target',
      ],
      r.services.map((s) => [
        `${s.code} — ${s.name}`,
        s.issued,
        s.served,
        s.noShow,
        s.neverCalled,
        num(s.waitMeanMinutes, ' min'),
        num(s.waitP90Minutes, ' min'),
        num(s.waitMaxMinutes, ' min'),
        `${pct(s.withinTargetShare)} (≤ ${s.targetWaitMinutes} min)`,
      ]),
    ),
    '',
    '### The estimator (`estimatedWaitMinutes` at issue vs the real wait)',
    '',
    ...table(
      ['Tickets', 'Called', 'MAE', 'Within ±5 min', 'Bias (estimate − real)', 'p90 abs. error'],
      [
        errorRow('All day', r.estimator.all),
        errorRow('Morning (issued before 12:00)', r.estimator.morning),
      ],
    ),
    '',
    `Counter utilisation (busy ÷ open, all counters): **${pct(r.utilisation)}**; per counter: ` +
      r.counters.map((c) => `${c.number}: ${pct(c.utilisation)}`).join(', ') +
      '.',
    '',
    '### Server',
    '',
    `All requests but sign-ins (argon2 by design): ${r.latency.all.requests}, p50 ${num(r.latency.all.p50Ms, ' ms')}, p99 ${num(r.latency.all.p99Ms, ' ms')}, ` +
      `max ${num(r.latency.all.maxMs, ' ms')}; 5xx: ${r.errors.serverErrors}; network errors: ${r.errors.networkErrors}. ` +
      `Server process at the end: RSS ${r.server.rssMb} MB, heap ${r.server.heapUsedMb} MB, ` +
      `event-loop delay p99 ${r.server.loopP99Ms} ms (max ${r.server.loopMaxMs} ms). ` +
      `Hall screens received ${r.screens.received.join(' / ')} calls of ${r.screens.expectedCalls} made (${r.screens.duplicates} twice; ${r.screens.disconnects} reconnections caught up by \`sync\`).`,
    '',
    ...table(
      ['Route', 'Requests', 'p50', 'p99', 'Max', 'Other answers'],
      r.latency.routes.map((x) => [
        `\`${x.route}\``,
        x.requests,
        num(x.p50Ms, ' ms'),
        num(x.p99Ms, ' ms'),
        num(x.maxMs, ' ms'),
        Object.entries(x.refusals)
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ') || '–',
      ]),
    ),
  ];
  return lines;
}
