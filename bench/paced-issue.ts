import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApiClient } from '../test/support/api-client';

/**
 * Ticket issuing as a centre sees it: kiosks issuing at a fixed pace (open loop: each
 * request leaves at its scheduled instant whether or not the one before has answered),
 * alone and while reports run back to back. A centre issues about one ticket a second at
 * its peak; 50/s and 10/s are far above that. Windows alone and with reports alternate,
 * so both see the same background load on the shared machine. Nobody calls, so after each
 * window its tickets are cancelled (outside the measurement): every window starts with an
 * empty queue and ends with `perSecond × windowMs` waiting, alone or not (issue cost grows
 * with the queue, issue 13). A sample counts as "during a report"
 * only when a report was in flight at the instant it was sent.
 */
export interface PacedSamples {
  /** Latency of each `POST /api/tickets` (ms), send → response read. */
  alone: number[];
  duringReport: number[];
  /** Samples of the report windows sent between two reports (not counted). */
  betweenReports: number;
  reports: number;
  /** Most tickets waiting at once (at the end of a window). */
  queuedMax: number;
  /** Worst lateness of a send against its schedule (the client's own delay), ms. */
  clientLateMaxMs: number;
  /**
   * The server's own time for the same issues (headers read → response handed over), by
   * window: every issue of a report window counts, between reports too. Empty without
   * `serverTimes`.
   */
  serverAlone: ServerTimes;
  serverDuring: ServerTimes;
}

/**
 * Per issue, as the server saw it (ms): its own time, and within it the main thread's time
 * on a core and waiting for one (empty where the kernel does not say).
 */
export interface ServerTimes {
  serverMs: number[];
  cpuMs: number[];
  runQueueMs: number[];
}

export interface PacedOptions {
  perSecond: number;
  windowMs: number;
  rounds: number;
  kiosks: ApiClient[];
  /** One report, awaited; called back to back during the report windows. */
  report: (index: number) => Promise<void>;
  /** The server-side times of the issues answered since the last call (ms). */
  serverTimes?: () => Promise<ServerTimes>;
}

const sleepUntil = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

export async function pacedIssue(options: PacedOptions): Promise<PacedSamples> {
  const { perSecond, windowMs, rounds, kiosks, report, serverTimes } = options;
  const result: PacedSamples = {
    alone: [],
    duringReport: [],
    betweenReports: 0,
    reports: 0,
    queuedMax: 0,
    clientLateMaxMs: 0,
    serverAlone: { serverMs: [], cpuMs: [], runQueueMs: [] },
    serverDuring: { serverMs: [], cpuMs: [], runQueueMs: [] },
  };
  let reportsInFlight = 0;
  const failures: string[] = [];

  /** Issues at `perSecond` for `windowMs`; each latency goes to the list `sink` picks. */
  async function window(
    sink: (inReport: boolean) => number[] | null,
    serverSink: ServerTimes,
  ): Promise<void> {
    const interval = 1000 / perSecond;
    const start = performance.now();
    const pending: Promise<void>[] = [];
    const ids: number[] = [];
    for (let i = 0; i * interval < windowMs; i++) {
      const due = start + i * interval;
      await sleepUntil(due);
      const sent = performance.now();
      result.clientLateMaxMs = Math.max(result.clientLateMaxMs, sent - due);
      const list = sink(reportsInFlight > 0);
      const kiosk = kiosks[i % kiosks.length]!;
      pending.push(
        kiosk
          .post('/api/tickets', { serviceId: 1 + (i % 9) }, { 'Idempotency-Key': randomUUID() })
          .then((response) => {
            const took = performance.now() - sent;
            if (response.status !== 201) failures.push(`issue: ${response.status}`);
            else {
              list?.push(took);
              ids.push((response.body as { ticket: { id: number } }).ticket.id);
            }
          }),
      );
    }
    await Promise.all(pending);
    if (serverTimes) {
      const times = await serverTimes();
      serverSink.serverMs.push(...times.serverMs);
      serverSink.cpuMs.push(...times.cpuMs);
      serverSink.runQueueMs.push(...times.runQueueMs);
    }
    result.queuedMax = Math.max(result.queuedMax, ids.length);
    await cancelAll(ids);
  }

  /** Cancels the window's tickets, four at a time, so the next window starts empty. */
  async function cancelAll(ids: number[]): Promise<void> {
    await Promise.all(
      kiosks.map(async (kiosk, k) => {
        for (let i = k; i < ids.length; i += kiosks.length) {
          const response = await kiosk.post(`/api/tickets/${ids[i]}/cancel`, {
            reason: 'bench',
          });
          if (response.status !== 200) failures.push(`cancel: ${response.status}`);
        }
      }),
    );
  }

  for (let round = 0; round < rounds; round++) {
    await window(() => result.alone, result.serverAlone);
    let reporting = true;
    const reporter = (async () => {
      while (reporting) {
        reportsInFlight += 1;
        try {
          await report(result.reports);
        } finally {
          reportsInFlight -= 1;
        }
        result.reports += 1;
      }
    })();
    // The first report starts before the first ticket of the window.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await window((inReport) => {
      if (inReport) return result.duringReport;
      result.betweenReports += 1;
      return null;
    }, result.serverDuring);
    reporting = false;
    await reporter;
  }
  if (failures.length > 0) throw new Error(`paced issue: ${failures.slice(0, 3).join('; ')}`);
  return result;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? NaN;
}

