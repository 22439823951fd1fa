import { DEFAULT_SETTINGS } from '../../server/src/contract/settings';
import { runSimulation, DEFAULT_OPTIONS } from '../../scripts/simulate/run';
import type { SimulationReport } from '../../scripts/simulate/summary';
import { dayWorkload, type WorkloadService } from '../../scripts/simulate/workload';

const SERVICES: WorkloadService[] = [
  { id: 1, code: 'A', name: 'A', minutes: 12, targetWaitMinutes: 20, weight: 1, transferTo: 2 },
  { id: 2, code: 'B', name: 'B', minutes: 4, targetWaitMinutes: 20, weight: 2, transferTo: 1 },
];

describe('the simulator workload', () => {
  const day = (seed: string) =>
    dayWorkload(
      {
        seed,
        day: '2026-03-10',
        weekday: 2,
        midnight: Date.UTC(2026, 2, 9, 17),
        load: 1,
        kiosks: 2,
        untilMinute: 1440,
        counterIds: [1, 2, 3],
      },
      DEFAULT_SETTINGS,
      SERVICES,
    );

  test('draws the same day from the same seed and another from another seed', () => {
    const strip = (w: ReturnType<typeof day>) =>
      w.visitors.map(({ random: _random, ...visitor }) => visitor);
    expect(strip(day('s1'))).toEqual(strip(day('s1')));
    expect(strip(day('s1'))).not.toEqual(strip(day('s2')));
  });

  test('puts about 800 arrivals inside the opening hours before the cut-off, busiest in the morning', () => {
    const { visitors, midnight } = day('s1');
    expect(visitors.length).toBeGreaterThan(700);
    expect(visitors.length).toBeLessThan(900);
    const minutes = visitors.map((v) => (v.at - midnight) / 60_000);
    const cutoff = DEFAULT_SETTINGS.cutoffMinutes;
    for (const m of minutes)
      expect((m >= 450 && m < 690 - cutoff) || (m >= 810 && m < 1020 - cutoff)).toBe(true);
    const peak = minutes.filter((m) => m >= 480 && m < 600).length;
    const lateAfternoon = minutes.filter((m) => m >= 900 && m < 1020).length;
    expect(peak).toBeGreaterThan(1.5 * lateAfternoon);
    const priority = visitors.filter((v) => v.priorityClass !== null).length / visitors.length;
    expect(priority).toBeGreaterThan(0.06);
    expect(priority).toBeLessThan(0.14);
  });
});

/** What a run's outcome is, without what the machine decides (wall time, latency, memory). */
function outcome(report: SimulationReport) {
  const { tickets, services, counters, utilisation, estimator, screens, failures } = report;
  return { tickets, services, counters, utilisation, estimator, screens, failures };
}

describe('npm run simulate', () => {
  let report: SimulationReport;
  let again: SimulationReport;
  const run = () => runSimulation({ ...DEFAULT_OPTIONS, seed: 'jest', load: 0.4, until: '09:00' });

  beforeAll(async () => {
    report = await run();
    again = await run();
  }, 90_000);

  test('runs on the stepped clock by default', () => {
    expect(DEFAULT_OPTIONS.clock).toBe('stepped');
    expect(report.options.clock).toBe('stepped');
  });

  test('gives the same day twice from the same seed: the same counts and estimator figures', () => {
    expect(outcome(again)).toEqual(outcome(report));
    expect(again.latency.routes.map((r) => [r.route, r.requests, r.refusals])).toEqual(
      report.latency.routes.map((r) => [r.route, r.requests, r.refusals]),
    );
  });

  test('runs a short seeded morning without a 5xx, a lost call or a surprise', () => {
    expect(report.failures).toEqual([]);
    expect(report.errors.serverErrors).toBe(0);
    expect(report.errors.networkErrors).toBe(0);
    expect(report.tickets.arrivals).toBeGreaterThan(30);
  });

  test('accounts for every arrival and every ticket', () => {
    const t = report.tickets;
    const refused = Object.values(t.refused).reduce((a, b) => a + b, 0);
    expect(t.issued + refused).toBe(t.arrivals);
    expect(t.served + t.noShow + t.waitingAtClose + t.parkedAtClose + t.atDeskAtClose).toBe(
      t.issued,
    );
    expect(report.services.reduce((sum, s) => sum + s.issued, 0)).toBe(t.issued);
    expect(report.services.reduce((sum, s) => sum + s.served, 0)).toBe(t.served);
    expect(report.counters.reduce((sum, c) => sum + c.served, 0)).toBe(t.served);
    expect(t.served).toBeGreaterThan(0);
    const issueRoute = report.latency.routes.find((r) => r.route === 'POST /api/tickets');
    expect(issueRoute?.requests).toBe(t.arrivals);
  });

  test('shows every call once on every hall screen', () => {
    expect(report.screens.expectedCalls).toBeGreaterThanOrEqual(report.tickets.served);
    for (const received of report.screens.received)
      expect(received).toBe(report.screens.expectedCalls);
    expect(report.screens.duplicates).toBe(0);
  });

  test('reports waits, utilisation and the estimator error as sane figures', () => {
    for (const service of report.services.filter((s) => s.called > 0)) {
      expect(service.waitMeanMinutes).toBeGreaterThanOrEqual(0);
      expect(service.waitP90Minutes).toBeGreaterThanOrEqual(0);
      expect(service.waitMaxMinutes).toBeGreaterThanOrEqual(service.waitP90Minutes as number);
      expect(service.withinTargetShare).toBeGreaterThanOrEqual(0);
      expect(service.withinTargetShare).toBeLessThanOrEqual(1);
    }
    expect(report.utilisation).toBeGreaterThan(0);
    expect(report.utilisation).toBeLessThanOrEqual(1);
    const { all, morning } = report.estimator;
    expect(all.tickets).toBeGreaterThan(0);
    expect(morning.tickets).toBe(all.tickets);
    expect(all.maeMinutes).toBeGreaterThanOrEqual(0);
    expect(all.p90AbsMinutes).toBeGreaterThanOrEqual(0);
    expect(all.within5Share).toBeGreaterThanOrEqual(0);
    expect(all.within5Share).toBeLessThanOrEqual(1);
    expect(Math.abs(all.biasMinutes as number)).toBeLessThanOrEqual(all.maeMinutes as number);
    expect(report.estimator.missingEstimates).toBe(0);
    expect(report.latency.all.p50Ms).toBeGreaterThan(0);
    expect(report.latency.all.p99Ms).toBeGreaterThanOrEqual(report.latency.all.p50Ms as number);
  });
});
