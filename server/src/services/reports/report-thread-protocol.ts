import type { ReportSummary } from '../../contract/reports';
import type { ReportRequest } from './report-run';

/** What the main thread posts to the report thread. */
export interface ReportThreadRequest {
  id: number;
  /** The database file the thread opens its own connection to. */
  file: string;
  request: ReportRequest;
}

/** What the report thread answers. */
export type ReportReply = { id: number; summary: ReportSummary } | { id: number; error: string };
