import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ReportGrouping, ReportSummary } from '../../contract/reports';
import { serviceDay } from '../../domain/service-day';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';
import { satisfiedFrom } from '../admin/monitor-service';
import type { SettingsService } from '../admin/settings-service';
import { buildReportPacks, type FactsScope } from './report-packs';
import { runReport, type ReportRequest } from './report-run';
import { ReportThread } from './report-thread';

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
 * the event loop between days. Reports run one after another. `buildMissingPacks` builds
 * packs on the main thread, one small transaction per day with a turn of the event loop
 * between days (the thread's reports build any still missing with their own connection).
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
   * is fast): one day per turn of the event loop, in the queue with the reports.
   */
  async buildMissingPacks(): Promise<number> {
    return buildReportPacks(this.repos.db, this.scope(), {
      pause: async () => {
        await yieldToLoop();
        if (this.closed) throw new Error('report service closed');
      },
    });
  }

  /** Stops the thread and any pack building (before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    await this.thread?.close();
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
