import type { ReportSummary } from '../../contract/reports';
import type { ExportFormat } from './report-render';

/** What the main thread asks the export thread. */
export interface ExportRequest {
  id: number;
  summary: ReportSummary;
  format: ExportFormat;
}

/** The export thread's answer: the file, or the error's message. */
export type ExportReply =
  | { id: number; contentType: string; fileName: string; body: Uint8Array }
  | { id: number; error: string };
