import type { ReportSummary } from '../../contract/reports';
import { reportFileName } from './report-columns';
import { renderCsv } from './report-csv';
import { renderPdf } from './report-pdf';
import { renderXlsx } from './report-xlsx';

/** A rendered report file, ready for `Content-Type` and `Content-Disposition`. */
export interface RenderedReport {
  contentType: string;
  fileName: string;
  body: Buffer;
}

/** The formats a report exports to (json is the route's own). */
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/**
 * Renders the summary as a CSV, XLSX or PDF file (columns in `report-columns.ts`) on the
 * calling thread: the export thread's body (a year by day takes seconds of CPU).
 */
export async function renderReportHere(
  summary: ReportSummary,
  format: ExportFormat,
): Promise<RenderedReport> {
  switch (format) {
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: reportFileName(summary, 'csv'),
        body: renderCsv(summary),
      };
    case 'xlsx':
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: reportFileName(summary, 'xlsx'),
        body: await renderXlsx(summary),
      };
    case 'pdf':
      return {
        contentType: 'application/pdf',
        fileName: reportFileName(summary, 'pdf'),
        body: await renderPdf(summary),
      };
  }
}
