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
import { ExportThread, type ExportFormat, type RenderedReport } from './report-export';
import { LiveWork } from './live-work';
import { ReportQueue } from './report-queue';
import { asBuffer, jsonBytes } from './report-thread-protocol';
import { ReportThread } from './report-thread';
import { daysBetween } from './report-time';

/** The checked query of `GET /api/reports/summary`. */
export interface ReportQuery {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  /** More groupings, each its own sheet (XLSX only: the route refuses them otherwise). */
  alsoGroupBy?: ReportGrouping[] | undefined;
  serviceId?: number | undefined;
  counterId?: number | undefined;
}

/** Options tests set. */
export interface ReportServiceOptions {
  /** Run reports in a worker thread (default: whenever the database is a file). */
  thread?: boolean;
  /** The threads' scripts (tests inject failing ones). */
  entries?: { report?: string; export?: string };
  /** How long one report or export may run before its thread is ended (default 60 s). */
  timeoutMs?: number;
  /** How many reports may wait behind the running one (default 4); more get `report_busy`. */
  maxWaiting?: number;
}

/** A report's longest run before its thread is terminated and restarted (503). */
export const REPORT_TIMEOUT_MS = 60_000;
/** Reports waiting behind the running one before the next is refused (429). */
export const REPORT_MAX_WAITING = 4;

/**
 * Reports over any period: each closed day from its pack (`report_days`), today live, so
 * a report over today is always exact. With a database file the reading and adding up run
 * in a worker thread with its own connection; with `:memory:` they run here, yielding to
 * the event loop between days. Reports, exports and `buildMissingPacks` share one queue:
 * one at a time, at most `maxWaiting` waiting. A thread that fails or runs past the
 * timeout is ended and answered `reports_unavailable` (503); the next job starts another.
 */
export class ReportService {
  /**
   * Live requests on the main thread (counted by the HTTP layer, `countLiveRequests`): the
   * report thread steps aside while there are any, so the queue is served first.
   */
  readonly liveWork = new LiveWork();
  private readonly thread: ReportThread | null;
  private readonly exports: ExportThread;
  private readonly queue: ReportQueue;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(
    private readonly repos: Repos,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    options: ReportServiceOptions = {},
  ) {
    const file = repos.db.file;
    const threaded = options.thread ?? file !== ':memory:';
    this.thread =
      threaded && file !== ':memory:'
        ? new ReportThread(file, options.entries?.report, this.liveWork)
        : null;
    this.exports = new ExportThread(options.entries?.export);
    this.queue = new ReportQueue(options.maxWaiting ?? REPORT_MAX_WAITING);
    this.timeoutMs = options.timeoutMs ?? REPORT_TIMEOUT_MS;
  }

  /** The report, parsed (tests and tools; the route sends `summaryJson` as it is). */
  async summary(query: ReportQuery): Promise<ReportSummary> {
    return JSON.parse((await this.summaryJson(query)).toString('utf8')) as ReportSummary;
  }

  /**
   * The report as UTF-8 JSON, as the thread wrote it (what `format=json` sends). `signal`
   * (the client hung up) takes it out of the queue before its turn.
   */
  summaryJson(query: ReportQuery, signal?: AbortSignal): Promise<Buffer> {
    const request = this.request(query);
    return this.queue.run(() => this.json(request), signal);
  }

  /**
   * The report as a CSV, XLSX or PDF file, in the same turn of the queue: the JSON bytes
   * go on to the export thread as they are (never parsed nor copied here).
   */
  export(query: ReportQuery, format: ExportFormat, signal?: AbortSignal): Promise<RenderedReport> {
    const request = this.request(query);
    return this.queue.run(
      async () => this.exports.render(await this.json(request), format, this.timeoutMs),
      signal,
    );
  }

  /**
   * Builds the packs of closed days that have none (after start-up, so the first report
   * is fast), in the queue with the reports: in the thread when there is one (a decade of
   * days to check or build never holds the main thread), else here, one day per turn of
   * the event loop. No timeout: a decade takes minutes, one small transaction per day.
   */
  async buildMissingPacks(): Promise<number> {
    const scope = this.scope();
    // Two indexed reads: most starts have every pack and need not start the thread.
    if (!this.packsMissing(scope)) return 0;
    return this.queue.run(async () =>
      this.thread
        ? (JSON.parse((await this.thread.run({ buildPacks: scope }, null)).toString()) as number)
        : buildReportPacks(this.repos.db, scope, {
            pause: async () => {
              await yieldToLoop();
              if (this.closed) throw new Error('report service closed');
            },
          }),
    );
  }

  /** How many reports wait behind the running one. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Stops the thread and any pack building (before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.close();
    await Promise.all([this.thread?.close(), this.exports.close()]);
  }

  /** One report's UTF-8 JSON, in the thread (under the timeout) or here. */
  private async json(request: ReportRequest): Promise<Buffer> {
    if (this.thread) return this.thread.run(request, this.timeoutMs);
    return asBuffer(jsonBytes(await runReport(this.repos.db, request, () => yieldToLoop())));
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
      alsoGroupBy: query.alsoGroupBy ?? [],
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
