import type { ReportSummary } from '../../contract/reports';
import type { ExportReply, ExportRequest } from './report-export-protocol';
import { asBuffer, jsonBytes } from './report-thread-protocol';
import type { ExportFormat, RenderedReport } from './report-render';
import { ThreadHost, threadEntry } from './thread-host';

export type { ExportFormat, RenderedReport } from './report-render';

/**
 * Renders a report as a CSV, XLSX or PDF file in a long-lived worker thread, so the
 * seconds of CPU a long period by day costs (building the workbook, laying out the PDF)
 * never hold the server's event loop; the thread parses the PDF font once and keeps it.
 * It takes the summary as UTF-8 JSON, as the report thread wrote it. A thread that
 * crashes, exits, runs out of memory or outlives `timeoutMs` is terminated, what it held
 * is refused with `reports_unavailable`, and the next export starts a new one.
 */
export class ExportThread {
  private readonly host: ThreadHost<Omit<ExportRequest, 'id'>, ExportReply>;

  constructor(entry = threadEntry('report-export-entry')) {
    this.host = new ThreadHost(entry, 'report export thread');
  }

  /**
   * The file for the summary `json` (UTF-8). When `json` spans a whole buffer of its own
   * (what the report thread sends) the buffer moves to the thread and is unusable here
   * afterwards; a slice of a larger buffer is copied.
   */
  async render(
    json: Uint8Array,
    format: ExportFormat,
    timeoutMs: number | null = null,
  ): Promise<RenderedReport> {
    const whole = json.byteOffset === 0 && json.byteLength === json.buffer.byteLength;
    // A copy (`new Uint8Array` copies; a Buffer's `slice` would be a view of the whole).
    const bytes = whole ? json : new Uint8Array(json);
    const reply = await this.host.call({ json: bytes, format }, timeoutMs, [
      bytes.buffer as ArrayBuffer,
    ]);
    if ('error' in reply) throw new Error(reply.error);
    return { contentType: reply.contentType, fileName: reply.fileName, body: asBuffer(reply.body) };
  }

  close(): Promise<void> {
    return this.host.close();
  }
}

let shared: ExportThread | null = null;

/**
 * Renders `summary` in a thread shared by the process: for tests and tools. The server
 * renders through `ReportService.export`, in the reports' queue, from the JSON text.
 */
export function renderReport(
  summary: ReportSummary,
  format: ExportFormat,
): Promise<RenderedReport> {
  shared ??= new ExportThread();
  return shared.render(jsonBytes(summary), format);
}

/** Stops the shared export thread; a later `renderReport` starts a new one. */
export async function closeReportExports(): Promise<void> {
  const thread = shared;
  shared = null;
  await thread?.close();
}
