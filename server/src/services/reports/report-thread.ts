import type { FactsScope } from './report-packs';
import type { ReportRequest } from './report-run';
import { asBuffer, type ReportReply, type ReportThreadRequest } from './report-thread-protocol';
import type { LiveWork } from './live-work';
import { ThreadHost, threadEntry } from './thread-host';

/**
 * Runs reports in one long-lived worker thread with its own connection to the database
 * file, so reading and adding up years of tickets never holds the main thread's event
 * loop. Started on first use; a thread that crashes, exits, runs out of memory or takes
 * longer than its timeout is terminated, what it held is refused with
 * `reports_unavailable`, and the next report starts a new one. `close()` terminates it.
 */
export class ReportThread {
  private readonly host: ThreadHost<Omit<ReportThreadRequest, 'id'>, ReportReply>;

  constructor(
    private readonly file: string,
    entry = threadEntry('report-thread-entry'),
    /** Live requests on the main thread, which the thread steps aside for (none: never). */
    private readonly live: LiveWork | null = null,
  ) {
    this.host = new ThreadHost(entry, 'report thread');
  }

  /**
   * The report as UTF-8 JSON (a `ReportSummary`), in the memory the thread wrote it to;
   * for `buildPacks`, how many were built. `timeoutMs` (null: none) ends a report that
   * runs away.
   */
  async run(
    request: ReportRequest | { buildPacks: FactsScope },
    timeoutMs: number | null,
  ): Promise<Buffer> {
    const reply = await this.host.call(
      { file: this.file, request, live: this.live?.buffer ?? null },
      timeoutMs,
    );
    if ('error' in reply) throw new Error(reply.error);
    return asBuffer(reply.json);
  }

  close(): Promise<void> {
    return this.host.close();
  }
}
