import type { ReportRequest } from './report-run';

/** What the main thread posts to the report thread. */
export interface ReportThreadRequest {
  id: number;
  /** The database file the thread opens its own connection to. */
  file: string;
  request: ReportRequest;
}

/**
 * What the report thread answers: the summary as JSON text, which the route sends as it
 * is (a decade by day is thousands of rows: the main thread need not parse it).
 */
export type ReportReply = { id: number; json: string } | { id: number; error: string };