/** Targets: p99 during a report ≤ 1.5× p99 alone, and at most 20 ms more. */
export const PACED_P99_RATIO = 1.5;
export const PACED_P99_EXTRA_MS = 20;

export interface PacedRow {
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const summary = (values: number[]) =>
  `p50 ${ms(percentile(values, 0.5))} p99 ${ms(percentile(values, 0.99))} ` +
  `max ${ms(Math.max(...values))}`;

/** The table's rows for one pace: latencies alone, during reports, and the verdict. */
export function pacedRows(perSecond: number, samples: PacedSamples): PacedRow[] {
  const alone = percentile(samples.alone, 0.99);
  const during = percentile(samples.duringReport, 0.99);
  const ratio = during / alone;
  const { serverAlone, serverDuring } = samples;
  const server = (name: string, alone: number[], during: number[]): PacedRow[] =>
    alone.length === 0
      ? []
      : [
          {
            measure: `  ${name}, alone / report windows`,
            value:
              `p50 ${ms(percentile(alone, 0.5))} / ${ms(percentile(during, 0.5))}, ` +
              `p99 ${ms(percentile(alone, 0.99))} / ${ms(percentile(during, 0.99))}`,
            target: '',
            ok: null,
          },
        ];
  return [
    {
      measure: `issue paced ${perSecond}/s, alone (n ${samples.alone.length})`,
      value: summary(samples.alone),
      target: '',
      ok: null,
    },
    {
      measure:
        `issue paced ${perSecond}/s, during a report ` +
        `(n ${samples.duringReport.length}, ${samples.reports} reports)`,
      value: summary(samples.duringReport),
      target: '',
      ok: null,
    },
    {
      measure: `issue paced ${perSecond}/s: p99 during ÷ alone (queue 0→${samples.queuedMax})`,
      value: `${ratio.toFixed(2)}× (+${ms(during - alone)})`,
      target: `≤ ${PACED_P99_RATIO}× and ≤ +${PACED_P99_EXTRA_MS} ms`,
      ok: ratio <= PACED_P99_RATIO && during - alone <= PACED_P99_EXTRA_MS,
    },
    ...server("server's own time", serverAlone.serverMs, serverDuring.serverMs),
    ...server('  of it the main thread on a core', serverAlone.cpuMs, serverDuring.cpuMs),
    ...server('  of it waiting for a core', serverAlone.runQueueMs, serverDuring.runQueueMs),
  ];
}
