import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ReportGrouping, ReportSummary } from '../../contract/reports';
import { serviceDay } from '../../domain/service-day';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';
import { satisfiedFrom } from '../admin/monitor-service';
import type { SettingsService } from '../admin/settings-service';
import { PACK_FORMAT } from './report-facts';
import { buildReportPacks, type FactsScope } from './report-packs';
import { runReport, type ReportRequest } from './report-run';
import { ReportThread } from './report-thread';
import { daysBetween } from './report-time';

/** The checked query of `GET /api/reports/summary`. */
export interface ReportQuery {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  serviceId?: number | undefined;
  counterId?: number | undefined;
}

/** Options tests set. */
export interface ReportServiceOptions {
  /** Run reports in a worker thread (default: whenever the database is a file). */
  thread?: boolean;
}

/**
 * Reports over any period: each closed day from its pack (`report_days`), today live, so
 * a report over today is always exact. With a database file the reading and adding up run
 * in a worker thread with its own connection; with `:memory:` they run here, yielding to
 * the event loop between days. Reports run one after another, and `buildMissingPacks`
 * in the same queue (in the thread too when there is one).
 */
export class ReportService {
  private readonly thread: ReportThread | null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly repos: Repos,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    options: ReportServiceOptions = {},
  ) {
    const file = repos.db.file;
    const threaded = options.thread ?? file !== ':memory:';
    this.thread = threaded && file !== ':memory:' ? new ReportThread(file) : null;
  }

  /** The report; `service_not_found` / `counter_not_found` for unknown filters. */
  async summary(query: ReportQuery): Promise<ReportSummary> {
    return JSON.parse(await this.summaryJson(query)) as ReportSummary;
  }

  /** The report as JSON text, as the thread wrote it (what `format=json` sends). */
  summaryJson(query: ReportQuery): Promise<string> {
    const request = this.request(query);
    const run = this.queue.then(async () =>
      this.thread
        ? this.thread.run(request)
        : JSON.stringify(await runReport(this.repos.db, request, () => yieldToLoop())),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Builds the packs of closed days that have none (after start-up, so the first report
   * is fast), in the queue with the reports: in the thread when there is one (a decade of
   * days to check or build never holds the main thread), else here, one day per turn of
   * the event loop.
   */
  async buildMissingPacks(): Promise<number> {
    const scope = this.scope();
    // Two indexed reads: most starts have every pack and need not start the thread.
    if (!this.packsMissing(scope)) return 0;
    const run = this.queue.then(async () =>
      this.thread
        ? (JSON.parse(await this.thread.run({ buildPacks: scope })) as number)
        : buildReportPacks(this.repos.db, scope, {
            pause: async () => {
              await yieldToLoop();
              if (this.closed) throw new Error('report service closed');
            },
          }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the thread and any pack building (before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    await this.thread?.close();
  }

  /** Whether a closed day from the first ticket's on has no pack for this zone and format. */
  private packsMissing(scope: FactsScope): boolean {
    const db = this.repos.db;
    const first = db.get<{ day: string | null }>('SELECT MIN(day) AS day FROM tickets')?.day;
    if (first == null || first >= scope.today) return false;
    const closedDays = daysBetween(first, scope.today).length - 1;
    const packed =
      db.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM report_days
         WHERE day >= ? AND day < ? AND time_zone = ? AND format = ?`,
        [first, scope.today, scope.timeZone, PACK_FORMAT],
      )?.n ?? 0;
    return packed < closedDays;
  }

  private scope(): FactsScope {
    const timeZone = this.settings.timeZone();
    const now = this.clock.now();
    return { timeZone, now, today: serviceDay(now, timeZone) };
  }

  private request(query: ReportQuery): ReportRequest {
    const db = this.repos.db;
    const serviceId = query.serviceId ?? null;
    const counterId = query.counterId ?? null;
    if (
      serviceId !== null &&
      !db.get('SELECT 1 AS found FROM services WHERE id = ?', [serviceId])
    ) {
      throw new DomainError('service_not_found', `No service ${serviceId}`);
    }
    if (
      counterId !== null &&
      !db.get('SELECT 1 AS found FROM counters WHERE id = ?', [counterId])
    ) {
      throw new DomainError('counter_not_found', `No counter ${counterId}`);
    }
    const settings = this.settings.current();
    return {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      serviceId,
      counterId,
      scope: this.scope(),
      centre: { name: settings.centreName, address: settings.centreAddress },
      ratingScale: settings.rating.levels,
      satisfiedFrom: satisfiedFrom(settings.rating),
      packs: 'build',
    };
  }
}
