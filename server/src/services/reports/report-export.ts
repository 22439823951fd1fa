import type { ReportSummary } from '../../contract/reports';
import { reportFileName } from './report-columns';
import { renderCsv } from './report-csv';

/** A rendered report file, ready for `Content-Type` and `Content-Disposition`. */
export interface RenderedReport {
  contentType: string;
  fileName: string;
  body: Buffer;
}

/** The formats a report exports to (json is the route's own). */
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/** Renders the summary as a CSV, XLSX or PDF file (columns in `report-columns.ts`). */
export async function renderReport(
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
    case 'pdf':
      throw new Error(`report format ${format} is not rendered yet`);
  }
}
