import type { FactsScope } from './report-packs';
import type { ReportRequest } from './report-run';

/**
 * What the main thread posts to the report thread: a report, or (`buildPacks`) building the
 * missing packs of closed days, answered with how many were built as `json`.
 */
export interface ReportThreadRequest {
  id: number;
  /** The database file the thread opens its own connection to. */
  file: string;
  request: ReportRequest | { buildPacks: FactsScope };
}

/**
 * What the report thread answers: the summary as JSON text, which the route sends as it
 * is (a decade by day is thousands of rows: the main thread need not parse it).
 */
export type ReportReply = { id: number; json: string } | { id: number; error: string };
